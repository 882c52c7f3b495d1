import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { parseDate, type CalendarDate } from '../core/dates';
import { REASON_LABELS } from '../core/generated/labels';
import { ID_PATTERN, REGISTER_SCHEMA } from '../core/schema/schemas';
import { statutoryRetirementDate } from './retirement-date';
import { UsageError } from '../core/wiki';

/** The reasons of the contract (knowledge-model.md §5), with their German words: register.schema.json. */
export { REASON_LABELS };
export type Reason = keyof typeof REASON_LABELS;
export const REASONS = Object.keys(REASON_LABELS) as Reason[];

/** The German words HR exports use are the report labels (Ruhestand, Kündigung …), lower-case. */
const REASON_WORDS = Object.fromEntries(REASONS.map((r) => [REASON_LABELS[r].toLowerCase(), r])) as Record<string, Reason>;

/** Column names and their aliases (§5 and §6, `x-aliases` in register.schema.json), as `normaliseHeader` leaves them. */
const COLUMNS = Object.fromEntries(
  Object.entries(REGISTER_SCHEMA.properties).map(([key, column]) => [key, [key, ...column['x-aliases']]]),
) as Record<keyof typeof REGISTER_SCHEMA.properties, string[]>;
export type RegisterColumn = keyof typeof COLUMNS;
export const REGISTER_COLUMNS = Object.keys(COLUMNS) as RegisterColumn[];
/** The columns' German titles (register.schema.json): headers of HR's reports. */
export const REGISTER_TITLES = Object.fromEntries(REGISTER_COLUMNS.map((key) => [key, REGISTER_SCHEMA.properties[key].title])) as Record<RegisterColumn, string>;

/** `--columns`: which file header holds which column; wins over the aliases. */
export type ColumnMapping = Partial<Record<RegisterColumn, string>>;

/** How the file was decoded; the reports name it. */
export type RegisterEncoding = 'utf-8' | 'windows-1252';

/** Where a row's departure comes from (JSON `departure_source`). */
export type DepartureSource = 'register' | 'birth_date';

export interface RegisterRow {
  /** Line of the row in the file (1-based; the header is line 1). */
  line: number;
  post: string;
  holder: string;
  /** From the register, or the statutory retirement date; the birth date itself is never kept. */
  departure: CalendarDate;
  departureSource: DepartureSource;
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

export interface RegisterOptions {
  columns?: ColumnMapping;
}


/** The register file's bytes (it is only read), or a usage error naming it. */
export function readRegisterFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new UsageError(`Register nicht gefunden oder nicht lesbar: ${path}`);
  }
}

/**
 * UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else Windows-1252 – what Excel's
 * „CSV (Trennzeichen-getrennt)“ writes. Node's own TextDecoder('windows-1252') decodes
 * 0x80–0x9F as Latin-1 (nodejs/node#60888: „“ € Š would break), hence iconv-lite.
 */
