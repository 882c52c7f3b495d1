/**
 * `npm run bench`, issue 20: the CDO's plan report on the generated wiki (capacities, efforts
 * and DigiCheck dates from the generator): `npm run plan -- --format html`, cold
 * (`--no-cache`), goal ≤ 3 s at 10,000 articles; the report's size, goal ≤ 2 MB.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchWiki } from './bench-wiki';
import { REFERENCE_DATE } from './generate';
import { measure, median, type MeasureSettings, type Measurement } from './measure';
import { decimal, seconds, verdict } from './report';

const GOAL_SECONDS = 3;
const GOAL_BYTES = 2_000_000;
const GOAL_ARTICLES = 10_000;

export function measurePlanReport(settings: MeasureSettings, wiki: BenchWiki, articles: number): { rows: Measurement[]; goals: string[] } {
  const work = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-plan-'));
  try {
    const report = join(work, 'plan.html');
    const row = measure(settings, 'npm run plan -- --no-cache --format html (kalt)', ['npm', 'run', 'plan', '--', '--docs', wiki.docs, '--today', REFERENCE_DATE, '--format', 'html', '--out', report, '--no-cache'], [0, 1]);
    const cold = median(row.times);
    const bytes = statSync(report).size;
    return {
      rows: [row],
      goals: [
        `Digitalisierungsplan als HTML, kalt: ${seconds(cold)} (Ziel ≤ ${GOAL_SECONDS} s): ${verdict(cold <= GOAL_SECONDS, GOAL_ARTICLES, articles)}`,
        `Bericht des Digitalisierungsplans: ${decimal(bytes / 1e6, 2)} MB (Ziel ≤ ${decimal(GOAL_BYTES / 1e6, 2)} MB): ${verdict(bytes <= GOAL_BYTES, GOAL_ARTICLES, articles)}`,
      ],
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
