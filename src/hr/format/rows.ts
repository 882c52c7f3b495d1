import type { AuditResult, FlaggedRow } from '../audit';
import { addMonths, formatIsoDate, parseIsoDate } from '../../core/dates';
import { REASON_LABELS, REGISTER_TITLES, type DepartureSource, type RegisterEncoding } from '../register';
import { FIELD_TITLES } from '../../core/schema/labels';
import { germanDate } from '../../core/german';
import { gapText, MISSING_LABELS } from '../../coverage/texts';
import { RISK_LEVEL_LABELS, type Risk } from '../risk';
import { FORECAST_YEARS, type ForecastRow } from '../forecast';

/** The human-readable columns shared by table, CSV and Markdown. */
export const AUDIT_COLUMNS = [
  'Austritt', 'Monate', REGISTER_TITLES.post, 'Bezeichnung', FIELD_TITLES.department, REGISTER_TITLES.holder, REGISTER_TITLES.reason, 'Abdeckung', 'Risiko', 'Es fehlt',
] as const;

/** The three figures of the risk (contract §7) as the CSV's column titles. */
export const RISK_COLUMNS = ['Risiko Austritt (1–5)', 'Risiko Stelle (1–5)', 'Risikowert (1–25)', 'Risiko'] as const;

/** „hoch (20 = 5 × 4)“: level, score and its two factors (attrition × position). */
export const riskText = (risk: Risk) => `${RISK_LEVEL_LABELS[risk.level]} (${risk.score} = ${risk.attrition} × ${risk.position})`;

/** The ten-year forecast (contract §7) as every report titles and labels it. */
export const forecastTitle = (result: AuditResult) => {
  const years = forecastYears(result);
  return `Austritte der nächsten ${FORECAST_YEARS} Jahre (${years[0]}–${years.at(-1)})`;
};
export const FORECAST_COLUMNS = ['Jahr', FIELD_TITLES.department, 'Austritte', 'davon nicht abgesichert'] as const;
/** A forecast row whose post has no readable article. */
export const NO_DEPARTMENT = '(ohne lesbares Stellenprofil)';
export const FORECAST_EMPTY = 'Keine Austritte im Register für diese Jahre.';
/** The calendar years of the forecast, from the audit year on. */
export const forecastYears = (result: AuditResult): number[] => {
  const first = Number(result.today.slice(0, 4));
  return Array.from({ length: FORECAST_YEARS }, (_, i) => first + i);
};

/** A forecast row as text cells: year, department, departures, not secured. */
export const forecastCells = (row: ForecastRow): string[] => [String(row.year), row.department ?? NO_DEPARTMENT, String(row.departures), String(row.not_secured)];

/** The trend since the earlier audit (`--compare`) as lines of text, one per kind of change; undefined without `--compare`. */
export function changeLines(result: AuditResult): { title: string; lines: Array<[label: string, text: string]> } | undefined {
  const changes = result.changes;
  if (!changes || result.previousToday === undefined) return undefined;
  const list = (items: string[]) => (items.length === 0 ? 'keine' : items.join(', '));
  return {
    title: `Veränderung seit der Auswertung vom ${germanDate(result.previousToday)}`,
    lines: [
      [CHANGE_LABELS.new, list(changes.new)],
      [CHANGE_LABELS.resolved, list(changes.resolved)],
      [CHANGE_LABELS.coverage, list(changes.coverage.map((c) => `${c.post} ${c.before} % → ${c.after} %`))],
    ],
  };
}

export const CHANGE_LABELS = { new: 'Neu nicht abgesichert', resolved: 'Nicht mehr auffällig', coverage: 'Abdeckung geändert' } as const;

export const ENCODING_LABELS: Record<RegisterEncoding, string> = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252' };

/** Where the departure date comes from (CSV column „Austritt laut“). */
export const DEPARTURE_SOURCE_LABELS: Record<DepartureSource, string> = {
  register: 'Register',
  birth_date: 'Regelaltersgrenze (aus dem Geburtsdatum)',
};

/** Marks a computed retirement date in the table; the note explains it once below. */
export const RETIREMENT_MARK = '*';
export const RETIREMENT_NOTE = `${RETIREMENT_MARK} Kein Austrittsdatum im Register: Ende des Monats, in dem die Regelaltersgrenze erreicht wird (aus dem Geburtsdatum berechnet).`;

export interface AuditRowCells {
  departure: string;
  /** '' or „Regelaltersgrenze“ when the departure was computed from the birth date. */
  departureNote: string;
  months: string;
  post: string;
  title: string;
  department: string;
  holder: string;
  reason: string;
  coverage: string;
  risk: string;
  missing: string;
  details: string[];
}

export function rowCells(row: FlaggedRow): AuditRowCells {
  const coverage = row.detail.coverage;
  return {
    departure: germanDate(row.departure),
    departureNote: row.departure_source === 'birth_date' ? 'Regelaltersgrenze' : '',
    months: String(row.months_left),
    post: row.post,
    title: coverage.article?.title ?? '(nicht im Wiki)',
    department: coverage.department ?? '',
    holder: row.holder,
    reason: REASON_LABELS[row.reason],
    coverage: `${row.coverage} %`,
    risk: riskText(row.risk),
    missing: row.missing.map((c) => MISSING_LABELS[c]).join(', '),
    details: coverage.gaps.map(gapText),
  };
}

export function summaryLine(result: AuditResult): string {
  const s = result.summary;
  return `${s.flagged} von ${s.within_horizon} Austritten bis ${germanDate(horizonEnd(result))} nicht abgesichert (${s.register_rows} Zeilen im Register, Stichtag ${germanDate(result.today)}). ${encodingLine(result)}`;
}

/** „Register gelesen als Windows-1252.“ – every report names the encoding read. */
export function encodingLine(result: AuditResult): string {
  return `Register gelesen als ${ENCODING_LABELS[result.summary.register.encoding]}.`;
}

export const hasComputedDepartures = (result: AuditResult) => result.flagged.some((f) => f.departure_source === 'birth_date');

/** The last day of the horizon, for display. */
export function horizonEnd(result: AuditResult): string {
  return formatIsoDate(addMonths(parseIsoDate(result.today)!, result.horizon));
}
