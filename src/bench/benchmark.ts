/**
 * `npm run bench` as one function: generates (or reuses) the wiki, runs every measurement
 * the options ask for and returns the Markdown report with the goals.
 */
import { rmSync } from 'node:fs';
import { UsageError } from '../core/wiki';
import { ensureBaseline } from './baseline';
import { benchWiki } from './bench-wiki';
import { BASELINE_SITE, comparisonLines, mainJsGoal, measureBuilds, PROJECT_SITE } from './builds';
import { measureCacheHitRates } from './cache-hit-rate';
import { environmentLine, timingLine } from './environment';
import { REFERENCE_DATE } from './generate';
import { EDITOR_NOTE, measureEditor } from './editor';
import { measureDocxImport, measureMojImport } from './imports';
import { hyperfineVersion, runsText, type Measurement, type Progress } from './measure';
import { benchReport, seconds } from './report';
import { measureSearchIndex } from './search-index-size';
import { measureSiteSearch, SEARCH_NOTE, searchTable, type SearchRow } from './site-search';
import { measureValidateAndAudit } from './validate-audit';
import { LONG_VIEW_NOTE, measureLongView } from './hr-long-view';
import { measurePlanReport } from './plan-report';

export interface BenchOptions {
  articles: number;
  runs: number;
  seed: number;
  skipBuild?: boolean;
  buildOnly?: boolean;
  skipBaseline?: boolean;
}

const CACHE_NOTE = '- Jede Zeit enthält den Start von npm und des Programms; kalt = `--no-cache` (jede Datei wird gelesen und analysiert), warm = Analysen aus node_modules/.cache, alle Regeln laufen trotzdem.';

export async function runBenchmark(options: BenchOptions, progress: Progress): Promise<string> {
  if (options.skipBuild && options.buildOnly) throw new UsageError('--skip-build und --build-only schließen einander aus.');
  const build = !options.skipBuild;
  const baseline = build && !options.skipBaseline;
  const hyperfine = hyperfineVersion();
  const settings = { runs: options.runs, hyperfine: hyperfine !== undefined, progress };
  const wiki = benchWiki(options.articles, options.seed, progress);
  const installSeconds = baseline ? ensureBaseline(progress) : undefined;

  const rows: Measurement[] = [];
  const goals: string[] = [];
  let indexLines: string[] = [];
  if (!options.buildOnly) {
    const timed = measureValidateAndAudit(settings, wiki, options.articles);
    rows.push(...timed.rows);
    const moj = measureMojImport(settings);
    if (moj.row) rows.push(moj.row);
    if (moj.goal) goals.push(moj.goal);
    const docx = await measureDocxImport(settings);
    rows.push(docx.row);
    goals.push(docx.goal, ...timed.goals);
    const longView = await measureLongView(settings, wiki, options.articles);
    rows.push(...longView.rows);
    goals.push(...longView.goals);
    const planReport = measurePlanReport(settings, wiki, options.articles);
    rows.push(...planReport.rows);
    goals.push(...planReport.goals);
    goals.push(...(await measureCacheHitRates(wiki.docs, progress)).goals);
    const index = measureSearchIndex(wiki.docs, options, progress);
    indexLines = index.lines;
    goals.push(...index.goals);
    goals.push(...(await measureEditor(wiki.docs, options.runs, options.articles, progress)));
  }

  const measured = build ? measureBuilds(wiki.docs, options.runs, baseline ? [PROJECT_SITE, BASELINE_SITE] : [PROJECT_SITE], progress) : { rows: [], kept: undefined, mainJs: [] };
  rows.push(...measured.rows);
  const [ourMain, plainMain] = measured.mainJs;
  if (ourMain) goals.push(mainJsGoal(ourMain, plainMain, options.articles));
  const [ours, plain] = measured.rows;
  let searches: SearchRow[] = [];
  if (measured.kept) {
    try {
      const search = await measureSiteSearch(measured.kept, wiki.docs, options.runs, options.articles, progress);
      searches = search.rows;
      goals.push(...search.goals);
    } finally {
      rmSync(measured.kept, { recursive: true, force: true });
    }
  }

  const notes = [
    `- Wiki: ${options.articles} erzeugte Artikel, Register mit ${Math.floor(options.articles / 5)} Zeilen, Personalliste mit ${Math.floor(options.articles / 2)} Zeilen, Prüfdatum ${REFERENCE_DATE}` +
      (wiki.generated ? ` (eben erzeugt in ${seconds(wiki.seconds)})` : ' (aus dem Cache)') + `: ${wiki.dir}`,
    environmentLine(),
    timingLine({ hyperfine, buildOnly: options.buildOnly === true, build, baseline }),
    ...(options.buildOnly ? [] : [CACHE_NOTE, LONG_VIEW_NOTE, EDITOR_NOTE]),
    ...(searches.length > 0 ? [SEARCH_NOTE] : []),
    ...(ours && plain ? comparisonLines(ours, plain, installSeconds) : []),
  ];
  const title = `Messung: ${options.articles} Artikel (Startwert ${options.seed}), ${runsText(options.runs)} je Messung`;
  const sections = [...(searches.length > 0 ? [searchTable(searches), ''] : []), ...indexLines];
  return benchReport({ title, rows, sections, notes, goals });
}
