/**
 * A fast, line-based block scanner that finds the facts `summariseMarkdown` (remark +
 * remark-gfm) finds – `hasContent`, `##` sections with their tasks and `empty` flag, and
 * `TODO:` placeholders – without parsing the whole article.
 *
 * Contract: whenever `scanBody` returns a value, it deep-equals those three fields of
 * `summariseMarkdown(body, lineOffset)`. When the body uses something the scanner does not
 * model exactly, it returns undefined and the caller parses with remark.
 *
 * Modelled exactly (a simplified CommonMark block parser):
 * - ATX headings (closing `#` sequence, up to 3 spaces of indentation), thematic breaks;
 * - paragraphs, including the interruption rules for headings, fences, quotes, comments,
 *   thematic breaks and list items (ordered lists interrupt only when they start at 1);
 * - bullet and ordered lists, nested to any depth, with GFM task items `[ ]`/`[x]`/`[X]`;
 * - block quotes (`>` with an optional space), also inside list items and vice versa;
 * - fenced code with ``` or ~~~ (Mermaid too), closed or running to the end of its container;
 * - GFM tables, also when the header row interrupts a paragraph;
 * - HTML comments as whole blocks (`<!--` … the line holding `-->`), blank lines.
 *
 * Inline content is only looked at where a fact needs it: a `##` title or a task text
 * without inline-special characters is taken as it stands; otherwise, and for every
 * paragraph, heading or table that could hold a `TODO:` (also spelt with entities or
 * escapes), that one block is parsed alone with remark. That is exact because the block
 * structure is already known and the body has no link reference definitions (see below).
 *
 * Bails out (undefined) on: a byte-order mark at the start of the body or of a block, tabs (except in the content of a top-level fenced code block),
 * control characters, setext headings (a `=`/`-` line under paragraph text), anything that
 * may be a link reference or footnote definition (`[…]:`), indented code, HTML other than
 * comments at the start of a line (`<div>`, `<https://…>` autolinks, ERB), lazy
 * continuation lines, empty list items, list items whose content is indented 5+ spaces,
 * table rows without a leading `|`, backtick fences with a backtick in the info string,
 * and whenever a block parsed alone does not come out as the block the scanner saw.
 */
import type { List, ListItem, Nodes, Paragraph, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BodyFacts, Placeholder, Section, TaskItem } from '../remark';
import {
  BACKTICK, BAIL, BOM, CLOSE_BRACKET, COLON, DASH, DASHES_ONLY, EQUALS, GT, HASH, LOWER_X, LT, OPEN_BRACKET, PIPE, SPACE, TILDE, UPPER_X, atxDepth, delimiterCells, fenceOpen, headerCells, isFenceClose, isThematicBreak, listMarker, spacesAt,
} from './lines';
import { PLACEHOLDER } from '../placeholders';

const processor = unified().use(remarkParse).use(remarkGfm);

