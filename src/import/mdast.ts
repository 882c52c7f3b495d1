import type { Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';

/** How imported Markdown is written: the house style of the templates. */
const STYLE: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
};

const fromHtml = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark);
const fromMarkdown = unified().use(remarkParse).use(remarkGfm);
const toMarkdown = unified().use(remarkGfm).use(remarkStringify, STYLE);

/** HTML (mammoth's output) → Markdown syntax tree: headings, lists, GFM tables, emphasis, links, images. */
export async function htmlToMdast(html: string): Promise<Root> {
  const tree = (await fromHtml.run(fromHtml.parse(html))) as Root;
  promoteFirstRows(tree);
  return tree;
}

/**
 * Word tables rarely mark a header row, and a GFM table needs one: the converter then
 * puts an empty row on top. The table's first row takes its place.
 */
function promoteFirstRows(parent: Parent): void {
  for (const node of parent.children) {
    if (node.type === 'table') {
      const [head, ...rest] = node.children;
      if (head && rest.length > 0 && head.children.every((cell) => toString(cell).trim() === '')) node.children = rest;
    } else if ('children' in node) {
      promoteFirstRows(node as Parent);
    }
  }
}

export function markdownToMdast(markdown: string): Root {
  return fromMarkdown.parse(markdown);
}

export function mdastToMarkdown(tree: Root): string {
  return toMarkdown.stringify(tree);
}
