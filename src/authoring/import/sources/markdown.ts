import type { Root } from 'mdast';
import { normaliseText, parseFrontMatter } from '../../../core/frontmatter';
import { replaceErb } from '../erb';
import { convertLiquid } from '../liquid';
import { ImportError } from '../errors';
import { mapForeignFrontMatter, type ForeignFrontMatter } from '../foreign-front-matter';
import { markdownToMdast } from '../mdast';

export interface MarkdownSource {
  tree: Root;
  frontMatter: ForeignFrontMatter;
  /** The title used for ERB fragments: the given one, the page's or the file name's. */
  title: string;
  /** For the report, in German: front matter, ERB and Liquid remarks. */
  notes: string[];
}

/**
 * Front matter that slipped below the first lines (seen in the MoJ handbook: a heading,
 * then the `---` block). Taken only when it parses as a mapping with a `title`.
 */
function lateFrontMatter(text: string): { data: Record<string, unknown>; body: string } | undefined {
  const match = /^((?:[^\n]*\n){1,4}?)---[ \t]*\n([\s\S]*?\n)---[ \t]*\n/.exec(text);
  if (!match || /^---/m.test(match[1]!)) return undefined;
  const parsed = parseFrontMatter(`---\n${match[2]}---\n`);
  if (parsed.problems.length > 0 || !parsed.data || typeof parsed.data.title !== 'string') return undefined;
  return { data: parsed.data, body: match[1]! + text.slice(match[0].length) };
}

/**
 * A page of another Markdown wiki: front matter mapped onto the contract, ERB fragments
 * replaced, body parsed (CommonMark + GFM). Binary, non-UTF-8, empty and unreadable
 * pages are refused with one German sentence.
 */
export function readMarkdownSource(bytes: Uint8Array, label: string, fallbackTitle: string, givenTitle?: string): MarkdownSource {
  if (bytes.includes(0)) throw new ImportError(`${label}: Die Datei ist keine Textdatei.`);
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`${label}: Die Datei ist nicht UTF-8-kodiert – bitte als UTF-8 speichern.`);
  }
  const text = normaliseText(decoded);
  if (text.trim() === '') throw new ImportError(`${label}: Die Datei ist leer.`);
  let body = text;
  let data: Record<string, unknown> = {};
  let misplaced = false;
  if (/^---[ \t]*\n/.test(text)) {
    const parsed = parseFrontMatter(text);
    const problem = parsed.problems[0];
    if (problem || !parsed.data) {
      throw new ImportError(`${label}:${problem?.line ?? 1}: Front Matter unlesbar – ${problem?.message ?? 'kein YAML-Objekt'}`);
    }
    data = parsed.data;
    body = parsed.body;
  } else {
    const late = lateFrontMatter(text);
    if (late) ({ data, body } = late);
    misplaced = late !== undefined;
  }
  const frontMatter = mapForeignFrontMatter(data);
  if (misplaced) frontMatter.notes.push('Front Matter stand nicht am Anfang der Datei – trotzdem übernommen');
  const title = givenTitle ?? frontMatter.title ?? fallbackTitle;
  const erb = replaceErb(body, title);
  const liquid = convertLiquid(erb.text);
  if (liquid.text.trim() === '' && Object.keys(data).length === 0) throw new ImportError(`${label}: Die Datei ist leer.`);
  const notes = [...frontMatter.notes];
  if (erb.replaced > 0) notes.push(`ERB-Ausdrücke ersetzt: ${erb.replaced}`);
  if (erb.asCode.length > 0) notes.push(`ERB-Aufrufe durch ihre Angaben als Code ersetzt: ${erb.asCode.join(', ')}`);
  if (erb.loops.length > 0) notes.push(`ERB-Schleifen samt Inhalt entfernt (Hinweis im Text): ${erb.loops.join(' | ')}`);
  if (erb.removed.length > 0) notes.push(`ERB entfernt: ${erb.removed.join(' | ')}`);
  if (erb.inCode > 0) notes.push(`ERB in Code-Beispielen unverändert übernommen: ${erb.inCode}`);
  if (liquid.kept > 0) notes.push(`Liquid-Ausdrücke ({% … %}, {{ … }}) als Text übernommen: ${liquid.kept}`);
  return { tree: markdownToMdast(liquid.text), frontMatter, title, notes };
}
