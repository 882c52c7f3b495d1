/**
 * The ten-year departures forecast (contract §7): for each calendar year from the audit's
 * on and each department, how many register rows leave then and how many of their posts are
 * not secured on the audit date – the age-structure analysis (Altersstrukturanalyse) joined
 * with the wiki. Every register row counts, not only those within the horizon.
 */

/** Calendar years of the forecast, starting with the audit year. */
export const FORECAST_YEARS = 10;

export interface ForecastRow {
  year: number;
  /** The department the post's article names; null without a readable article. */
  department: string | null;
  departures: number;
  not_secured: number;
}

/** One register row as the forecast needs it. */
export interface ForecastInput {
  year: number;
  department: string | undefined;
  secured: boolean;
}

/** Counts per (year, department) with at least one departure, by year, then department (null last). */
export function departuresForecast(rows: Iterable<ForecastInput>, auditYear: number): ForecastRow[] {
  const counts = new Map<string, ForecastRow>();
  for (const row of rows) {
    if (row.year < auditYear || row.year >= auditYear + FORECAST_YEARS) continue;
    const department = row.department ?? null;
    const key = `${row.year}\0${department ?? ''}\0${department === null ? 1 : 0}`;
    const entry = counts.get(key) ?? { year: row.year, department, departures: 0, not_secured: 0 };
    entry.departures++;
    if (!row.secured) entry.not_secured++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.year - b.year || compareDepartments(a.department, b.department));
}

function compareDepartments(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
