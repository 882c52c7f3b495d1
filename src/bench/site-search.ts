/**
 * The built site's search in Chromium (search-timing.ts) for two queries of the generated
 * wiki: the first result on a fresh page and what was fetched until then, with the goals
 * of issue 6 (≤ 500 ms at 5,000 articles, largest index file ≤ 1 MB gzip at 1,000).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/wiki';
import { median, runsText, type Progress } from './measure';
import { kilobytes, verdict } from './report';
import { CHROMIUM, measureSearch, type SearchTiming } from './search-timing';

const GOAL_SEARCH_MS = 500;
const GOAL_SEARCH_PAYLOAD_GZIP = 1024 ** 2;
/** Searches are cheap to repeat: at least this many, even when the builds run once. */
const SEARCH_RUNS = 3;

export interface SearchRow { what: string; timing: SearchTiming }

/** How the search was measured, for the report's notes. */
export const SEARCH_NOTE = '- Suche: frischer Browser-Kontext je Lauf (leerer Cache), Abfrage per Einfügen ins Suchfeld, Zeit vom Eingabe-Ereignis bis der Artikel in der Trefferliste steht; Größen gzip (Stufe 6) der Dateien, die bis dahin geladen wurden.';

/** Title and id of the first process article of the first and of the last department folder. */
function searchTargets(docs: string): Array<{ what: string; query: string; title: string }> {
  const folders = readdirSync(docs).filter((name) => !name.startsWith('.')).sort();
  const processIn = (folder: string) => {
    for (const name of readdirSync(join(docs, folder)).sort()) {
      const text = readFileSync(join(docs, folder, name), 'utf8');
      if (!/^type: process$/m.test(text)) continue;
      const title = /^title: (.+)$/m.exec(text)?.[1]?.replace(/^"(.*)"$/, '$1');
      const id = /^id: (.+)$/m.exec(text)?.[1];
      if (title && id) return { title, id };
    }
    throw new UsageError(`Kein Prozessartikel in ${join(docs, folder)} gefunden.`);
  };
  const first = processIn(folders[0]!);
  const last = processIn(folders[folders.length - 1]!);
  return [
    { what: `Titel „${first.title}“`, query: first.title, title: first.title },
    { what: `Kennung „${last.id}“ (letzter Fachbereich)`, query: last.id, title: last.title },
  ];
}

/**
 * Searches the site built into `outDir/build` (at least SEARCH_RUNS times per query), with
 * the goal lines. Without Chromium nothing is measured and a goal line says so.
 */
export async function measureSiteSearch(outDir: string, docs: string, runs: number, articles: number, progress: Progress): Promise<{ rows: SearchRow[]; goals: string[] }> {
  if (!existsSync(CHROMIUM)) return { rows: [], goals: [`Suche: nicht gemessen – ${CHROMIUM} fehlt (apt-get install -y chromium)`] };
  const searchRuns = Math.max(runs, SEARCH_RUNS);
  const rows: SearchRow[] = [];
  for (const target of searchTargets(docs)) {
    progress(`Suche in Chromium: ${target.what}, ${runsText(searchRuns)} …`);
    rows.push({ what: target.what, timing: await measureSearch(join(outDir, 'build'), target.query, target.title, searchRuns) });
  }
  return { rows, goals: searchGoals(rows, articles) };
}

/** The goal lines on the slowest first result and the largest index file fetched before it. */
function searchGoals(rows: SearchRow[], articles: number): string[] {
  const slowest = Math.max(...rows.map((s) => median(s.timing.firstResultMs)));
  const largest = Math.max(...rows.flatMap((s) => s.timing.indexFiles.map((f) => f.gzipBytes)));
  return [
    `Suche: erster Treffer nach höchstens ${Math.round(slowest)} ms (Median; Ziel ≤ ${GOAL_SEARCH_MS} ms): ${verdict(slowest <= GOAL_SEARCH_MS, 5_000, articles)}`,
    `Suche: größte Suchindex-Datei vor dem ersten Treffer ${kilobytes(largest)} gzip (Ziel ≤ 1 MB): ${verdict(largest <= GOAL_SEARCH_PAYLOAD_GZIP, 1_000, articles)}`,
  ];
}

export function searchTable(rows: SearchRow[]): string {
  const lines = [
    '| Suche (frische Seite, Chromium) | Median bis zum ersten Treffer | Min–Max | Suchindex-Dateien bis dahin | davon größte (gzip) | alles bis dahin (gzip) |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const { what, timing } of rows) {
    const largest = Math.max(0, ...timing.indexFiles.map((f) => f.gzipBytes));
    const all = timing.allFiles.reduce((sum, f) => sum + f.gzipBytes, 0);
    lines.push(`| ${what} | ${Math.round(median(timing.firstResultMs))} ms | ${Math.round(Math.min(...timing.firstResultMs))} – ${Math.round(Math.max(...timing.firstResultMs))} ms | ` +
      `${timing.indexFiles.length} | ${kilobytes(largest)} | ${kilobytes(all)} |`);
  }
  return lines.join('\n');
}