/** Could produce a `TODO:` in a text node: the word itself or a numeric/`&colon;` reference. */
const TRIGGER = /TODO|&#|&colon/;
/** Inline syntax that makes `toString` differ from the source text. */
const INLINE_SPECIAL = /[\\`*_~[<&]/;
/** Control characters other than tab and line feed (CR is normalised away before). */
const CONTROL = /[\0-\x08\x0b-\x1f\x7f]/;


const QUOTE = 0;
const ITEM = 1;
type Container = { kind: typeof QUOTE } | { kind: typeof ITEM; width: number; ordered: boolean; marker: number };

const PARA = 0;
const FENCE = 1;
const COMMENT = 2;
const TABLE = 3;
interface Para { kind: typeof PARA; first: number; prefixes: number[]; itemFirst: boolean; trigger: boolean }
interface Fence { kind: typeof FENCE; char: number; length: number }
interface Comment { kind: typeof COMMENT; top: boolean }
interface TableLeaf { kind: typeof TABLE; first: number; prefixes: number[]; trigger: boolean }
type Leaf = Para | Fence | Comment | TableLeaf;


/**
 * Collects placeholders of a block parsed alone, mapped back to the file. `widths[i]` is
 * how many characters of file line `firstLine + i` precede snippet line `i + 1`. Mirrors
 * collectPlaceholders in ../remark.ts: where that one counts in the source, the source
 * here lacks the container prefixes, so the prefix width is added back; where it counts
 * in the decoded value across a newline, it ignores prefixes, and so does this.
 */
function collectMapped(node: Nodes, out: Placeholder[], src: string, firstLine: number, widths: number[]): void {
  if (node.type === 'text' && node.value.includes('TODO:') && node.position) {
    const inValue = [...node.value.matchAll(PLACEHOLDER)];
    const start = node.position.start.offset;
    const end = node.position.end.offset;
    const source = start === undefined || end === undefined ? undefined : src.slice(start, end);
    const inSource = source === undefined ? [] : [...source.matchAll(PLACEHOLDER)];
    const fromSource = inSource.length === inValue.length;
    const { line, column } = node.position.start;
    for (let i = 0; i < inValue.length; i++) {
      const match = inValue[i]!;
      const text = node.value.slice(match.index).split('\n')[0]!.trim();
      const before = fromSource ? source!.slice(0, inSource[i]!.index) : node.value.slice(0, match.index);
      const newlines = before.split('\n').length - 1;
      const at = line + newlines;
      out.push({
        line: firstLine + at - 1,
        column: newlines === 0
          ? column + before.length + widths[line - 1]!
          : before.length - before.lastIndexOf('\n') + (fromSource ? widths[at - 1]! : 0),
        text,
      });
    }
    return;
  }
  if ('children' in node) for (const child of node.children) collectMapped(child as Nodes, out, src, firstLine, widths);
}

function parseAlone(text: string): Root {
  // A block parsed alone would start with the mark and shift like the body does (see scan).
  if (text.charCodeAt(0) === BOM) throw BAIL;
  return processor.parse(text) as Root;
}

/** Fast path: the facts remark would find, or undefined when the body uses a construct this scanner does not model exactly (caller then uses remark). */
export function scanBody(body: string, lineOffset: number): BodyFacts | undefined {
  try {
    return scan(body, lineOffset);
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

function scan(body: string, lineOffset: number): BodyFacts {
  if (CONTROL.test(body)) throw BAIL;
  // micromark drops a byte-order mark at the start but still counts it in offsets: not modelled.
  if (body.charCodeAt(0) === BOM) throw BAIL;
  const hasTab = body.includes('\t');
  const lines = body.split('\n');
  const sections: Section[] = [];
  const placeholders: Placeholder[] = [];
  let current: Section | undefined;
  let hasContent = false;
  const stack: Container[] = [];
  let leaf: Leaf | undefined;

  const topContent = () => {
    hasContent = true;
    if (current) current.empty = false;
  };

  const finishPara = (para: Para) => {
    const count = para.prefixes.length;
    const first = lines[para.first]!;
    const content0 = first.slice(para.prefixes[0]);
    // `[label]:` may be a (multi-line) definition, which would change inline parsing everywhere.
    if (content0.trimStart().charCodeAt(0) === OPEN_BRACKET) {
      for (let i = 0; i < count; i++) if (lines[para.first + i]!.includes(']:')) throw BAIL;
    }
    let task: TaskItem | undefined;
    let plainTask = false;
    if (para.itemFirst) {
      if (content0.trimEnd() === '[') throw BAIL; // a check can span a line ending: `[` + EOL + `]`
      const mark = content0.charCodeAt(1);
      if (content0.charCodeAt(0) === OPEN_BRACKET && content0.charCodeAt(2) === CLOSE_BRACKET && (mark === SPACE || mark === LOWER_X || mark === UPPER_X)) {
        const rest = content0.slice(3);
        // The check needs a space and then more content, or a line ending (micromark's tasklistCheck).
        // Markdown whitespace is only the space here (`trim` would also drop U+00A0).
        const blankRest = spacesAt(rest, 0) === rest.length;
        const isTask = blankRest ? count > 1 : rest.charCodeAt(0) === SPACE;
        if (isTask) {
          // After a check that ends its line remark shifts the text start onto the next
          // line's indentation: placeholder columns there are not worth modelling.
          if (para.trigger && blankRest) throw BAIL;
          task = { checked: mark !== SPACE, line: para.first + 1 + lineOffset, text: rest.trim() };
          // Plain text stands as it is; anything else is read from the parsed block below.
          plainTask = count === 1 && !INLINE_SPECIAL.test(rest);
        }
      }
    }
    if (para.trigger || (task !== undefined && !plainTask)) {
      const widths: number[] = [];
      const parts: string[] = [];
      for (let i = 0; i < count; i++) {
        const prefix = para.prefixes[i]!;
        const text = lines[para.first + i]!.slice(prefix);
        if (para.itemFirst) {
          // Parsed as a one-item list, so a task check is read exactly as in its real list.
          parts.push(i === 0 ? `- ${text}` : `  ${text}`);
          widths.push(prefix - 2);
        } else {
          parts.push(text);
          widths.push(prefix);
        }
      }
      const src = parts.join('\n');
      const tree = parseAlone(src);
      let paragraph: Paragraph;
      if (para.itemFirst) {
        const list = tree.children[0];
        if (tree.children.length !== 1 || list?.type !== 'list' || list.children.length !== 1) throw BAIL;
        const item = (list as List).children[0] as ListItem;
        const head = item.children[0];
        if (item.children.length !== 1 || head?.type !== 'paragraph') throw BAIL;
        if ((item.checked ?? undefined) !== task?.checked) throw BAIL;
        paragraph = head;
        if (task) task.text = toString(paragraph).trim();
      } else {
        const head = tree.children[0];
        if (tree.children.length !== 1 || head?.type !== 'paragraph') throw BAIL;
        paragraph = head;
      }
      if (paragraph.position?.end.line !== count) throw BAIL;
      collectMapped(paragraph, placeholders, src, para.first + 1 + lineOffset, widths);
    }
    if (task && current) current.tasks.push(task);
  };

  const finishTable = (table: TableLeaf) => {
    if (!table.trigger) return;
    const parts = table.prefixes.map((prefix, i) => lines[table.first + i]!.slice(prefix));
    const src = parts.join('\n');
    const tree = parseAlone(src);
    const head = tree.children[0];
    if (tree.children.length !== 1 || head?.type !== 'table' || head.position?.end.line !== parts.length) throw BAIL;
    collectMapped(head as Table, placeholders, src, table.first + 1 + lineOffset, table.prefixes);
  };

  const closeLeaf = () => {
    if (!leaf) return;
    const closing = leaf;
    leaf = undefined;
    if (closing.kind === PARA) finishPara(closing);
    else if (closing.kind === TABLE) finishTable(closing);
    else if (closing.kind === COMMENT && closing.top) topContent(); // never closed: not a whole comment
  };

  /** Could this line end a paragraph or table in a container it no longer continues? Else it is lazy. */
  const interrupts = (line: string, pos: number, unmatched: Container): boolean => {
    const ind = spacesAt(line, pos);
    if (ind >= 4) return false;
    const p = pos + ind;
    const c = line.charCodeAt(p);
    if (c === HASH) return atxDepth(line, p) > 0;
    if (c === BACKTICK || c === TILDE) return fenceOpen(line, p) > 0;
    if (c === GT) return true;
    if (c === LT) return line.startsWith('<!--', p);
    if (c === DASH && isThematicBreak(line, p)) return false; // setext-like; not modelled
    if (isThematicBreak(line, p)) return true;
    const marker = listMarker(line, p);
    if (!marker || marker.empty || marker.spaces > 4) return false;
    if (!marker.ordered || marker.one) return true;
    return unmatched.kind === ITEM && unmatched.ordered && unmatched.marker === marker.marker;
  };

  const heading = (li: number, line: string, pos: number, p: number, depth: number) => {
    const top = stack.length === 0;
    const needTitle = top && depth === 2;
    const rest = line.slice(p + depth);
    const trigger = TRIGGER.test(rest);
    let title = '';
    if (trigger || (needTitle && INLINE_SPECIAL.test(rest))) {
      const src = line.slice(pos);
      const tree = parseAlone(src);
      const node = tree.children[0];
      if (tree.children.length !== 1 || node?.type !== 'heading' || node.depth !== depth) throw BAIL;
      title = toString(node).trim();
      if (trigger) collectMapped(node, placeholders, src, li + 1 + lineOffset, [pos]);
    } else if (needTitle) {
      // Only spaces end the closing sequence (`trimEnd` would also take U+00A0 and friends).
      let j = rest.length;
      while (j > 0 && rest.charCodeAt(j - 1) === SPACE) j--;
      let raw = rest.slice(0, j);
      while (j > 0 && raw.charCodeAt(j - 1) === HASH) j--;
      if (j < raw.length && (j === 0 || raw.charCodeAt(j - 1) === SPACE)) raw = raw.slice(0, j);
      title = raw.trim();
    }
    if (!top) return;
    if (depth === 2) {
      current = { title, line: li + 1 + lineOffset, column: p + 1, empty: true, tasks: [] };
      sections.push(current);
    } else {
      hasContent = true;
      if (depth === 1) current = undefined;
    }
  };

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (hasTab && line.includes('\t')) {
      // Only the content of a top-level fenced code block may hold tabs (no prefix to measure).
      if (stack.length !== 0 || leaf?.kind !== FENCE) throw BAIL;
      if (line.charCodeAt(0) === 9) continue;
      const c = line.charCodeAt(spacesAt(line, 0));
      if (c === leaf.char) throw BAIL;
      continue;
    }

    // 1. Continue the open containers.
    let pos = 0;
    let matched = 0;
    const depth = stack.length;
    while (matched < depth) {
      const container = stack[matched]!;
      const ind = spacesAt(line, pos);
      if (container.kind === QUOTE) {
        if (ind > 3 || line.charCodeAt(pos + ind) !== GT) break;
        pos += ind + 1;
        if (line.charCodeAt(pos) === SPACE) pos++;
      } else if (pos + ind < line.length) {
        if (ind < container.width) break;
        pos += container.width;
      }
      matched++;
    }

    // 2. Concrete leaves (code, comments) take the line as it is.
    if (leaf && matched === depth) {
      if (leaf.kind === FENCE) {
        if (isFenceClose(line, pos, leaf)) leaf = undefined;
        continue;
      }
      if (leaf.kind === COMMENT) {
        if (line.includes('-->', pos)) {
          if (leaf.top && !line.slice(pos).trimEnd().endsWith('-->')) topContent();
          leaf = undefined;
        }
        continue;
      }
    }
    if (matched < depth) {
      if (leaf && (leaf.kind === PARA || leaf.kind === TABLE) && pos + spacesAt(line, pos) < line.length) {
        if (!interrupts(line, pos, stack[matched]!)) throw BAIL; // lazy continuation
      }
      closeLeaf();
      stack.length = matched;
    }

    // 3. New containers and the leaf on the rest of the line.
    let itemFirst = false;
    for (;;) {
      const ind = spacesAt(line, pos);
      const p = pos + ind;
      if (p >= line.length) {
        if (itemFirst) throw BAIL; // empty list item
        closeLeaf();
        break;
      }
      const top = stack.length === 0;
      if (ind >= 4) {
        if (leaf?.kind === PARA) {
          leaf.prefixes.push(pos);
          if (!leaf.trigger && TRIGGER.test(line)) leaf.trigger = true;
          break;
        }
        throw BAIL; // indented code
      }
      const c = line.charCodeAt(p);
      if (leaf?.kind === TABLE) {
        if (c === PIPE) {
          leaf.prefixes.push(pos);
          if (!leaf.trigger && TRIGGER.test(line)) leaf.trigger = true;
          break;
        }
        const hd = c === HASH ? atxDepth(line, p) : 0;
        if (hd === 0) throw BAIL; // a row without a leading pipe, or another block: not modelled
        closeLeaf();
        heading(li, line, pos, p, hd);
        break;
      }
      if (leaf?.kind === PARA) {
        if (c === DASH) {
          let i = p;
          while (line.charCodeAt(i) === DASH || line.charCodeAt(i) === SPACE) i++;
          if (i === line.length) throw BAIL; // setext underline or a break right under text
        }
        if (c === EQUALS) {
          let i = p;
          while (line.charCodeAt(i) === EQUALS) i++;
          if (spacesAt(line, i) === line.length - i) throw BAIL; // setext heading
        }
        // `- | -` is a list item before it is a delimiter row (micromark tries lists first).
        const item = c === DASH ? listMarker(line, p) : undefined;
        if ((c === DASH && (item === undefined || item.empty)) || c === PIPE || c === COLON) {
          const cells = delimiterCells(line, p);
          if (cells === DASHES_ONLY) throw BAIL; // setext heading or a break under text
          if (cells > 0) {
            // The paragraph's last line becomes the table's header row.
            const para = leaf;
            const count = li - para.first;
            const headerPrefix = para.prefixes[count - 1]!;
            const header = lines[li - 1]!;
            const headerInd = spacesAt(header, headerPrefix);
            if (headerInd > 3 || headerCells(header, headerPrefix + headerInd) !== cells) throw BAIL;
            const table: TableLeaf = { kind: TABLE, first: li - 1, prefixes: [headerPrefix, pos], trigger: TRIGGER.test(header) || TRIGGER.test(line) };
            leaf = undefined;
            if (count > 1) {
              para.prefixes.length = count - 1;
              finishPara(para);
            }
            leaf = table;
            break;
          }
        }
      }
      if (isThematicBreak(line, p)) {
        closeLeaf();
        if (top) topContent();
        break;
      }
      if (c === GT) {
        closeLeaf();
        if (top) topContent();
        stack.push({ kind: QUOTE });
        pos = p + 1;
        if (line.charCodeAt(pos) === SPACE) pos++;
        itemFirst = false;
        continue;
      }
      const marker = listMarker(line, p);
      if (marker) {
        if (marker.empty || marker.spaces > 4) throw BAIL;
        if (leaf?.kind === PARA && marker.ordered && !marker.one) {
          // An ordered list not starting at 1 cannot interrupt a paragraph: plain text.
          leaf.prefixes.push(pos);
          if (!leaf.trigger && TRIGGER.test(line)) leaf.trigger = true;
          break;
        }
        closeLeaf();
        if (top) topContent();
        stack.push({ kind: ITEM, width: ind + marker.length + marker.spaces, ordered: marker.ordered, marker: marker.marker });
        pos = p + marker.length + marker.spaces;
        itemFirst = true;
        continue;
      }
      if (c === HASH) {
        const hd = atxDepth(line, p);
        if (hd > 0) {
          closeLeaf();
          heading(li, line, pos, p, hd);
          break;
        }
      }
      if (c === BACKTICK || c === TILDE) {
        const length = fenceOpen(line, p);
        if (length > 0) {
          closeLeaf();
          if (top) topContent();
          leaf = { kind: FENCE, char: c, length };
          break;
        }
      }
      if (c === LT) {
        if (!line.startsWith('<!--', p) || line.startsWith('<!-->', p) || line.startsWith('<!--->', p)) throw BAIL;
        closeLeaf();
        const end = line.indexOf('-->', p + 4);
        if (end === -1) leaf = { kind: COMMENT, top };
        else if (top && !line.slice(pos).trimEnd().endsWith('-->')) topContent();
        break;
      }
      if (c === OPEN_BRACKET && line.includes(']:', p)) throw BAIL; // possible definition
      if (leaf?.kind === PARA) {
        leaf.prefixes.push(pos);
        if (!leaf.trigger && TRIGGER.test(line)) leaf.trigger = true;
      } else {
        if (top) topContent();
        leaf = { kind: PARA, first: li, prefixes: [pos], itemFirst, trigger: TRIGGER.test(line) };
      }
      break;
    }
  }
  closeLeaf();
  return { hasContent, sections, placeholders };
}
