/**
 * Measures the built site's search in Debian's Chromium, as a person meets it: a fresh
 * page (neither the search code nor the index loaded), the query arrives in the box, and
 * the clock runs until the expected article is listed. Also records which files the
 * browser fetched until then and their gzip size (what an intranet server that compresses
 * would send; `docusaurus serve` does not compress). Used by `npm run bench`, not by tests.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

export const CHROMIUM = '/usr/bin/chromium';
const BOX = 'input[aria-label="Wiki durchsuchen"]';
const TIMEOUT_MS = 30_000;

export interface FetchedFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface SearchTiming {
  /** Milliseconds from the query's input event until the article is listed, per run. */
  firstResultMs: number[];
  /** Search-index files (suchindex/) fetched before the first result, in the first run. */
  indexFiles: FetchedFile[];
  /** Every file fetched from page load until the first result, in the first run. */
  allFiles: FetchedFile[];
}

function fileOf(outDir: string, url: string): FetchedFile | undefined {
  let path = decodeURIComponent(new URL(url).pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = join(outDir, path);
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  const content = readFileSync(file);
  return { path, bytes: content.length, gzipBytes: gzipSync(content, { level: 6 }).length };
}

/**
 * Serves `outDir` on 127.0.0.1 and measures `runs` first searches for `query`, each on a
 * fresh page of `startPath`, waiting for a result whose text contains `title`.
 */
export async function measureSearch(outDir: string, query: string, title: string, runs: number, startPath = '/'): Promise<SearchTiming> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium fehlt (${CHROMIUM}): apt-get install -y chromium`);
  const files = sirv(outDir, { dev: false, etag: true });
  const server = createServer((req, res) => files(req, res, () => {
    res.statusCode = 404;
    res.end();
  }));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const result: SearchTiming = { firstResultMs: [], indexFiles: [], allFiles: [] };
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext(); // empty HTTP cache: a first visit
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${base}${startPath}`, { waitUntil: 'networkidle' });
      await page.evaluate(({ box, query, title }) => {
        const input = document.querySelector<HTMLInputElement>(box)!;
        const w = window as unknown as { searchTiming: Promise<number> };
        w.searchTiming = new Promise<number>((resolve) => {
          let started = 0;
          const check = () => {
            const listId = input.getAttribute('aria-controls');
            const list = listId ? document.getElementById(listId) : null;
            if (!started || input.value !== query || !list) return;
            if (Array.from(list.querySelectorAll('[role="option"]')).some((o) => o.textContent?.includes(title))) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          input.addEventListener('input', () => {
            started = performance.now();
            setTimeout(check, 0);
          }, { once: true });
        });
      }, { box: BOX, query, title });
      await page.fill(BOX, query);
      let timer: NodeJS.Timeout | undefined;
      const ms = await Promise.race([
        page.evaluate(() => (window as unknown as { searchTiming: Promise<number> }).searchTiming),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Suche nach „${query}“ hat „${title}“ nicht binnen ${TIMEOUT_MS / 1000} s gefunden.`)), TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      result.firstResultMs.push(ms);
      if (run === 0) {
        const fetched = [...new Set(requests)].map((url) => fileOf(outDir, url)).filter((f): f is FetchedFile => f !== undefined);
        result.allFiles = fetched;
        result.indexFiles = fetched.filter((f) => f.path.includes('/suchindex/'));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
    server.closeAllConnections();
  }
  return result;
}
