import type { Code, Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

/**
 * Mermaid diagrams get an accessible name: Mermaid writes `accTitle`/`accDescr` into the
 * SVG as `<title>`/`<desc>` (aria-labelledby/aria-describedby). Where the author wrote
 * neither, this remark step adds both from the article's title, so no diagram is an
 * unnamed image (WCAG 1.1.1). A diagram whose author wrote one of them is left as written.
 */
export function remarkMermaidNames() {
  return (tree: Root, file: VFile): void => {
    const diagrams: Code[] = [];
    collect(tree, diagrams);
    if (diagrams.length === 0) return;
    const title = articleTitle(tree, file);
    diagrams.forEach((code, index) => {
      const name = diagrams.length > 1 ? `${title} (Diagramm ${index + 1} von ${diagrams.length})` : title;
      code.value = withAccessibleName(code.value, name);
    });
  };
}

function collect(node: Root | RootContent, into: Code[]): void {
  if (node.type === 'code' && node.lang === 'mermaid') into.push(node);
  if ('children' in node) for (const child of node.children) collect(child, into);
}

function articleTitle(tree: Root, file: VFile): string {
  const frontMatter = (file.data as { frontMatter?: { title?: unknown } }).frontMatter;
  if (typeof frontMatter?.title === 'string' && frontMatter.title.trim()) return oneLine(frontMatter.title);
  const heading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  return heading ? oneLine(toString(heading)) : 'Diagramm';
}

/** accTitle/accDescr run to the end of their line: nothing may break out of it. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The diagram with `accTitle`/`accDescr` after its first line (the diagram type, e.g.
 * `flowchart TD`), past a leading `---` config block and `%%` comments or directives.
 */
export function withAccessibleName(source: string, title: string): string {
  if (/^\s*acc(Title|Descr)\s*[:{]/m.test(source)) return source;
  const lines = source.split('\n');
  let at = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    at = end < 0 ? lines.length : end + 1;
  }
  while (at < lines.length && (lines[at].trim() === '' || lines[at].trim().startsWith('%%'))) at++;
  if (at >= lines.length) return source;
  const indent = lines[at + 1]?.match(/^\s*/)?.[0] || '  ';
  lines.splice(at + 1, 0, `${indent}accTitle: ${title}`, `${indent}accDescr: Diagramm zum Artikel „${title}“`);
  return lines.join('\n');
}
