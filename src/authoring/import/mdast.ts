import type { Parent, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { toString } from 'mdast-util-to-string';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { defaultHandlers } from 'mdast-util-to-markdown';
import { markdownTable } from 'markdown-table';
import { WORD_HANDLERS } from './word-html';

type Handlers = NonNullable<StringifyOptions['handlers']>;
type TextHandler = NonNullable<Handlers['text']>;
type TableHandler = NonNullable<Handlers['table']>;
type SerialiserState = Parameters<TextHandler>[2];
type SerialiserInfo = Parameters<TextHandler>[3];

/** Per serialiser configuration: a character class of every character an unsafe pattern names but the blank, and `\`. */
const unsafeCharacters = new WeakMap<SerialiserState['unsafe'], RegExp>();
const LINE_ENDING = /[\r\n]/;

function unsafeCharacterClass(state: SerialiserState): RegExp {
  let unsafe = unsafeCharacters.get(state.unsafe);
  if (!unsafe) {
    const characters = new Set(state.unsafe.map((pattern) => pattern.character));
    characters.delete(' ');
    unsafe = new RegExp(`[${[...characters, '\\'].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);
    unsafeCharacters.set(state.unsafe, unsafe);
  }
  return unsafe;
}

/**
 * `state.safe` runs some 40 patterns over every text node: most of the Word import's time in
 * wide tables. It can only change a text that holds a character one of them names or a
 * backslash, or inside an autolink (percent-encoding). The blank is named only next to a line
 * ending or in a fence's info string. Any other text is written as it stands, and only that
 * is skipped here; test/import-mdast.test.ts compares both ways.
 */
const text: TextHandler = (node, parent, state, info) => {
  const value = node.value;
  const plain = !unsafeCharacterClass(state).test(value) &&
    !(value.startsWith(' ') && LINE_ENDING.test(info.before.slice(-1))) &&
    !(value.endsWith(' ') && LINE_ENDING.test(info.after.charAt(0))) &&
    !state.stack.some((construct) => construct === 'autolink' || construct.startsWith('codeFenced'));
  return plain ? value : defaultHandlers.text(node, parent, state, info);
};

/**
 * mdast-util-gfm-table's handler, with the same output: a cell of only plain text (as
 * above) and single-line HTML (`<br>`, the imported cells' line breaks) is those values
 * joined, which is what phrasing serialisation makes of it; any other cell goes through
 * `containerPhrasing` as there. Wide Word tables are thousands of such cells.
 */
const table: TableHandler = (node: Table, _: unknown, state: SerialiserState, info: SerialiserInfo) => {
  const unsafe = unsafeCharacterClass(state);
  const exitTable = state.enter('table');
  const matrix = node.children.map((row) => {
    const exitRow = state.enter('tableRow');
    const cells = row.children.map((cell) => {
      const values: string[] = [];
      for (const child of cell.children) {
        if (child.type === 'text' && !unsafe.test(child.value)) values.push(child.value);
        else if (child.type === 'html' && !LINE_ENDING.test(child.value)) values.push(child.value);
        else return phrasingCell(cell, state, info);
      }
      return values.join('');
    });
    exitRow();
    return cells;
  });
  exitTable();
  const head = matrix[0];
  if (head) {
    const columns = node.align?.length || Math.max(...matrix.map((row) => row.length));
    while (head.length < columns) head.push('');
  }
  return markdownTable(matrix, { align: node.align, alignDelimiters: false, fillRows: false });
};

function phrasingCell(cell: TableCell, state: SerialiserState, info: SerialiserInfo): string {
  const exitCell = state.enter('tableCell');
  const exitPhrasing = state.enter('phrasing');
  const value = state.containerPhrasing(cell, { ...info, before: '|', after: '|' });
  exitPhrasing();
  exitCell();
  return value;
}

/** How imported Markdown is written: the house style of the templates. */
const STYLE: StringifyOptions = {
  handlers: { text, table },
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
};

const hastToMdast = unified().use(rehypeRemark, { handlers: WORD_HANDLERS });
const fromMarkdown = unified().use(remarkParse).use(remarkGfm);
// Compact tables: padding every cell to its column's width made a wide Word table megabytes of blanks.
const toMarkdown = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, STYLE);

/**
 * HTML (mammoth's output) → Markdown syntax tree: headings, lists, GFM tables, emphasis,
 * links, images, footnotes (see WORD_HANDLERS).
 */
export async function htmlToMdast(html: string): Promise<Root> {
  // rehype-parse always records source positions, which nothing here reads: parse5 without
  // them parses a large document in half the time (htmlToMdastReference is the check).
  return finishMdast((await hastToMdast.run(fromParse5(parseFragment(html)) as HastRoot)) as Root);
}

/** The same conversion through rehype-parse: the reference for the differential test. */
export async function htmlToMdastReference(html: string): Promise<Root> {
  const parser = unified().use(rehypeParse, { fragment: true });
  return finishMdast((await hastToMdast.run(parser.parse(html))) as Root);
}

function finishMdast(tree: Root): Root {
  promoteFirstRows(tree);
  tidyWhitespace(tree);
  return tree;
}

const isBlank = (node: RootContent) => node.type === 'text' && node.value.trim() === '';
const ATTENTION = new Set(['strong', 'emphasis', 'delete']);
const LINE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Word puts blanks inside bold/italic runs (`<strong> fett </strong>`); Markdown emphasis
 * cannot start or end with a blank, so the serialiser would write `&#x20;`. Blanks move
 * out of emphasis, emphasis of only blanks dissolves, and lines lose leading/trailing blanks.
 */
function tidyWhitespace(parent: Parent): void {
  const children: RootContent[] = [];
  for (const node of parent.children) {
    if ('children' in node) tidyWhitespace(node);
    if (!ATTENTION.has(node.type) || !('children' in node)) {
      children.push(node);
      continue;
    }
    const inner = node.children as PhrasingContent[];
    if (inner.every(isBlank)) {
      children.push(...inner);
      continue;
    }
    const first = inner[0];
    const last = inner[inner.length - 1];
    const lead = first?.type === 'text' ? /^\s+/.exec(first.value)?.[0] : undefined;
    const trail = last?.type === 'text' ? /\s+$/.exec(last.value)?.[0] : undefined;
    if (lead && first?.type === 'text') first.value = first.value.slice(lead.length);
    if (trail && last?.type === 'text') last.value = last.value.slice(0, -trail.length);
    if (lead) children.push({ type: 'text', value: lead });
    children.push(node);
    if (trail) children.push({ type: 'text', value: trail });
  }
  parent.children = children as never[];
  if (LINE_BLOCKS.has(parent.type)) {
    const first = children[0];
    const last = children[children.length - 1];
    if (first?.type === 'text') first.value = first.value.trimStart();
    if (last?.type === 'text') last.value = last.value.trimEnd();
  }
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

/** The same serialiser without the fast text handler: the reference for the differential test. */
export function mdastToMarkdownReference(tree: Root): string {
  return unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, { ...STYLE, handlers: {} }).stringify(tree);
}
