import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { isScalar, Schema as YamlSchema, type ScalarTag } from 'yaml';
import { articleParts, YAML_SCHEMA_OPTIONS, type FrontMatter } from './frontmatter';

/**
 * A fast reading of an article's front matter: the wiki's parser (`yaml`, with the line of
 * every key) takes about 0.3–0.5 ms per article, js-yaml a tenth of that. Two readers use it:
 * the browser editor, which reads every article of the wiki to show one list (Decap filters
 * a collection only after reading its files), and the loading of the wiki for validate,
 * audit and the site (`parseFrontMatterFast`, with the line of every key), where the YAML was
 * 60 % of the time of a cold run.
 *
 * Both must give the same values, so js-yaml decides what a value is (text, number, yes/no,
 * null) by the wiki's own rules: the tags of its `yaml` schema (YAML 1.2 core with the digit
 * strings of src/core/frontmatter.ts), in their order. What is left is how a text is written,
 * so only plain `key: value` lines, `- value` items and one-line flow lists are read here;
 * anything else (anchors, tags, block texts, escapes, line-spanning values, YAML errors, …)
 * answers `undefined`, and the caller reads the file with the wiki's parser. Differential test
 * against parseFrontMatter in test/front-matter-fast.test.ts.
 */

type Data = Record<string, unknown>;

