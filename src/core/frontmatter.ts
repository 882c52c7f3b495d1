import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { ScalarTag, SchemaOptions } from 'yaml';

/** A problem that makes the front matter unusable (reported by the `yaml` rule). */
export interface YamlProblem {
  line: number;
  column: number;
  message: string;
}

export interface FrontMatter {
  /** The parsed mapping; undefined when missing or unusable. */
  data: Record<string, unknown> | undefined;
  problems: YamlProblem[];
  /** JSON pointer (`/digital/status`, `/deputies/0`) → 1-based line in the file. */
  keyLines: Map<string, number>;
  /** Line of the closing `---` (where a missing key would be added). */
  endLine: number;
  /** First line of the Markdown body. */
  bodyLine: number;
  /** Offset of the body in the normalised text (`body` is `text.slice(bodyOffset)`). */
  bodyOffset: number;
  /** The Markdown body (text after the front matter). */
  body: string;
}

/**
 * Plain scalars made only of digits with a leading zero or ten or more digits
 * (LeiKa keys, file numbers) stay text exactly as written instead of turning
 * into numbers. Dates need nothing: the YAML 1.2 core schema has no timestamps.
 */
const digitStringTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:str',
  default: true,
  test: /^[-+]?(?:0[0-9]+|[0-9]{10,})$/,
  resolve: (text: string) => text,
};

/** How the wiki reads YAML values: the YAML 1.2 core schema with the digit strings above first (also the editor's fast reading, src/editing/front-matter-fast.ts). */
export const YAML_SCHEMA_OPTIONS = { schema: 'core', customTags: (tags) => [digitStringTag, ...tags] } as const satisfies SchemaOptions;

/**
 * Splits `---` front matter from the body exactly as gray-matter 4 does for the texts
 * that reach it (first line `---` with optional blanks): the block runs to the first
 * `\n---`, the body starts after it and one line break. Done here rather than with
 * gray-matter because gray-matter copies every file into a Buffer and keys a cache by
 * the whole text: 0.3 s of 3.4 s per worker thread on 10,000 articles. Differential test
 * against gray-matter in test/frontmatter-split.test.ts.
 */
export function splitFrontMatter(text: string): { matter: string; content: string } {
  const rest = text.slice(3);
  const close = rest.indexOf('\n---');
  if (close === -1) return { matter: rest, content: '' };
  let content = rest.slice(close + 4);
  if (content[0] === '\r') content = content.slice(1);
  if (content[0] === '\n') content = content.slice(1);
  return { matter: rest.slice(0, close), content };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Normalises a file's text: drops a BOM, turns CRLF/CR into LF (lines keep their numbers). */
export function normaliseText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

/** A normalised text cut into its front matter's YAML and its body, or why it has none. */
export type ArticleParts =
  | { yamlText: undefined; problem: string }
  | { yamlText: string; endLine: number; bodyLine: number; bodyOffset: number; body: string };

/**
 * Cuts an already normalised text into the YAML between the `---` lines (from the line after
 * the first, as gray-matter's `matter` starts there) and the body. Shared by parseFrontMatter
 * and the editor's fast reading (src/editing/front-matter-fast.ts), so both cut alike.
 */
export function articleParts(text: string): ArticleParts {
  const language = /^---[ \t]*([A-Za-z]\w*)[ \t]*(\n|$)/.exec(text)?.[1];
  if (language) {
    return { yamlText: undefined, problem: `Front Matter muss YAML sein, nicht „${language}“: Schreiben Sie in der ersten Zeile nur „---“.` };
  }
  if (!/^---[ \t]*(\n|$)/.test(text)) {
    return { yamlText: undefined, problem: 'Front Matter fehlt: Die Datei muss mit einer Zeile „---“ beginnen, gefolgt von den Feldern (z. B. „id: …“) und einer weiteren Zeile „---“.' };
  }
  const file = splitFrontMatter(text);
  const head = text.slice(0, text.length - file.content.length);
  if (!/(^|\n)---[ \t]*\n?$/.test(head.slice(3))) {
    return { yamlText: undefined, problem: 'Front Matter ist nicht abgeschlossen: Nach den Feldern fehlt die Zeile „---“.' };
  }
  return {
    // gray-matter's `matter` starts after the first `---`; YAML line 1 is file line 2.
    yamlText: file.matter.replace(/^[ \t]*\n/, ''),
    endLine: countLines(head.replace(/\n$/, '')) + 1,
    bodyLine: countLines(head) + 1,
    bodyOffset: text.length - file.content.length,
    body: file.content,
  };
}

/** Splits and parses the YAML front matter of an already normalised text. */
export function parseFrontMatter(text: string): FrontMatter {
  const parts = articleParts(text);
  if (parts.yamlText === undefined) {
    return { data: undefined, problems: [{ line: 1, column: 1, message: parts.problem }], keyLines: new Map(), endLine: 1, bodyLine: 1, bodyOffset: 0, body: text };
  }
  const { yamlText, endLine, bodyLine, bodyOffset, body } = parts;
  const result: FrontMatter = { data: undefined, problems: [], keyLines: new Map(), endLine, bodyLine, bodyOffset, body };
  if (yamlText.trim() === '') {
    result.problems.push({ line: 1, column: 1, message: 'Front Matter ist leer: Zwischen den beiden Zeilen „---“ fehlen die Felder (id, type, title, department, owner, reviewed).' });
    return result;
  }
  const fields = parseYamlFields(yamlText, 1, FRONT_MATTER_WORDING);
  result.problems.push(...fields.problems);
  result.keyLines = fields.keyLines;
  result.data = fields.data;
  return result;
}

/** How the YAML messages name the text they are about. */
export interface YamlWording {
  /** Subject of a sentence: „Front Matter“, „Die Einstellungsdatei“. */
  subject: string;
  /** Where a field stands: „im Front Matter“, „in der Einstellungsdatei“. */
  within: string;
  /** A field as it should be written, e.g. `id: stelle-32-004`. */
  example: string;
}

const FRONT_MATTER_WORDING: YamlWording = { subject: 'Front Matter', within: 'im Front Matter', example: 'id: stelle-32-004' };

/** A YAML mapping read as written (dates stay text), with the line of every key. */
export interface YamlFields {
  /** The mapping; undefined when the YAML is broken or not a mapping. */
  data: Record<string, unknown> | undefined;
  problems: YamlProblem[];
  /** JSON pointer → 1-based line in the file. */
  keyLines: Map<string, number>;
}

/**
 * Parses YAML that must be a mapping of fields (front matter, the wiki's settings file).
 * `lineOffset` is the number of file lines before the YAML's first line.
 */
export function parseYamlFields(yamlText: string, lineOffset: number, wording: YamlWording): YamlFields {
  const result: YamlFields = { data: undefined, problems: [], keyLines: new Map() };
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    ...YAML_SCHEMA_OPTIONS,
  });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  for (const error of doc.errors) {
    const offset = error.pos[0];
    const pos = lineCounter.linePos(offset);
    result.problems.push({
      line: pos.line + lineOffset,
      column: pos.col,
      message: translateYamlError(error.code, error.message, wording),
    });
  }
  if (result.problems.length > 0) return result;
  if (!isMap(doc.contents)) {
    const kind = isSeq(doc.contents) ? 'eine Liste' : 'ein einzelner Wert';
    result.problems.push({
      line: lineOffset + 1,
      column: 1,
      message: `${wording.subject} ist ${kind}, keine Zuordnung: Schreiben Sie je Zeile ein Feld „name: wert“, z. B. „${wording.example}“.`,
    });
    return result;
  }
  collectKeyLines(doc.contents, '', result.keyLines, lineOf, result.problems, wording);
  // A key that is a list, a mapping or empty has no name the schema could report
  // (and `toJS` would turn it into text like "[ a, b ]" with a process warning).
  if (result.problems.length > 0) return result;
  result.data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  return result;
}

