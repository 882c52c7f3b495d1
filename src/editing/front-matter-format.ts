import { Document, visit } from 'yaml';
import { normaliseText, parseFrontMatter, type FrontMatter } from '../core/frontmatter';
import { YamlLines } from '../authoring/yaml-lines';
import { readFrontMatterFast } from '../core/front-matter-fast';

/**
 * The file format the browser editor reads and writes articles with (registered in
 * Decap CMS as a custom format; the collections name it). Decap's own front-matter
 * format re-serialises the whole YAML on every save – flow lists become block lists,
 * quotes and comments vanish. This one parses with the wiki's own parser (dates stay
 * text) and, on save, rewrites only the keys whose value changed: every other byte of
 * the file – key order, comments, quoting, line endings, the body – stays as it was.
 * Pure: runs in the browser (the editor) and in Node (tests).
 */
export const ENTRY_FORMAT = 'stellenwissen-md';

type Data = Record<string, unknown>;

interface Original {
  /** The file's text as read (BOM and CRLF included). */
  content: string;
  /** The fields the form was filled with. */
  data: Data;
  /** The wiki parser's reading, with the line of every key; read when first saved (fromFile may have read it the fast way). */
  frontMatter?: FrontMatter & { data: Data };
}

/** The wiki parser's reading of the file as read, which a minimal save patches. */
function exactReading(original: Original): FrontMatter & { data: Data } {
  if (original.frontMatter) return original.frontMatter;
  const frontMatter = parseFrontMatter(normaliseText(original.content));
  // The fast reading (front-matter-fast.ts) and the wiki's parser must agree – else nothing is saved.
  if (frontMatter.data === undefined || !sameValue(frontMatter.data, original.data)) {
    throw new Error('Der Artikel konnte nicht gespeichert werden: Der Editor hat den Kopf der Datei anders gelesen als das Wiki. Bitte melden Sie das der IT; Ihre Eingaben stehen noch im Formular.');
  }
  original.frontMatter = { ...frontMatter, data: frontMatter.data };
  return original.frontMatter;
}

/** An empty form value: Decap sends these for fields the file does not have. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return isPlainObject(value) && Object.values(value).every(isEmpty);
}

function isPlainObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops empty sub-values (a cleared `digital.bundle`); undefined when nothing is left. */
function cleaned(value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  if (!isPlainObject(value)) return value;
  const out: Data = {};
  for (const [key, sub] of Object.entries(value)) {
    const kept = cleaned(sub);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
  }
  return false;
}

/** `key: value` as YAML lines in the wiki's style: lists in flow style (`[a, b]`) unless `blockLists`. */
function renderKey(key: string, value: unknown, blockLists: boolean): string[] {
  const doc = new Document({ [key]: value });
  if (!blockLists) {
    visit(doc, {
      Seq(_, node) {
        node.flow = true;
      },
    });
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '').split('\n');
}

