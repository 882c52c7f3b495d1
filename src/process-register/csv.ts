import type { ProcessRecord, ProcessRegister } from './build';
import { germanDate } from '../core/german';
import { excelDigits, excelText, toExcelCsv } from '../core/excel-csv';
import { DIGITAL_STATUS_LABELS, FIELD_TITLES, FREQUENCY_LABELS } from '../core/schema/labels';

/** CSV column headers: the schemas' German field titles, plus the page. */
export const PROCESS_CSV_HEADERS: Record<keyof ProcessRecord, string> = {
  id: FIELD_TITLES.id,
  title: FIELD_TITLES.title,
  department: FIELD_TITLES.department,
  owner: FIELD_TITLES.owner,
  performers: FIELD_TITLES.performers,
  frequency: FIELD_TITLES.frequency,
  leika: FIELD_TITLES.leika,
  legal_basis: FIELD_TITLES.legal_basis,
  systems: FIELD_TITLES.systems,
  digital_status: FIELD_TITLES['digital.status'],
  digital_bundle: FIELD_TITLES['digital.bundle'],
  reviewed: FIELD_TITLES.reviewed,
  path: 'Seite',
};

function cells(p: ProcessRecord): Record<keyof ProcessRecord, string> {
  return {
    id: excelText(p.id),
    title: excelText(p.title),
    department: excelText(p.department),
    owner: excelText(p.owner),
    performers: excelText(p.performers.join(', ')),
    frequency: FREQUENCY_LABELS[p.frequency] ?? excelText(p.frequency),
    leika: p.leika === null ? '' : excelDigits(p.leika),
    // Citations contain commas ("§ 3 Abs. 1, 2"), so the legal basis is joined with semicolons.
    legal_basis: excelText(p.legal_basis.join('; ')),
    systems: excelText(p.systems.join(', ')),
    digital_status: p.digital_status === null ? '' : DIGITAL_STATUS_LABELS[p.digital_status] ?? excelText(p.digital_status),
    digital_bundle: p.digital_bundle ?? '',
    reviewed: germanDate(p.reviewed),
    path: excelText(p.path),
  };
}

/**
 * `--format csv`: the process register for German Excel (`;`, UTF-8 BOM, CRLF), German
 * headers, German words for frequency and digital status, dates as DD.MM.YYYY, lists joined
 * with ", " (legal basis with "; "), the LeiKa key kept as text. One row per process, in
 * the order of the JSON export.
 */
export function formatProcessRegisterCsv(register: ProcessRegister): string {
  const keys = Object.keys(PROCESS_CSV_HEADERS) as Array<keyof ProcessRecord>;
  const rows = register.processes.map((p) => {
    const c = cells(p);
    return keys.map((k) => c[k]);
  });
  return toExcelCsv([keys.map((k) => PROCESS_CSV_HEADERS[k]), ...rows]);
}
