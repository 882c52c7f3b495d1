import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { PLACEHOLDER } from './placeholders';

/** A `##` section of the body. Lines are lines of the whole file. */
export interface Section {
  title: string;
  line: number;
  column: number;
  /** True when nothing but comments and sub-headings stands under the heading. */
  empty: boolean;
  /** Task-list items directly or indirectly in this section. */
  tasks: TaskItem[];
}

export interface TaskItem {
  checked: boolean;
  line: number;
  text: string;
}

export interface Placeholder {
  line: number;
  column: number;
  text: string;
}

/** What the rules and the coverage engine need from a body. */
export interface BodyFacts {
  /** True when the body has visible content (anything but HTML comments). */
  hasContent: boolean;
  sections: Section[];
  placeholders: Placeholder[];
}

/** Everything a remark parse of a body yields: the facts plus what search indexes. */
export interface MarkdownSummary extends BodyFacts {
  /** Every heading of the body (`#` to `######`) as plain text, in order (for search). */
  headings: string[];
  /**
   * The body's visible text without headings, for full-text search: paragraphs, lists,
   * tables, quotes; inline code and image alt text included; code blocks (Mermaid too),
   * raw HTML and comments left out. Blocks are separated by a newline.
   */
  text: string;
}

const processor = unified().use(remarkParse).use(remarkGfm);

function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

/**
 * Parses a body once with remark + remark-gfm. `lineOffset` is the number of
 * file lines before the body, so every position refers to the whole file.
 */
export function summariseMarkdown(body: string, lineOffset: number): MarkdownSummary {
  const tree = processor.parse(body) as Root;
  const line = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + lineOffset;
  const sections: Section[] = [];
  const headings: string[] = [];
  const text: string[] = [];
  let current: Section | undefined;
  let hasContent = false;
  for (const node of tree.children) {
    if (node.type === 'heading') headings.push(toString(node, { includeHtml: false }).trim());
    else collectText(node, text);
    if (node.type === 'heading' && node.depth <= 2) {
      current = node.depth === 2 ? {
        title: toString(node as Heading).trim(),
        line: line(node),
        column: node.position?.start.column ?? 1,
        empty: true,
        tasks: [],
      } : undefined;
      if (current) sections.push(current);
      if (node.depth === 1) hasContent = true;
      continue;
    }
    if (isComment(node)) continue;
    hasContent = true;
    if (current && node.type !== 'heading') current.empty = false;
    if (current) collectTasks(node, current.tasks, line);
  }
  const placeholders: Placeholder[] = [];
  collectPlaceholders(tree, placeholders, body, lineOffset);
  return { hasContent, sections, placeholders, headings, text: text.join('').replace(/\n{2,}/g, '\n').trim() };
}

/** Inline content: its text runs on without a break (`Gewerbe**anmeldung**` stays one word). */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'link', 'linkReference', 'image', 'imageReference', 'break', 'footnoteReference']);
/** Not visible as text: code blocks (and Mermaid), raw HTML and comments, link definitions, nested headings. */
const INVISIBLE = new Set(['code', 'html', 'definition', 'yaml', 'heading']);

function collectText(node: Nodes, out: string[]): void {
  if (INVISIBLE.has(node.type)) return;
  if (node.type === 'text' || node.type === 'inlineCode') out.push(node.value);
  else if (node.type === 'image') out.push(node.alt ?? '');
  else if (node.type === 'break') out.push('\n');
  else if ('children' in node) for (const child of node.children) collectText(child as Nodes, out);
  if (!PHRASING.has(node.type)) out.push('\n');
}

function collectTasks(node: Nodes, tasks: TaskItem[], line: (n: Nodes) => number): void {
  if (node.type === 'listItem' && typeof node.checked === 'boolean') {
    tasks.push({ checked: node.checked, line: line(node), text: toString(node.children[0] ?? node).trim() });
  }
  if ('children' in node) for (const child of node.children) collectTasks(child as Nodes, tasks, line);
}

/**
 * `TODO:` in text outside code: in paragraphs, headings, lists, tables, links.
 * Positions come from the source of the text node (a text node's value drops
 * escapes, entities and the indentation or `>` markers of continuation lines,
 * so counting in the value would shift the column).
 */
function collectPlaceholders(node: Nodes, out: Placeholder[], body: string, lineOffset: number): void {
  if (node.type === 'text' && node.value.includes('TODO:') && node.position) {
    const inValue = [...node.value.matchAll(PLACEHOLDER)];
    const start = node.position.start.offset;
    const end = node.position.end.offset;
    const source = start === undefined || end === undefined ? undefined : body.slice(start, end);
    const inSource = source === undefined ? [] : [...source.matchAll(PLACEHOLDER)];
    const fromSource = inSource.length === inValue.length;
    inValue.forEach((match, i) => {
      const text = node.value.slice(match.index).split('\n')[0].trim();
      // Same number of matches in the source: the i-th is this one, at an exact position.
      const before = fromSource ? source!.slice(0, inSource[i].index) : node.value.slice(0, match.index);
      const newlines = before.split('\n').length - 1;
      const { line, column } = node.position!.start;
      out.push({
        line: line + newlines + lineOffset,
        column: newlines === 0 ? column + before.length : before.length - before.lastIndexOf('\n'),
        text,
      });
    });
    return;
  }
  if ('children' in node) for (const child of node.children) collectPlaceholders(child as Nodes, out, body, lineOffset);
}