/** The mapping's keys in the order the editor's form lists them, the others after. */
function ordered(keys: string[], sortedKeys: readonly string[]): string[] {
  const rank = (key: string) => {
    const index = sortedKeys.indexOf(key);
    return index === -1 ? sortedKeys.length : index;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

const COMMENT_OR_BLANK = /^[ \t]*(#.*)?\r?\n?$/;

/** Top-level keys of the front matter with the file lines their value spans (comments before the next key excluded). */
function keyBlocks(frontMatter: FrontMatter, lines: string[]): Map<string, { from: number; to: number }> {
  const starts = [...frontMatter.keyLines]
    .filter(([pointer]) => pointer.lastIndexOf('/') === 0)
    .map(([pointer, line]) => ({ key: pointer.slice(1).replace(/~1/g, '/').replace(/~0/g, '~'), line }))
    .sort((a, b) => a.line - b.line);
  const blocks = new Map<string, { from: number; to: number }>();
  starts.forEach(({ key, line }, i) => {
    let to = (starts[i + 1]?.line ?? frontMatter.endLine) - 1;
    while (to > line && COMMENT_OR_BLANK.test(lines[to - 1] ?? '')) to--;
    blocks.set(key, { from: line, to });
  });
  return blocks;
}

export class EntryFormat {
  /** What each article looked like when the editor read it, by id: the base of a minimal save. */
  private readonly originals = new Map<string, Original>();

  /** Decap: file text → the form's data (`body` = the Markdown after the front matter). */
  fromFile(content: string): Data {
    const text = normaliseText(content);
    // Decap reads every article for a list: the fast way where it reads alike.
    const fast = readFrontMatterFast(text);
    const frontMatter = fast ? undefined : parseFrontMatter(text);
    const data = fast?.data ?? frontMatter!.data;
    // Unreadable front matter: the whole text goes into the text field, unchanged, so
    // nothing is lost and the clerk sees (and the preview reports) what is wrong.
    if (data === undefined) return { body: content };
    // Keyed by id (Decap hands the format no path). Two files with one id (a
    // `duplicate-id` error) could pick the wrong base: the round-trip check below still
    // guarantees the saved fields are exactly the form's.
    if (typeof data.id === 'string') this.originals.set(data.id, { content, data, ...(frontMatter ? { frontMatter: { ...frontMatter, data } } : {}) });
    return { ...structuredClone(data), body: fast?.body ?? frontMatter!.body };
  }

  /** Decap: the form's data → file text. `sortedKeys` is the order of the form's fields. */
  toFile(data: Data, sortedKeys: readonly string[] = []): string {
    const { body: rawBody, ...fields } = data;
    const body = typeof rawBody === 'string' ? rawBody : '';
    const original = typeof fields.id === 'string' ? this.originals.get(fields.id) : undefined;
    const values: Data = {};
    for (const [key, value] of Object.entries(fields)) {
      const kept = cleaned(value);
      // An empty list (`deputies: []` means „none“) stays in a new article (from the template)
      // and where the file had the key; Decap also sends [] for list keys a file does not have.
      const emptyNew = Array.isArray(kept) && kept.length === 0 && original !== undefined && !(key in original.data);
      if (kept !== undefined && !emptyNew) values[key] = kept;
    }
    if (!original && body.startsWith('---')) return unreadable(body, values);
    const text = original ? patched(original, values, body, sortedKeys) : canonical(values, body, sortedKeys);
    assertRoundTrip(text, values);
    return text;
  }
}

/**
 * A file whose front matter could not be read was opened as text only: it is saved as
 * that text. Form fields filled in meanwhile would be lost, so that is refused.
 */
function unreadable(body: string, values: Data): string {
  if (Object.keys(values).some((key) => key !== 'type')) {
    throw new Error('Der Kopf des Artikels (zwischen den Zeilen „---“ oben im Text) ist fehlerhaft: Korrigieren Sie ihn zuerst im Textfeld und speichern Sie, bevor Sie die Formularfelder ausfüllen.');
  }
  return body;
}

/** A new article: all keys in form order, lists in flow style like the templates. */
function canonical(values: Data, body: string, sortedKeys: readonly string[]): string {
  const lines = ordered(Object.keys(values), sortedKeys).flatMap((key) => renderKey(key, values[key], false));
  return `---\n${lines.map((line) => `${line}\n`).join('')}---\n${body}`;
}

/** The original file with only the changed keys (and the body, if changed) rewritten. */
function patched(original: Original, values: Data, body: string, sortedKeys: readonly string[]): string {
  const { content } = original;
  const frontMatter = exactReading(original);
  const lines = content.split(/(?<=\n)/);
  const blocks = keyBlocks(frontMatter, lines);
  const edits: Array<{ from: number; to: number; text: string[] }> = [];
  for (const [key, block] of blocks) {
    const before = frontMatter.data[key];
    const after = values[key];
    if (sameValue(before, after)) continue;
    const blockLists = /:[ \t]*(#.*)?\r?\n?$/.test(lines[block.from - 1] ?? '') && Array.isArray(before);
    edits.push({ ...block, text: after === undefined ? [] : renderKey(key, after, blockLists) });
  }
  const added = ordered(Object.keys(values).filter((key) => !blocks.has(key)), sortedKeys);
  for (const key of added) {
    // After the nearest key that precedes it in the form, else before the closing `---`.
    const rank = sortedKeys.indexOf(key);
    const anchor = rank === -1 ? undefined : [...sortedKeys.slice(0, rank)].reverse().find((k) => blocks.has(k));
    const at = anchor ? blocks.get(anchor)!.to + 1 : frontMatter.endLine;
    edits.push({ from: at, to: at - 1, text: renderKey(key, values[key], false) });
  }
  const file = new YamlLines(content);
  // Bottom up, so earlier line numbers stay valid; insertions at one place keep their order.
  edits
    .map((edit, order) => ({ ...edit, order }))
    .sort((a, b) => b.from - a.from || b.order - a.order)
    .forEach((edit) => file.replaceLines(edit.from, edit.to, edit.text));
  const head = file.toString();
  // The body exactly as it stands in the file (CRLF and all): the lines from the body's first one.
  const tail = lines.slice(frontMatter.bodyLine - 1).join('');
  const frontPart = head.slice(0, head.length - tail.length);
  if (body === frontMatter.body) return frontPart + tail;
  return frontPart + (content.includes('\r\n') ? body.replace(/\r?\n/g, '\r\n') : body);
}

/** The saved text must read back as exactly the form's values – otherwise nothing is written. */
function assertRoundTrip(text: string, values: Data): void {
  const reread = parseFrontMatter(normaliseText(text)).data;
  if (reread === undefined || !sameValue(reread, values)) {
    throw new Error('Der Artikel konnte nicht gespeichert werden: Die Felder ließen sich nicht unverändert als YAML schreiben. Bitte melden Sie das der IT; Ihre Eingaben stehen noch im Formular.');
  }
}
