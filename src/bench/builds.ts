/**
 * Site builds of the generated wiki: our project and, optionally, the plain-Docusaurus
 * baseline (baseline.ts), with the goals of issue 6 (≤ 1.2× the baseline, ≤ 2.5 GB).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASELINE_DIR, baselineVersion } from './baseline';
import { failIfBad, median, ROOT, runOnce, type Measurement, type Progress } from './measure';
import { mainJsSize, type MainJsSize } from './main-js-size';
import { decimal, kilobytes, megabytes, met, seconds } from './report';

const GOAL_RATIO = 1.2;
const GOAL_PEAK_RSS = 2.5 * 1024 ** 3;
/** Issue 15: every page's main.js at most this much larger than plain Docusaurus's, at 1,000 and 5,000 articles. */
const GOAL_MAIN_JS_RATIO = 1.1;

/** A site to build: our project, or the plain-Docusaurus baseline. */
export interface Site {
  /** Row label in the table. */
  what: string;
  /** Short name for progress lines and errors. */
  label: string;
  /** Folder whose `npm run build` builds the site. */
  cwd: string;
}

export const PROJECT_SITE: Site = { what: 'npm run build (Docusaurus Faster, ohne Bundler-Cache)', label: 'npm run build', cwd: ROOT };
export const BASELINE_SITE: Site = {
  what: 'Vergleich: reines Docusaurus + Faster + lokale Suche (ohne Bundler-Cache)',
  label: 'Vergleichsbau (reines Docusaurus)',
  cwd: BASELINE_DIR,
};

/**
 * Site builds of the same docs folder: every run with its own generated-files and output
 * folder and no persistent bundler cache. With several sites the runs alternate
 * (A B A B …), so a slow phase of the machine hits both alike. `kept` is the folder of
 * the project's last build (its `build/`), for the search measurement; the caller removes it.
 * `mainJs` is each site's main bundle size, from its last build.
 */
export function measureBuilds(docs: string, runs: number, sites: Site[], progress: Progress): { rows: Measurement[]; kept: string | undefined; mainJs: Array<MainJsSize | undefined> } {
  const results = sites.map((site) => ({ site, times: [] as number[], peak: undefined as number | undefined, mainJs: undefined as MainJsSize | undefined }));
  let kept: string | undefined;
  for (let i = 1; i <= runs; i++) {
    for (const result of results) {
      const keep = i === runs && result.site === PROJECT_SITE;
      progress(`${result.site.label}: Lauf ${i}/${runs} …`);
      const temp = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-build-'));
      try {
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          NO_COLOR: '1',
          NODE_ENV: 'production',
          DOCS_DIR: docs,
          DOCUSAURUS_GENERATED_FILES_DIR_NAME: join(temp, '.docusaurus'),
          DOCUSAURUS_NO_PERSISTENT_CACHE: '1',
        };
        const run = runOnce(['npm', 'run', 'build', '--', '--out-dir', join(temp, 'build')], env, result.site.cwd);
        failIfBad(result.site.label, run, [0]);
        result.times.push(run.seconds);
        if (run.peakRss !== undefined) result.peak = Math.max(result.peak ?? 0, run.peakRss);
        if (i === runs) result.mainJs = mainJsSize(join(temp, 'build'));
        if (keep) kept = temp;
      } finally {
        if (!keep) rmSync(temp, { recursive: true, force: true });
      }
    }
  }
  return { rows: results.map(({ site, times, peak }) => ({ what: site.what, times, peakRss: peak })), kept, mainJs: results.map((r) => r.mainJs) };
}

/** The size every page loads first, against plain Docusaurus on the same files (goal at 1,000 and 5,000 articles). */
export function mainJsGoal(ours: MainJsSize, plain: MainJsSize | undefined, articles: number): string {
  const size = (s: MainJsSize) => `${kilobytes(s.bytes)} roh / ${kilobytes(s.gzipBytes)} gzip`;
  if (!plain) return `main.js: ${size(ours)} (Vergleich mit reinem Docusaurus nur ohne --skip-baseline)`;
  const raw = ours.bytes / plain.bytes;
  const gzip = ours.gzipBytes / plain.gzipBytes;
  const ok = raw <= GOAL_MAIN_JS_RATIO && gzip <= GOAL_MAIN_JS_RATIO;
  const goalSize = articles === 1000 || articles === 5000;
  return `main.js: Projekt ${size(ours)}, reines Docusaurus ${size(plain)} = ${decimal(raw, 2)}× roh, ${decimal(gzip, 2)}× gzip ` +
    `(Ziel ≤ ${decimal(GOAL_MAIN_JS_RATIO, 1)}× bei 1.000 und 5.000 Artikeln): ${goalSize ? met(ok) : 'Ziel gilt bei 1.000 und 5.000 Artikeln'}`;
}

/** The baseline's description and the comparison of both builds with the goals. */
export function comparisonLines(ours: Measurement, plain: Measurement, installSeconds: number | undefined): string[] {
  return [
    `- Vergleichsbau: bench/plain-docusaurus – Docusaurus ${baselineVersion('@docusaurus/core')} mit Faster und @easyops-cn/docusaurus-search-local ${baselineVersion('@easyops-cn/docusaurus-search-local')}, ` +
      `dieselben Dateien, ohne eigene Plugins` + (installSeconds === undefined ? '' : ` (eben mit npm ci installiert in ${seconds(installSeconds)})`),
    '',
    `Seitenbau: Projekt / reines Docusaurus = ${decimal(median(ours.times) / median(plain.times), 2)}× (Ziel ≤ ${decimal(GOAL_RATIO, 1)}× bei 1.000 Artikeln)`,
    `Spitzen-RSS: Projekt ${megabytes(ours.peakRss).replace('.', ',')} (Ziel ≤ ${decimal(GOAL_PEAK_RSS / 1024 ** 3, 1)} GB), reines Docusaurus ${megabytes(plain.peakRss).replace('.', ',')}`,
  ];
}
