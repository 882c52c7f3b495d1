import type { Parent } from 'mdast';
import { markdownToMdast } from './mdast';

/** An ERB tag of GOV.UK tech docs / Middleman: `<%= … %>`, `<% … %>`, `<%# … %>`; `<%%` is an escaped `<%`. */
const ERB = /<%%|<%([=#]?)-?([\s\S]*?)-?%>/g;
const TITLE = /^\s*current_page\.data\.title\s*$/;
/** `name(args)`, `name args`, `Module.name(args)`, `Module::name args`. */
const CALL = /^\s*([A-Za-z_][\w.:]*[?!]?)\s*(?:\(([\s\S]*)\)|\s([\s\S]*))?\s*$/;
const STRING = /(['"])((?:\\[\s\S]|(?!\1)[^\\])*)\1/g;
/** Helpers whose argument names a template file, not text for the reader. */
const TEMPLATE_HELPERS = new Set(['partial', 'render']);
/** A Ruby statement that opens a block closed by `<% end %>`. */
const OPENS_BLOCK = /\bdo\s*(?:\|[^|]*\|)?\s*$|^\s*(?:if|unless|case|while|until|for|begin)\b/;
/** A block that repeats its content for data the old site generator had: dropped as a whole. */
const LOOP = /\bdo\s*(?:\|[^|]*\|)?\s*$|^\s*(?:while|until|for)\b/;
const END = /^\s*end\s*$/;
/** A fence line (also inside a quote or list item). */
const FENCE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:`{3,}|~{3,})/m;

export interface ErbResult {
  text: string;
  /** How many fragments were replaced by the title, their text, a link or an image. */
  replaced: number;
  /** Helper calls whose visible arguments stay as inline code (e.g. a rake task's name). */
  asCode: string[];
  /** Fragments that had no meaning outside the old site generator and were removed. */
  removed: string[];
  /** Loops (`<% … each do |x| %> … <% end %>`) dropped as a whole, with a note in the text. */
  loops: string[];
  /** Fragments inside code blocks and inline code: example code, kept verbatim. */
  inCode: number;
}

interface Tag {
  start: number;
  end: number;
  /** `=` output, `#` comment, `''` statement, `%` the escaped `<%%`. */
  kind: string;
  code: string;
}

const short = (fragment: string) => fragment.replace(/\s+/g, ' ').trim().slice(0, 80);

/** Inline code that survives backticks in its value. */
function inlineCode(value: string): string {
  const flat = value.replace(/\s*\n\s*/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = /^`|`$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const strings = (args: string) => [...args.matchAll(STRING)].map((m) => m[2]!.replace(/\\([\s\S])/g, '$1'));
const optionValue = (args: string, key: string) => strings(new RegExp(`\\b${key}:\\s*(['"])(?:\\\\[\\s\\S]|(?!\\1)[^\\\\])*\\1`).exec(args)?.[0] ?? '')[0];

/** What an output fragment (`<%= … %>`) becomes, or undefined if it has no visible text. */
function outputOf(code: string, title: string): { text: string; asCode?: string } | undefined {
  if (TITLE.test(code)) return { text: title };
  const call = CALL.exec(code);
  if (!call) return undefined;
  const name = call[1]!;
  const args = call[2] ?? call[3] ?? '';
  const values = strings(args);
  const helper = name.split(/\.|::/).pop()!;
  if (values.length === 0 || TEMPLATE_HELPERS.has(helper)) return undefined;
  if (helper === 'warning_text') return { text: `**Hinweis:** ${values.join(' ')}` };
  if (helper === 'link_to') {
    const argCount = args.replace(STRING, '""').split(',').length;
    if (values.length === 1 && argCount > 1) return { text: values[0]! }; // the target is a variable: text only
    return { text: `[${values[0]!.replace(/[[\]\\]/g, '\\$&')}](<${values[1] ?? values[0]}>)` };
  }
  if (helper === 'image_tag') return { text: `![${optionValue(args, 'alt') ?? ''}](<${values[0]}>)` };
  const visible = values.filter((v) => v.trim() !== '');
  return visible.length === 0 ? undefined : { text: visible.map(inlineCode).join(' '), asCode: name };
}

function tagsOf(text: string): Tag[] {
  return [...text.matchAll(ERB)].map((m) => ({
    start: m.index, end: m.index + m[0].length, kind: m[0] === '<%%' ? '%' : m[1]!, code: m[2] ?? '',
  }));
}

/**
 * Cheap test whether a tag could lie in code (a fence before it, a backtick in its
 * paragraph, an indented line); only then is the page parsed to find its code exactly.
 */
function mayBeInCode(text: string, tag: Tag, firstFence: number): boolean {
  if (firstFence !== -1 && firstFence < tag.start) return true;
  const lineStart = text.lastIndexOf('\n', tag.start - 1) + 1;
  const paragraphStart = Math.max(0, text.lastIndexOf('\n\n', tag.start));
  const lineEnd = text.indexOf('\n', tag.end);
  if (text.slice(paragraphStart, lineEnd === -1 ? text.length : lineEnd).includes('`')) return true;
  return /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)]))*(?: {4}|[ ]{0,3}\t)/.test(text.slice(lineStart, tag.start));
}

/** Offsets of every code block and inline code span, from remark's own parse. */
function codeRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const walk = (parent: Parent) => {
    for (const node of parent.children) {
      if ((node.type === 'code' || node.type === 'inlineCode') && node.position) ranges.push([node.position.start.offset!, node.position.end.offset!]);
      else if ('children' in node) walk(node);
    }
  };
  walk(markdownToMdast(text));
  return ranges;
}

