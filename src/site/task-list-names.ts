import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * GFM task lists (`- [ ] Zugänge übergeben`) become disabled checkboxes without a label;
 * screen readers announce only „Kontrollkästchen, nicht aktiviert“ (axe `label`). This rehype
 * step names each checkbox after the text of its item – without nested lists, which are
 * items of their own – so authors write plain Markdown and every article gets the name.
 */
export function rehypeTaskListNames() {
  return (tree: Root): void => {
    walk(tree);
  };
}

function walk(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'li') nameCheckbox(child);
    walk(child);
  }
}

function nameCheckbox(item: Element): void {
  const box = findCheckbox(item);
  if (!box || box.properties.ariaLabel || box.properties.ariaLabelledBy) return;
  const name = itemText(item).replace(/\s+/g, ' ').trim();
  if (name) box.properties.ariaLabel = name;
}

/** The item's own checkbox: a direct child or inside its first paragraph (loose lists). */
function findCheckbox(item: Element): Element | undefined {
  for (const child of item.children) {
    if (child.type !== 'element') continue;
    if (isCheckbox(child)) return child;
    if (child.tagName === 'p') return child.children.find((c): c is Element => c.type === 'element' && isCheckbox(c));
  }
  return undefined;
}

function isCheckbox(node: Element): boolean {
  return node.tagName === 'input' && node.properties.type === 'checkbox';
}

function itemText(node: Element | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'ul' || node.tagName === 'ol') return '';
  return node.children.map(itemText).join('');
}
