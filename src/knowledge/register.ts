import { parse } from 'csv-parse/sync';
import { parseDate, type CalendarDate } from './dates';

/** The reasons of the contract (knowledge-model.md §5). */
export const REASONS = ['retirement', 'resignation', 'transfer', 'parental-leave', 'fixed-term', 'other'] as const;
export type Reason = (typeof REASONS)[number];

/** German words HR exports use, lower-case. */
const REASON_WORDS: Record<string, Reason> = {
  ruhestand: 'retirement',
  'kündigung': 'resignation',
  versetzung: 'transfer',
  elternzeit: 'parental-leave',
  befristung: 'fixed-term',
  sonstiges: 'other',
};

/** Column names and their aliases, lower-case. */
const COLUMNS = {
  post: ['post', 'stelle', 'stellen-id'],
  holder: ['holder', 'name', 'stelleninhaber'],
  departure: ['departure', 'austritt', 'austrittsdatum'],
  reason: ['reason', 'grund'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['post', 'departure', 'reason'];

export interface RegisterRow {
  /** Line of the row in the file (1-based; the header is line 1). */
  line: number;
  post: string;
  holder: string;
  departure: CalendarDate;
  reason: Reason;
}

export interface RegisterProblem {
  line: number;
  message: string;
}

export interface Register {
  rows: RegisterRow[];
  problems: RegisterProblem[];
}

const POST_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `;` or `,`, whichever the header line has more of (German Excel writes `;`). */
export function detectDelimiter(text: string): ';' | ',' {
  const header = text.split('\n', 1)[0];
  const count = (c: string) => header.split(c).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

export function parseReason(value: string): Reason | undefined {
  const word = value.trim().toLowerCase();
  return (REASONS as readonly string[]).includes(word) ? (word as Reason) : REASON_WORDS[word];
}

/**
 * Reads HR's CSV export: UTF-8 with or without BOM, `;` or `,`, LF or CRLF, German or
 * English headers, ISO or German dates. Every unusable row becomes a problem with its
 * line number; the caller must not write any report when there is one.
 */
export function parseRegister(text: string): Register {
  const problems: RegisterProblem[] = [];
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') return { rows: [], problems: [{ line: 1, message: 'Die Datei ist leer: Erwartet wird eine Kopfzeile „Stelle;Stelleninhaber;Austrittsdatum;Grund“ und je Austritt eine Zeile.' }] };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(clean, {
      delimiter: detectDelimiter(clean),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ line, message: `Die Datei ist kein lesbares CSV (${(error as Error).message.split(':')[0]}): Prüfen Sie Anführungszeichen und Trennzeichen in dieser Zeile.` }] };
  }
  const [header, ...body] = records;
  const index = {} as Record<Column, number>;
  const names = header.record.map((h) => h.trim().toLowerCase());
  for (const [column, aliases] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>) {
    index[column] = names.findIndex((n) => aliases.includes(n));
  }
  const missing = REQUIRED.filter((c) => index[c] === -1);
  if (missing.length > 0) {
    const expected = missing.map((c) => COLUMNS[c].map((a) => `„${a}“`).join(' oder ')).join('; ');
    return { rows: [], problems: [{ line: header.info.lines, message: `Kopfzeile: Spalte fehlt – erwartet ${expected}. Gefunden: ${header.record.join(', ')}` }] };
  }
  const rows: RegisterRow[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (c: Column) => (index[c] === -1 ? '' : (record[index[c]] ?? '').trim());
    if (record.every((v) => v.trim() === '')) continue;
    const rowProblems: string[] = [];
    const post = cell('post');
    if (post === '') rowProblems.push('Stelle fehlt');
    else if (!POST_ID.test(post)) rowProblems.push(`„${post}“ ist keine Stellenkennung (Kleinbuchstaben, Ziffern, Bindestriche, z. B. stelle-32-004)`);
    const departureText = cell('departure');
    const departure = parseDate(departureText);
    if (departureText === '') rowProblems.push('Austrittsdatum fehlt');
    else if (!departure) rowProblems.push(`Austrittsdatum „${departureText}“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT)`);
    const reasonText = cell('reason');
    const reason = parseReason(reasonText);
    if (reasonText === '') rowProblems.push('Grund fehlt');
    else if (!reason) rowProblems.push(`Grund „${reasonText}“ ist unbekannt (erlaubt: Ruhestand, Kündigung, Versetzung, Elternzeit, Befristung, Sonstiges oder ${REASONS.join(', ')})`);
    if (rowProblems.length > 0) problems.push({ line, message: `${rowProblems.join('; ')}.` });
    else rows.push({ line, post, holder: cell('holder'), departure: departure!, reason: reason! });
  }
  return { rows, problems };
}