/** The `<% end %>` that closes the block opened by `tags[open]`, or -1. */
function matchingEnd(tags: Tag[], open: number): number {
  let depth = 0;
  for (let i = open; i < tags.length; i += 1) {
    const tag = tags[i]!;
    if (tag.kind === '%' || tag.kind === '#') continue;
    if (OPENS_BLOCK.test(tag.code)) depth += 1;
    else if (END.test(tag.code)) depth -= 1;
    if (depth === 0) return i;
  }
  return -1;
}

/**
 * Replaces the ERB fragments of GOV.UK tech-docs pages: the page title
 * (`<%= current_page.data.title %>`), `warning_text('…')` → „**Hinweis:** …“, `link_to` and
 * `image_tag` → Markdown link and image, other helpers → their string arguments as inline
 * code (`RunRakeTask.links("app", "task")` → `` `app` `task` ``). Loops are dropped as a
 * whole with a visible note (their content came from data the old site had); other
 * fragments (conditions, `partial`, variables) are removed and listed. Code blocks and
 * inline code are example code: left verbatim.
 */
export function replaceErb(text: string, title: string): ErbResult {
  const result: ErbResult = { text, replaced: 0, asCode: [], removed: [], loops: [], inCode: 0 };
  let tags = tagsOf(text);
  if (tags.length === 0) return result;
  const firstFence = text.search(FENCE);
  if (tags.some((tag) => mayBeInCode(text, tag, firstFence))) {
    const ranges = codeRanges(text);
    const inCode = (tag: Tag) => ranges.some(([start, end]) => tag.start >= start && tag.start < end);
    result.inCode = tags.filter(inCode).length;
    tags = tags.filter((tag) => !inCode(tag));
  }
  const out: string[] = [];
  let last = 0;
  const put = (tag: Tag, replacement: string) => {
    out.push(text.slice(last, tag.start), replacement);
    last = tag.end;
  };
  for (let i = 0; i < tags.length; i += 1) {
    const tag = tags[i]!;
    const whole = text.slice(tag.start, tag.end);
    if (tag.kind === '%') {
      put(tag, '<%');
      continue;
    }
    if (tag.kind !== '#' && LOOP.test(tag.code)) {
      const end = matchingEnd(tags, i);
      if (end !== -1) {
        const head = short(tag.code.replace(/\s*\bdo\b[\s\S]*$/, '')); // `apps.each`: block parameters `|a|` would split a table row
        result.loops.push(`${head} (${text.slice(tag.start, tags[end]!.end).split('\n').length} Zeilen)`);
        put(tag, `\\[Inhalt fehlt: vom alten Wiki aus seinen Daten erzeugt, ERB-Schleife ${inlineCode(head)}]`);
        last = tags[end]!.end;
        i = end;
        continue;
      }
    }
    const output = tag.kind === '=' ? outputOf(tag.code, title) : undefined;
    if (output) {
      result.replaced += output.asCode ? 0 : 1;
      if (output.asCode) result.asCode.push(output.asCode);
      put(tag, output.text);
    } else {
      result.removed.push(short(whole));
      put(tag, '');
    }
  }
  out.push(text.slice(last));
  result.text = out.join('');
  return result;
}
