import { addMonths, compareDates, formatIsoDate, type CalendarDate } from '../core/dates';
import { CHECK_IDS, computeCoverage, type CheckId, type CoverageIndex, type PostCoverage } from '../coverage/coverage';
import type { DepartureSource, Reason, RegisterEncoding, RegisterRow } from './register';
import { nextSteps, type PlannedAction } from './actions';
import { compareAudits, type AuditChanges, type PreviousAudit } from './compare';
import { departuresForecast, type ForecastInput, type ForecastRow } from './forecast';
import { knowledgeLossRisk, type Risk } from './risk';

/** Orders of the flagged rows (`--sort`, contract §7): by departure, or by risk score (highest first, then departure). */
export const AUDIT_SORTS = ['departure', 'risk'] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];

export interface AuditOptions {
  today: CalendarDate;
  /** Months ahead in which departures are audited (default 24). */
  horizon: number;
  /** Months before a departure from which a handover is required (default 6). */
  lead: number;
  /** How the register file was decoded (the reports name it). */
  encoding: RegisterEncoding;
  /** Order of the flagged rows (default departure). */
  sort?: AuditSort;
  /** An earlier audit to compare with (`--compare`). */
  previous?: PreviousAudit;
}

/** One flagged register row: the contract's JSON fields plus what the reports show. */
export interface FlaggedRow {
  post: string;
  holder: string;
  departure: string;
  /** `birth_date`: the statutory retirement date computed from the birth date (contract §6). */
  departure_source: DepartureSource;
  reason: Reason;
  months_left: number;
  coverage: number;
  missing: CheckId[];
  risk: Risk;
  /** What to do now, with deadlines (issue 19; JSON `actions`). */
  actions: PlannedAction[];
  /** Not part of the JSON contract: for the human-readable reports. */
  detail: { line: number; inWiki: boolean; coverage: PostCoverage };
}

export interface AuditSummary {
  register_rows: number;
  within_horizon: number;
  flagged: number;
  secured: number;
  not_in_wiki: number;
  departed: number;
  missing_by_check: Record<CheckId, number>;
  register: { encoding: RegisterEncoding };
}

export interface AuditResult {
  today: string;
  horizon: number;
  lead: number;
  /** The order of `flagged` (not in JSON; the HTML report groups by it). */
  sort: AuditSort;
  flagged: FlaggedRow[];
  summary: AuditSummary;
  /** Departures and not secured posts per year and department, ten years ahead (contract §7). */
  forecast: ForecastRow[];
  /** With `--compare`: the changes since the earlier audit, and its date. */
  changes?: AuditChanges;
  previousToday?: string;
  /** Every departure within the horizon with its coverage (for the HTML timeline; not in JSON). */
  considered: Array<{ departure: string; coverage: number; flagged: boolean }>;
}

/**
 * Whole calendar months from `from` to `to`: the largest n with from + n months ≤ to.
 * Negative for a date in the past (−n: to + n months ≤ from).
 */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  if (compareDates(to, from) < 0) return -monthsBetween(to, from);
  let n = (to.year - from.year) * 12 + (to.month - from.month);
  while (n > 0 && compareDates(addMonths(from, n), to) > 0) n--;
  return n;
}

/** True when `date` is on or before the same day `months` calendar months after `today` (or past). */
export function withinMonths(date: CalendarDate, today: CalendarDate, months: number): boolean {
  return compareDates(date, addMonths(today, months)) <= 0;
}

/** Flags the register rows whose post's knowledge is not secured in time (contract §5). */
export function runAudit(index: CoverageIndex, rows: RegisterRow[], options: AuditOptions): AuditResult {
  const { today, horizon, lead, encoding } = options;
  const within: RegisterRow[] = [];
  const flagged: FlaggedRow[] = [];
  const considered: AuditResult['considered'] = [];
  const forecastInput: ForecastInput[] = [];
  for (const row of rows) {
    const coverage = computeCoverage(index, row.post, { today, departure: row.departure, lead });
    forecastInput.push({ year: row.departure.year, department: coverage.department, secured: coverage.missing.length === 0 });
    if (!withinMonths(row.departure, today, horizon)) continue;
    within.push(row);
    considered.push({ departure: formatIsoDate(row.departure), coverage: coverage.coverage, flagged: coverage.missing.length > 0 });
    if (coverage.missing.length === 0) continue;
    const monthsLeft = monthsBetween(today, row.departure);
    // A post article with broken front matter says nothing reliable about its criticality.
    const criticality = coverage.checks.profile === 'pass' ? coverage.criticality : undefined;
    flagged.push({
      post: row.post,
      holder: row.holder,
      departure: formatIsoDate(row.departure),
      departure_source: row.departureSource,
      reason: row.reason,
      months_left: monthsLeft,
      coverage: coverage.coverage,
      missing: coverage.missing,
      risk: knowledgeLossRisk(monthsLeft, criticality, coverage.coverage),
      actions: nextSteps(coverage, row.departure, today, lead),
      detail: { line: row.line, inWiki: coverage.article !== undefined, coverage },
    });
  }
  const byDeparture = (a: FlaggedRow, b: FlaggedRow) => (a.departure < b.departure ? -1 : a.departure > b.departure ? 1 : a.post.localeCompare(b.post));
  const sort = options.sort ?? 'departure';
  flagged.sort(sort === 'risk' ? (a, b) => b.risk.score - a.risk.score || byDeparture(a, b) : byDeparture);
  const missing_by_check = Object.fromEntries(CHECK_IDS.map((c) => [c, flagged.filter((f) => f.missing.includes(c)).length])) as Record<CheckId, number>;
  return {
    today: formatIsoDate(today),
    horizon,
    lead,
    sort,
    flagged,
    considered,
    forecast: departuresForecast(forecastInput, today.year),
    ...(options.previous ? { changes: compareAudits(options.previous, flagged), previousToday: options.previous.today } : {}),
    summary: {
      register_rows: rows.length,
      within_horizon: within.length,
      flagged: flagged.length,
      secured: within.length - flagged.length,
      not_in_wiki: flagged.filter((f) => !f.detail.inWiki).length,
      departed: within.filter((r) => compareDates(r.departure, today) < 0).length,
      missing_by_check,
      register: { encoding },
    },
  };
}
