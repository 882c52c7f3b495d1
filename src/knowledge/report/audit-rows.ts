import type { AuditResult, FlaggedRow } from '../audit';
import { addMonths, formatIsoDate, parseIsoDate } from '../dates';
import { gapText, germanDate, MISSING_LABELS, REASON_LABELS } from './coverage-texts';

/** The human-readable columns shared by table, CSV and Markdown. */
export const AUDIT_COLUMNS = [
  'Austritt', 'Monate', 'Stelle', 'Bezeichnung', 'Fachbereich', 'Stelleninhaber', 'Grund', 'Abdeckung', 'Es fehlt',
] as const;

export interface AuditRowCells {
  departure: string;
  months: string;
  post: string;
  title: string;
  department: string;
  holder: string;
  reason: string;
  coverage: string;
  missing: string;
  details: string[];
}

export function rowCells(row: FlaggedRow): AuditRowCells {
  const coverage = row.detail.coverage;
  return {
    departure: germanDate(row.departure),
    months: String(row.months_left),
    post: row.post,
    title: coverage.article?.title ?? '(nicht im Wiki)',
    department: coverage.department ?? '',
    holder: row.holder,
    reason: REASON_LABELS[row.reason],
    coverage: `${row.coverage} %`,
    missing: row.missing.map((c) => MISSING_LABELS[c]).join(', '),
    details: coverage.gaps.map(gapText),
  };
}

export function summaryLine(result: AuditResult): string {
  const s = result.summary;
  return `${s.flagged} von ${s.within_horizon} Austritten bis ${germanDate(horizonEnd(result))} nicht abgesichert (${s.register_rows} Zeilen im Register, Stichtag ${germanDate(result.today)}).`;
}

/** The last day of the horizon, for display. */
export function horizonEnd(result: AuditResult): string {
  return formatIsoDate(addMonths(parseIsoDate(result.today)!, result.horizon));
}
