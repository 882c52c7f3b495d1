/**
 * `npm run bench`, issue 19: HR's long view on the generated wiki.
 *
 * - The audit of the full staff export (N/2 rows with birth dates, personalliste.csv)
 *   against last month's audit of it (`--compare`), as HTML, cold (`--no-cache`); goal
 *   ≤ 3 s at 10,000 articles.
 * - The HTML report for 2,000 flagged rows: its size (goal ≤ 2 MB) and the time Chromium
 *   takes from opening the file to its first frame (goal ≤ 1 s). The register for it names
 *   every post of the wiki with a departure within the horizon and keeps the first 2,000
 *   rows the audit flags (topped up with posts missing from the wiki if there are fewer).
 *
 * All files are written to a temporary folder and removed afterwards (fictional data).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { addMonths, formatIsoDate, parseIsoDate } from '../core/dates';
import { REASON_LABELS } from '../core/generated/labels';
import type { BenchWiki } from './bench-wiki';
import { REFERENCE_DATE } from './generate';
import { registerCsv } from './generate/register';
import { failIfBad, measure, median, runOnce, runsText, type MeasureSettings, type Measurement } from './measure';
import { count, decimal, seconds, verdict } from './report';
import { CHROMIUM } from './search-timing';

const GOAL_LONG_VIEW_SECONDS = 3;
const GOAL_FLAGGED_ROWS = 2000;
const GOAL_HTML_BYTES = 2_000_000;
const GOAL_OPEN_MS = 1000;
const GOAL_ARTICLES = 10_000;

export const LONG_VIEW_NOTE = '- Langer Blick (Issue 19): Personalliste mit N/2 Zeilen und Geburtsdaten, verglichen mit der Auswertung derselben Liste einen Monat früher; „Bericht öffnen“ = frischer Browser-Kontext, die HTML-Datei von der Platte bis zum ersten gezeichneten Bild nach dem load-Ereignis.';

/** `1,23 MB` (10^6 bytes, as the goal is written). */
const megabytesSi = (bytes: number) => `${decimal(bytes / 1e6, 2)} MB`;

/** The post ids of the generated wiki: its post articles are `<department>/stelle-….md`. */
function postIds(docs: string): string[] {
  const ids: string[] = [];
  for (const folder of readdirSync(docs)) {
    if (!statSync(join(docs, folder)).isDirectory()) continue;
    for (const name of readdirSync(join(docs, folder))) if (/^stelle-.*\.md$/.test(name)) ids.push(name.slice(0, -3));
  }
  return ids.sort();
}

export async function measureLongView(settings: MeasureSettings, wiki: BenchWiki, articles: number): Promise<{ rows: Measurement[]; goals: string[] }> {
  const work = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-hr-'));
  const env = { ...process.env, NO_COLOR: '1' };
  const audit = (register: string, ...args: string[]) => ['npm', 'run', 'audit', '--', '--register', register, '--docs', wiki.docs, ...args];
  const run = (what: string, command: string[]) => failIfBad(what, runOnce(command, env), [0, 1]);
  try {
    settings.progress('Langer Blick: Auswertung des Vormonats …');
    const previous = join(work, 'vormonat.json');
    const lastMonth = formatIsoDate(addMonths(parseIsoDate(REFERENCE_DATE)!, -1));
    run('Auswertung des Vormonats', audit(wiki.staff, '--today', lastMonth, '--format', 'json', '--out', previous));
    const staffRows = readFileSync(wiki.staff, 'utf8').split('\r\n').length - 2;
    const longView = measure(
      settings,
      `npm run audit -- --no-cache --compare … --format html (kalt; Personalliste, ${count(staffRows)} Zeilen mit Geburtsdatum)`,
      audit(wiki.staff, '--today', REFERENCE_DATE, '--compare', previous, '--format', 'html', '--out', join(work, 'langer-blick.html'), '--no-cache'),
      [0, 1],
    );
    const cold = median(longView.times);
    const goals = [
      `Langer Blick (Personalliste mit ${count(staffRows)} Zeilen, --compare, HTML), kalt: ${seconds(cold)} (Ziel ≤ ${GOAL_LONG_VIEW_SECONDS} s mit 5.000 Zeilen): ${verdict(cold <= GOAL_LONG_VIEW_SECONDS, GOAL_ARTICLES, articles)}`,
    ];

    settings.progress(`Langer Blick: Register mit ${count(GOAL_FLAGGED_ROWS)} gemeldeten Zeilen …`);
    const reason = REASON_LABELS.retirement;
    const candidates = postIds(wiki.docs).map((post, i) => ({ post, days: 1 + (i % 700), reason }));
    const all = join(work, 'alle.csv');
    writeFileSync(all, registerCsv(candidates));
    const allJson = join(work, 'alle.json');
    run('Auswertung aller Stellen', audit(all, '--today', REFERENCE_DATE, '--format', 'json', '--out', allJson));
    const flaggedPosts = new Set((JSON.parse(readFileSync(allJson, 'utf8')) as { flagged: Array<{ post: string }> }).flagged.map((row) => row.post));
    const chosen = candidates.filter((row) => flaggedPosts.has(row.post)).slice(0, GOAL_FLAGGED_ROWS);
    const topUp = GOAL_FLAGGED_ROWS - chosen.length;
    for (let i = 0; i < topUp; i++) chosen.push({ post: `stelle-fehlt-${String(i + 1).padStart(4, '0')}`, days: 1 + (i % 700), reason });
    const flaggedRegister = join(work, 'gemeldet.csv');
    writeFileSync(flaggedRegister, registerCsv(chosen));
    const report = join(work, 'gemeldet.html');
    run('HTML-Bericht', audit(flaggedRegister, '--today', REFERENCE_DATE, '--format', 'html', '--out', report));
    const bytes = statSync(report).size;
    const origin = topUp > 0 ? `, davon ${count(topUp)} Stellen ohne Artikel` : '';
    goals.push(`HTML-Bericht für ${count(GOAL_FLAGGED_ROWS)} gemeldete Zeilen${origin}: ${megabytesSi(bytes)} (Ziel ≤ ${megabytesSi(GOAL_HTML_BYTES)}): ${verdict(bytes <= GOAL_HTML_BYTES, GOAL_ARTICLES, articles)}`);

    if (!existsSync(CHROMIUM)) {
      goals.push(`HTML-Bericht öffnen: nicht gemessen – ${CHROMIUM} fehlt (apt-get install -y chromium)`);
    } else {
      const opens = await openTimes(report, Math.max(settings.runs, 5), settings.progress);
      const open = median(opens);
      goals.push(`HTML-Bericht für ${count(GOAL_FLAGGED_ROWS)} Zeilen in Chromium öffnen: Median ${Math.round(open)} ms, ${runsText(opens.length)} (Ziel ≤ ${GOAL_OPEN_MS} ms): ${verdict(open <= GOAL_OPEN_MS, GOAL_ARTICLES, articles)}`);
    }
    return { rows: [longView], goals };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Milliseconds from navigating to the file until the first frame after `load`, each in a fresh context. */
async function openTimes(file: string, runs: number, progress: MeasureSettings['progress']): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      progress(`HTML-Bericht in Chromium: Lauf ${run + 1} von ${runs} …`);
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}