export function decodeRegister(bytes: Uint8Array): { text: string; encoding: RegisterEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** Header matching: case, surrounding spaces and a trailing `.` or `:` do not count. */
export function normaliseHeader(header: string): string {
  return header.trim().replace(/\s+/g, ' ').replace(/[.:]+$/, '').trim().toLowerCase();
}

/** Parses `--columns "post=Stellen-Nr.,departure=Austritt zum"`; anything unclear is a usage error. */
export function parseColumnMapping(text: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  const headers = new Map<string, RegisterColumn>();
  for (const entry of text.split(',')) {
    if (entry.trim() === '') continue;
    const at = entry.indexOf('=');
    const key = (at === -1 ? '' : entry.slice(0, at)).trim().toLowerCase() as RegisterColumn;
    const header = at === -1 ? '' : entry.slice(at + 1).trim();
    if (at === -1 || header === '') {
      throw new UsageError(`--columns erwartet „spalte=Kopfzeile“, durch Kommas getrennt, z. B. „post=Stellen-Nr.,departure=Austritt zum“; erhalten: „${entry.trim()}“`);
    }
    if (!REGISTER_COLUMNS.includes(key)) {
      throw new UsageError(`--columns: Spalte „${entry.slice(0, at).trim()}“ ist unbekannt – erlaubt: ${REGISTER_COLUMNS.join(', ')}`);
    }
    if (mapping[key] !== undefined) throw new UsageError(`--columns: „${key}“ ist doppelt angegeben`);
    const other = headers.get(normaliseHeader(header));
    if (other) throw new UsageError(`--columns: „${header}“ ist schon „${other}“ zugeordnet`);
    mapping[key] = header;
    headers.set(normaliseHeader(header), key);
  }
  if (Object.keys(mapping).length === 0) throw new UsageError('--columns erwartet mindestens eine Zuordnung „spalte=Kopfzeile“, z. B. „post=Stellen-Nr.“');
  return mapping;
}

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

const aliasList = (column: RegisterColumn) => COLUMNS[column].map((a) => `„${a}“`).join(' oder ');

/** The header cells for a message; a date there means a data row (it could be a birth date). */
function foundHeaders(cells: string[]): string {
  const dated = cells.some((c) => parseDate(c));
  const shown = cells.map((c) => (parseDate(c) ? '(Datum)' : c)).join(', ');
  return dated ? `${shown} – die erste Zeile muss die Kopfzeile sein` : shown;
}

type Records = Array<{ record: string[]; info: { lines: number } }>;

/**
 * Reads HR's CSV export (decoded text): `;` or `,`, LF or CRLF, German or English headers
 * with aliases or `--columns`, ISO or German dates. A row without departure but with a birth
 * date departs at the statutory retirement date. Every unusable row becomes a problem with
 * its line number; the caller must not write any report when there is one.
 */
export function parseRegister(text: string, options: RegisterOptions = {}): Register {
  const problems: RegisterProblem[] = [];
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') return { rows: [], problems: [{ line: 1, message: 'Die Datei ist leer: Erwartet wird eine Kopfzeile „Stelle;Stelleninhaber;Austrittsdatum;Grund“ und je Austritt eine Zeile.' }] };
  let records: Records;
  try {
    records = parse(clean, {
      delimiter: detectDelimiter(clean),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ line, message: `Die Datei ist kein lesbares CSV (${(error as Error).message.split(':')[0]}): Prüfen Sie Anführungszeichen und Trennzeichen in dieser Zeile.` }] };
  }
  const [header, ...body] = records;
  const names = header.record.map(normaliseHeader);
  const headerProblem = (message: string): Register => ({ rows: [], problems: [{ line: header.info.lines, message }] });

  const index = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, -1])) as Record<RegisterColumn, number>;
  const claimed = new Set<number>();
  for (const [column, wanted] of Object.entries(options.columns ?? {}) as Array<[RegisterColumn, string]>) {
    const i = names.indexOf(normaliseHeader(wanted));
    if (i === -1) return headerProblem(`Kopfzeile: Die Spalte „${wanted}“ aus --columns (${column}) gibt es nicht. Gefunden: ${foundHeaders(header.record)}`);
    index[column] = i;
    claimed.add(i);
  }
  for (const column of REGISTER_COLUMNS) {
    if (options.columns?.[column] !== undefined) continue;
    index[column] = names.findIndex((n, i) => !claimed.has(i) && (COLUMNS[column] as readonly string[]).includes(n));
  }
  const hasBirthDate = index.birth_date !== -1;
  const missing: string[] = [];
  if (index.post === -1) missing.push(aliasList('post'));
  if (index.departure === -1 && !hasBirthDate) missing.push(`${aliasList('departure')} oder für das Geburtsdatum ${aliasList('birth_date')}`);
  if (index.reason === -1 && !hasBirthDate) missing.push(aliasList('reason'));
  if (missing.length > 0) {
    return headerProblem(`Kopfzeile: Spalte fehlt – erwartet ${missing.join('; ')} (andere Namen ordnet --columns zu, z. B. --columns "post=Stellen-Nr."). Gefunden: ${foundHeaders(header.record)}`);
  }
  const birthColumn = hasBirthDate ? header.record[index.birth_date] : '';

  const rows: RegisterRow[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (c: RegisterColumn) => (index[c] === -1 ? '' : (record[index[c]] ?? '').trim());
    if (record.every((v) => v.trim() === '')) continue;
    const birthText = cell('birth_date');
    // Never echo the birth date, even where a broken row put it into another cell.
    const report = (messages: string[]) => {
      const message = `${messages.join('; ')}.`;
      problems.push({ line, message: birthText === '' ? message : message.split(birthText).join('…') });
    };
    if (record.slice(header.record.length).some((v) => v.trim() !== '')) {
      report([`Die Zeile hat ${record.length} Felder, die Kopfzeile ${header.record.length} – steht ein Trennzeichen ohne Anführungszeichen im Text`]);
      continue;
    }
    const rowProblems: string[] = [];
    const post = cell('post');
    if (post === '') rowProblems.push('Stelle fehlt');
    else if (!ID_PATTERN.test(post)) rowProblems.push(`„${post}“ ist keine Stellenkennung (Kleinbuchstaben, Ziffern, Bindestriche, z. B. stelle-32-004)`);

    const departureText = cell('departure');
    let departure: CalendarDate | undefined;
    let departureSource: DepartureSource = 'register';
    if (departureText !== '') {
      departure = parseDate(departureText);
      if (!departure) rowProblems.push(`Austrittsdatum „${departureText}“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT)`);
    } else if (birthText !== '') {
      // The birth date is read only here and only to compute the retirement date.
      const birth = parseDate(birthText);
      departureSource = 'birth_date';
      if (birth) departure = statutoryRetirementDate(birth);
      else rowProblems.push(`Geburtsdatum in Spalte „${birthColumn}“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT)`);
    } else {
      rowProblems.push(hasBirthDate ? 'Austrittsdatum und Geburtsdatum fehlen' : 'Austrittsdatum fehlt');
    }

    const reasonText = cell('reason');
    let reason = parseReason(reasonText);
    if (reasonText !== '' && !reason) rowProblems.push(`Grund „${reasonText}“ ist unbekannt (erlaubt: ${REASONS.map((r) => REASON_LABELS[r]).join(', ')} oder ${REASONS.join(', ')})`);
    else if (reasonText === '' && !hasBirthDate) rowProblems.push('Grund fehlt');
    else if (reasonText === '') reason = departureSource === 'birth_date' ? 'retirement' : 'other';
    else if (departureSource === 'birth_date' && reason !== 'retirement') {
      rowProblems.push(`Grund „${reasonText}“, aber kein Austrittsdatum – aus dem Geburtsdatum ergibt sich nur der Ruhestand`);
    }

    if (rowProblems.length > 0) report(rowProblems);
    else rows.push({ line, post, holder: cell('holder'), departure: departure!, departureSource, reason: reason! });
  }
  return { rows, problems };
}
