/**
 * The Markdown of `npm run bench`: numbers in German notation, the table of timed
 * commands and the verdict on a goal. Pure: the measuring modules bring the numbers.
 */
import { median, type Measurement } from './measure';

export const seconds = (s: number) => `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;

export const megabytes = (bytes: number | undefined) =>
  bytes === undefined ? '–' : bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;

/** German decimal comma, e.g. 1,08. */
export const decimal = (value: number, digits: number) => value.toFixed(digits).replace('.', ',');

export const kilobytes = (bytes: number) => `${decimal(bytes / 1024, 0)} KB`;

/** A share as a German percentage with one decimal, e.g. `97,5 %`. */
export const percent = (share: number) => `${decimal(100 * share, 1)} %`;

/** The verdict on a goal measured at any size. */
export const met = (ok: boolean) => (ok ? 'erfüllt' : 'NICHT erfüllt');

/** A count in German notation, e.g. `10.000`. */
export const count = (n: number) => n.toLocaleString('de-DE');

/** The verdict on a goal; only at the size the goal is set for (the start-up cost does not scale). */
export const verdict = (ok: boolean, goalArticles: number, articles: number) =>
  articles !== goalArticles ? `Ziel gilt bei ${count(goalArticles)} Artikeln` : met(ok);

/** The table of timed commands: median, range and peak memory per row. */
export function measurementTable(rows: Measurement[]): string {
  const lines = ['| Messung | Median | Min–Max | Spitzen-RSS |', '|---|---:|---:|---:|'];
  for (const row of rows) {
    const min = Math.min(...row.times);
    const max = Math.max(...row.times);
    lines.push(`| ${row.what} | ${seconds(median(row.times))} | ${seconds(min)} – ${seconds(max)} | ${megabytes(row.peakRss)} |`);
  }
  return lines.join('\n');
}

/** Goal lines as a Markdown list after a blank line; nothing when there are none. */
export const goalList = (goals: string[]) => (goals.length > 0 ? ['', ...goals.map((goal) => `- ${goal}`)] : []);

export interface ReportParts {
  /** The heading's text after `## `. */
  title: string;
  rows: Measurement[];
  /** Further tables and their notes, each block ending with an empty line. */
  sections: string[];
  /** Lines about the wiki, the machine and the method (Markdown list items). */
  notes: string[];
  goals: string[];
}

/** The whole report: heading, the table of timed commands, further sections, notes, goals. */
export function benchReport(parts: ReportParts): string {
  return `${[`## ${parts.title}`, '', measurementTable(parts.rows), '', ...parts.sections, ...parts.notes, ...goalList(parts.goals)].join('\n')}\n`;
}
