import type { Element, ElementContent } from 'hast';
// rehype-remark's own converter: its default handlers are the behaviour we refine.
import { defaultHandlers, type Handle } from 'hast-util-to-mdast';
import type { FootnoteDefinition, FootnoteReference, Heading, List, Nodes, PhrasingContent, TableCell } from 'mdast';

declare module 'mdast' {
  interface HeadingData {
    /** Names of the Word bookmarks inside this heading (targets of `#name` links). */
    wordBookmarks?: string[];
  }
}

/**
 * rehype-remark handlers for mammoth's HTML, where the defaults lose or mangle Word content:
 *
 * - footnote and endnote markers (`<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>`)
 *   and mammoth's closing list of notes become GFM footnotes (`[^1]`; endnotes `[^e1]`),
 *   without the back-links (`↑`);
 * - bookmark anchors (`<a id="_Toc…"></a>`) disappear; a heading remembers the bookmarks it
 *   held (`data.wordBookmarks`), so links to them can later point at the heading;
 * - table cells keep their paragraphs and lists on one Markdown line, joined with `<br>`
 *   (a GFM cell holds no blocks): `• eins<br>• zwei`, `1. …<br>2. …`.
 */
export const WORD_HANDLERS: Record<string, Handle> = {
  a: (state, node) => {
    const href = String(node.properties.href ?? '');
    if (href === '') return state.all(node); // a bookmark: only its text (if any) stays
    if (NOTE_BACKLINK.test(href)) return undefined;
    const note = noteId(href.slice(1));
    if (href.startsWith('#') && note && String(node.properties.id ?? '').startsWith(`${note.kind}-ref-`)) {
      const reference: FootnoteReference = { type: 'footnoteReference', identifier: note.label, label: note.label };
      state.patch(node, reference);
      return reference;
    }
    return defaultHandlers.a!(state, node);
  },
  ol: (state, node) => {
    const items = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
    const notes = items.map((li) => noteId(String(li.properties.id ?? '')));
    if (items.length === 0 || notes.some((n) => !n)) return defaultHandlers.ol!(state, node);
    return items.map((li, i): FootnoteDefinition => ({
      type: 'footnoteDefinition', identifier: notes[i]!.label, label: notes[i]!.label, children: state.toFlow(state.all(li)),
    }));
  },
  td: (state, node) => flattenCell(defaultHandlers.td!(state, node) as TableCell),
  th: (state, node) => flattenCell(defaultHandlers.th!(state, node) as TableCell),
  ...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag): [string, Handle] => [tag, (state, node) => {
    const heading = defaultHandlers[tag as 'h1'](state, node) as Heading;
    const bookmarks = bookmarksIn(node);
    if (bookmarks.length > 0) heading.data = { ...heading.data, wordBookmarks: bookmarks };
    return heading;
  }])),
};

const NOTE_BACKLINK = /^#(?:footnote|endnote)-ref-\d+$/;

/** mammoth's note ids `footnote-3` / `endnote-3` → the Markdown label (`3` / `e3`). */
function noteId(id: string): { kind: 'footnote' | 'endnote'; label: string } | undefined {
  const match = /^(footnote|endnote)-(\d+)$/.exec(id);
  if (!match) return undefined;
  const kind = match[1] as 'footnote' | 'endnote';
  return { kind, label: kind === 'footnote' ? match[2]! : `e${match[2]}` };
}

function bookmarksIn(node: Element): string[] {
  const found: string[] = [];
  const walk = (children: ElementContent[]) => {
    for (const child of children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'a' && !child.properties.href && child.properties.id) found.push(String(child.properties.id));
      walk(child.children);
    }
  };
  walk(node.children);
  return found;
}

/** Indent of nested list items inside a cell (no-break spaces: Markdown keeps them). */
const CELL_INDENT = '\u00a0\u00a0\u00a0';

/** A cell's blocks as lines of phrasing content, joined with `<br>`. */
function flattenCell(cell: TableCell): TableCell {
  const lines: PhrasingContent[][] = [];
  let open: PhrasingContent[] | undefined;
  const add = (node: PhrasingContent) => {
    if (!open) lines.push((open = []));
    open.push(node);
  };
  const end = () => {
    open = undefined;
  };
  const text = (value: string) => {
    value.split('\n').forEach((part, i) => {
      if (i > 0) end();
      if (part !== '') add({ type: 'text', value: part });
    });
  };
  const walk = (node: Nodes, prefix: string) => {
    switch (node.type) {
      case 'text':
        text(node.value);
        return;
      case 'break':
        end();
        return;
      case 'code':
        end();
        add({ type: 'inlineCode', value: node.value.replace(/\n/g, ' ') });
        end();
        return;
      case 'thematicBreak':
        return;
      case 'list':
        end();
        list(node, prefix);
        return;
      case 'paragraph':
      case 'heading':
        end();
        if (prefix) add({ type: 'text', value: prefix });
        for (const child of node.children) walk(child, '');
        end();
        return;
      default:
        if ('children' in node && node.type !== 'link' && node.type !== 'strong' && node.type !== 'emphasis' && node.type !== 'delete') {
          for (const child of node.children) walk(child, prefix);
        } else {
          add(node as PhrasingContent);
        }
    }
  };
  const list = (node: List, indent: string) => {
    node.children.forEach((item, i) => {
      const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : indent ? '◦ ' : '• ';
      let first = true;
      for (const child of item.children) {
        if (child.type === 'list') list(child, indent + CELL_INDENT);
        else walk(child, first ? indent + marker : indent + CELL_INDENT);
        first = false;
      }
      if (item.children.length === 0) walk({ type: 'paragraph', children: [] }, indent + marker);
    });
  };
  for (const child of cell.children) walk(child, '');
  const kept = lines.filter((line) => line.some((n) => n.type !== 'text' || n.value.trim() !== ''));
  cell.children = kept.flatMap((line, i) => (i === 0 ? line : [{ type: 'html', value: '<br>' }, ...line]));
  return cell;
}