function collectKeyLines(
  node: YamlNode | null | undefined,
  pointer: string,
  lines: Map<string, number>,
  lineOf: (offset: number) => number,
  problems: YamlProblem[],
  wording: YamlWording,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const range = (pair.key as YamlNode | null)?.range;
      if (!isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === 'object') {
        const line = range ? lineOf(range[0]) : lineOf((pair.value as YamlNode | null)?.range?.[0] ?? 0);
        problems.push({
          line,
          column: 1,
          message: `Feldname fehlt oder ist kein einfacher Name: Schreiben Sie je Zeile ein Feld „name: wert“, z. B. „${wording.example}“.`,
        });
        continue;
      }
      const path = `${pointer}/${escapePointer(String(pair.key.value))}`;
      if (range) lines.set(path, lineOf(range[0]));
      collectKeyLines(pair.value as YamlNode | null, path, lines, lineOf, problems, wording);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const path = `${pointer}/${index}`;
      const range = (item as YamlNode | null)?.range;
      if (range) lines.set(path, lineOf(range[0]));
      collectKeyLines(item as YamlNode | null, path, lines, lineOf, problems, wording);
    });
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Line of the key at `pointer`, or of its nearest parent key, or `endLine` (front matter: the closing `---`). */
export function fileLineOfPointer(fm: Pick<FrontMatter, 'keyLines' | 'endLine'>, pointer: string): number {
  let p = pointer;
  while (p !== '') {
    const line = fm.keyLines.get(p);
    if (line !== undefined) return line;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return fm.endLine;
}

function translateYamlError(code: string, message: string, wording: YamlWording): string {
  const fix = 'Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile.';
  switch (code) {
    case 'DUPLICATE_KEY':
      return `Feld ist doppelt vorhanden: Jedes Feld darf ${wording.within} nur einmal stehen – löschen Sie eine der beiden Zeilen.`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `${wording.subject} ist kein gültiges YAML (${code}). ${fix}`;
    case 'TAB_AS_INDENT':
      return `${wording.subject} enthält Tabulatoren als Einrückung: Verwenden Sie Leerzeichen.`;
    default:
      return `${wording.subject} ist kein gültiges YAML: ${message.split('\n')[0]}. ${fix}`;
  }
}