/** Lines both read alike: blank or comment, `key:` / `key: value`, `- value`. */
const SIMPLE_LINE =
  /^(?: *(?:#.*)?| *[A-Za-z_][A-Za-z0-9_-]*:(?: +\S.*)?| *- +\S.*)$/;
/** Characters of YAML beyond those lines: tabs, anchors and aliases, tags, block texts, escapes, flow mappings, directives, reserved, complex keys. */
const BEYOND = /[\t&*!|>\\{}%@`]|^ *\?/m;

type TestedTag = ScalarTag & { test: RegExp };

/** The wiki's implicit scalar tags that a plain scalar can match, in the wiki's order (the first match decides). */
const TESTED = new YamlSchema(YAML_SCHEMA_OPTIONS).tags.filter((tag): tag is TestedTag => 'test' in tag && tag.test instanceof RegExp);
const TEXT_TAG = 'tag:yaml.org,2002:str';
/** Any of their tests at once: most values are texts, and these fail every test. */
const ANY_TESTED = new RegExp(TESTED.map((tag) => `(?:${tag.test.source})`).join('|'));
if (TESTED.some((tag) => tag.test.flags !== '')) throw new Error('front-matter-fast: a tag test with flags cannot join ANY_TESTED');

/** The first of the wiki's tags that reads `text`, or undefined for a text. */
const tagOf = (text: string) => (ANY_TESTED.test(text) ? TESTED.find((tag) => tag.test.test(text)) : undefined);

/**
 * The wiki's implicit scalar rules as one js-yaml type: it takes every plain scalar one of
 * them takes and builds the value that tag builds (js-yaml keeps one type per tag name and
 * asks each type in turn; one type asks one regular expression for the many texts).
 */
const WIKI_SCALARS = new Type('tag:stellenwissen,2026:wiki-scalar', {
  kind: 'scalar',
  resolve: (text: string) => ANY_TESTED.test(text),
  construct: (text: string) => {
    // Some resolve to a node that remembers how the number was written: its value.
    const value: unknown = tagOf(text)!.resolve(text, () => undefined, {});
    return isScalar(value) ? value.value : value;
  },
});

const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [WIKI_SCALARS] });

/** A key the wiki reads as a name: no rule but the text one takes it (`null:` is no name). */
const isName = (key: string) => key !== '__proto__' && (tagOf(key)?.tag ?? TEXT_TAG) === TEXT_TAG;

/** Plain data only: texts, finite numbers, yes/no, null, lists and mappings of them. */
function plain(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (Array.isArray(value)) return value.every(plain);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).every(([key, sub]) => isName(key) && plain(sub));
  }
  return false;
}

interface FastReading {
  data: Data;
  parts: Extract<ReturnType<typeof articleParts>, { yamlText: string }>;
  /** The YAML's lines, each one SIMPLE_LINE. */
  lines: string[];
}

function readFast(text: string): FastReading | undefined {
  const parts = articleParts(text);
  if (parts.yamlText === undefined || parts.yamlText.trim() === '') return undefined;
  const yamlText = parts.yamlText;
  if (BEYOND.test(yamlText)) return undefined;
  const lines = yamlText.split('\n');
  if (!lines.every((line) => SIMPLE_LINE.test(line))) return undefined;
  let data: unknown;
  try {
    data = load(yamlText, { schema: SCHEMA });
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !plain(data)) return undefined;
  return { data: data as Data, parts, lines };
}

/** The front matter's fields and the body of an already normalised text, or undefined when only the wiki's parser may read it. */
export function readFrontMatterFast(text: string): { data: Data; body: string } | undefined {
  const reading = readFast(text);
  return reading && { data: reading.data, body: reading.parts.body };
}

/**
 * parseFrontMatter's result for an already normalised text, read the fast way, or undefined
 * when only the wiki's parser may read it (then the caller uses parseFrontMatter).
 */
export function parseFrontMatterFast(text: string): FrontMatter | undefined {
  const reading = readFast(text);
  if (!reading) return undefined;
  const { data, parts, lines } = reading;
  const keyLines = keyLinesOf(lines, data);
  if (!keyLines) return undefined;
  return { data, problems: [], keyLines, endLine: parts.endLine, bodyLine: parts.bodyLine, bodyOffset: parts.bodyOffset, body: parts.body };
}

/** The YAML's first line is the file's second (after the opening `---`). */
const FIRST_YAML_LINE = 2;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;

interface Block {
  indent: number;
  pointer: string;
  kind: 'map' | 'seq';
  items: number;
}

/**
 * The file line of every JSON pointer in `data`, from the lines that SIMPLE_LINE let through:
 * a stack of the open mappings and lists by indentation, as YAML nests blocks. Undefined
 * where the lines do not nest as expected or do not name exactly the pointers of `data`
 * (the wiki's parser then reads the file).
 */
function keyLinesOf(rows: string[], data: Data): Map<string, number> | undefined {
  const lines = new Map<string, number>();
  const stack: Block[] = [{ indent: 0, pointer: '', kind: 'map', items: 0 }];
  /** A key without a value on its line: its block (if any) starts on a later line. */
  let open: { indent: number; pointer: string } | undefined;
  /** Values written as one-line flow lists: every pointer inside them is on that line. */
  const flows: Array<{ pointer: string; line: number }> = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const line = i + FIRST_YAML_LINE;
    const indent = row.length - row.trimStart().length;
    const content = row.slice(indent);
    if (content === '' || content.startsWith('#')) continue;
    if (content.startsWith('- ')) {
      if (open && indent >= open.indent) stack.push({ indent, pointer: open.pointer, kind: 'seq', items: 0 });
      open = undefined;
      while (stack.length > 1 && stack.at(-1)!.indent > indent) stack.pop();
      const list = stack.at(-1)!;
      if (list.kind !== 'seq' || list.indent !== indent) return undefined;
      const pointer = `${list.pointer}/${list.items++}`;
      lines.set(pointer, line);
      const rest = content.slice(2).trimStart();
      const column = indent + content.length - rest.length;
      if (rest.startsWith('- ')) return undefined;
      if (rest.startsWith('[')) flows.push({ pointer, line });
      const key = KEY.exec(rest);
      if (key) {
        // `- name: a`: a mapping that starts on the item's line, its keys in that column.
        stack.push({ indent: column, pointer, kind: 'map', items: 0 });
        open = addKey(key, stack.at(-1)!, column, line, lines, flows);
      }
      continue;
    }
    const key = KEY.exec(content);
    if (!key) return undefined;
    if (open && indent > open.indent) stack.push({ indent, pointer: open.pointer, kind: 'map', items: 0 });
    open = undefined;
    while (stack.length > 1 && (stack.at(-1)!.indent > indent || (stack.at(-1)!.kind === 'seq' && stack.at(-1)!.indent >= indent))) stack.pop();
    const map = stack.at(-1)!;
    if (map.kind !== 'map' || map.indent !== indent) return undefined;
    open = addKey(key, map, indent, line, lines, flows);
  }
  for (const { pointer, line } of flows) {
    const value = valueAt(data, pointer);
    if (!Array.isArray(value)) return undefined;
    setLinesBelow(value, pointer, line, lines);
  }
  // The lines name exactly the pointers of the data: each one found, and no other.
  const count = countPointers(data, '', lines);
  return count === lines.size ? lines : undefined;
}

/** Records a `key:` line of `map`; returns the key as open when no value follows on the line. */
function addKey(key: RegExpExecArray, map: Block, indent: number, line: number, lines: Map<string, number>, flows: Array<{ pointer: string; line: number }>) {
  const pointer = `${map.pointer}/${key[1]}`;
  lines.set(pointer, line);
  const value = key[2];
  if (value === undefined || value.startsWith('#')) return { indent, pointer };
  if (value.startsWith('[')) flows.push({ pointer, line });
  return undefined;
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const part of pointer.split('/').slice(1)) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

/** Sets `line` for every JSON pointer below `value` (keys need no escaping: KEY allows neither `~` nor `/`). */
function setLinesBelow(value: unknown[], pointer: string, line: number, lines: Map<string, number>): void {
  for (let i = 0; i < value.length; i++) {
    const inner = `${pointer}/${i}`;
    lines.set(inner, line);
    const item = value[i];
    if (Array.isArray(item)) setLinesBelow(item, inner, line, lines);
  }
}

/** The number of JSON pointers below `value`, or -1 as soon as one has no line. */
function countPointers(value: unknown, pointer: string, lines: Map<string, number>): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  const visit = (key: string, inner: unknown) => {
    const path = `${pointer}/${key}`;
    const below = lines.has(path) ? countPointers(inner, path, lines) : -1;
    count = count < 0 || below < 0 ? -1 : count + 1 + below;
  };
  if (Array.isArray(value)) value.forEach((inner, i) => visit(String(i), inner));
  else for (const key in value) visit(key, (value as Record<string, unknown>)[key]);
  return count;
}
