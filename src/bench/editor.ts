/**
 * `npm run bench`, issue 18: the browser editor on the generated wiki – the size of its
 * generated configuration and of the preview's index data (goals ≤ 300 KB gzip each at
 * 1,000 articles), and in Chromium on 127.0.0.1 the time from opening /admin/ to the list
 * of processes (goal ≤ 2 s) and from a keystroke to updated findings (goal ≤ 300 ms). The
 * admin folder is written as under `npm run edit` (src/editing/admin-site.ts), beside the
 * real file API; nothing is saved.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { chromium } from 'playwright-core';
import { readWikiConfig } from '../core/config';
import { loadWiki } from '../core/load/load-wiki';
import { stringValue } from '../core/article';
import { writeSiteAdmin } from '../editing/admin-site';
import { cmsConfigFor } from '../editing/cms-config';
import { startEditApi } from '../editing/edit-server';
import { editingSettings } from '../editing/settings';
import { GOAL_KEYSTROKE_TO_FINDINGS_MS, GOAL_PREVIEW_DATA_GZIP_BYTES, keystrokeToFindings, previewDataSize } from './editor-preview';
import { median, runsText, type Progress } from './measure';
import { kilobytes, verdict } from './report';
import { CHROMIUM } from './search-timing';

const GOAL_CONFIG_GZIP_BYTES = 300 * 1024;
const GOAL_OPEN_MS = 2000;
const GOAL_ARTICLES = 1000;
/** Keystrokes per run: the first ones warm the preview up, all count. */
const KEYS = ['a', 'b', 'c', 'd', 'e'];

export const EDITOR_NOTE = '- Editor: Admin-Ordner wie unter `npm run edit`, Dateischnittstelle und Seite auf 127.0.0.1; „Öffnen, erstes Mal“ = frischer Browser-Kontext, Aufruf von /admin/#/collections/process bis der erste Prozess in der Liste steht; „erneut“ = derselbe Aufruf danach im selben Browser (Skript im Cache des Browsers); „Tastendruck“ = ein Zeichen am Ende des Texts bis die Hinweise der Vorschau neu berechnet sind.';

function gzipBytes(value: unknown): number {
  return gzipSync(JSON.stringify(value)).length;
}

/** The editor's numbers for the wiki in `docs` (its site folder is the parent). */
export async function measureEditor(docs: string, runs: number, articles: number, progress: Progress): Promise<string[]> {
  const siteDir = dirname(docs);
  const wiki = loadWiki(docs);
  const wikiConfig = readWikiConfig(siteDir);
  const config = cmsConfigFor(siteDir, wiki, editingSettings(wikiConfig), { proxyUrl: 'http://127.0.0.1:1/api/v1' });
  const configGzip = gzipBytes(config);
  const preview = previewDataSize(wiki);
  const goals = [
    `Editor-Konfiguration: ${kilobytes(configGzip)} gzip (Ziel ≤ ${kilobytes(GOAL_CONFIG_GZIP_BYTES)} bei ${GOAL_ARTICLES} Artikeln) – ${verdict(configGzip <= GOAL_CONFIG_GZIP_BYTES, GOAL_ARTICLES, articles)}`,
    `Daten der Vorschau: ${kilobytes(preview.gzipBytes)} gzip (Ziel ≤ ${kilobytes(GOAL_PREVIEW_DATA_GZIP_BYTES)} bei ${GOAL_ARTICLES} Artikeln) – ${verdict(preview.gzipBytes <= GOAL_PREVIEW_DATA_GZIP_BYTES, GOAL_ARTICLES, articles)}`,
  ];
  if (!existsSync(CHROMIUM)) return [...goals, `Editor im Browser: nicht gemessen – ${CHROMIUM} fehlt (apt-get install -y chromium)`];

  const staticDir = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-admin-'));
  const app = express();
  app.use(express.static(staticDir));
  const server = createServer(app).listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  const sitePort = (server.address() as AddressInfo).port;
  const api = await startEditApi({ repoDir: siteDir, docsDir: 'docs', port: 0, sitePort });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    progress('Editor: Admin-Ordner schreiben …');
    await writeSiteAdmin({ staticDir, siteDir, wiki, wikiConfig, title: 'Bench', baseUrl: '/', apiUrl: api.url });
    const entry = wiki.articles.find((a) => a.type === 'process')!;
    const firstTitle = stringValue(entry, 'title')!;
    const admin = `http://127.0.0.1:${sitePort}/admin/`;
    const opens: number[] = [];
    const reopens: number[] = [];
    const keystrokes: number[] = [];
    const editorRuns = Math.max(runs, 3);
    for (let run = 0; run < editorRuns; run++) {
      progress(`Editor in Chromium: Lauf ${run + 1} von ${editorRuns} …`);
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${admin}#/collections/process`);
      await page.getByText(firstTitle, { exact: true }).first().waitFor({ timeout: 60_000 });
      opens.push(performance.now() - started);
      // Again in the same browser: signed in, the script in the browser's caches.
      await page.goto('about:blank');
      const again = performance.now();
      await page.goto(`${admin}#/collections/process`);
      await page.getByText(firstTitle, { exact: true }).first().waitFor({ timeout: 60_000 });
      reopens.push(performance.now() - again);
      await page.evaluate((hash) => (window.location.hash = hash), `/collections/process/entries/${entry.relPath.replace(/\.md$/, '')}`);
      await page.frameLocator('#preview-pane').locator('[data-findings-updated]').waitFor({ timeout: 60_000 });
      keystrokes.push(...(await keystrokeToFindings(page, KEYS)));
      await context.close();
    }
    const open = median(opens);
    const reopen = median(reopens);
    const key = median(keystrokes);
    goals.push(
      `Editor öffnen bis zur Liste, erstes Mal: Median ${Math.round(open)} ms, ${runsText(opens.length)} (Ziel ≤ ${GOAL_OPEN_MS} ms bei ${GOAL_ARTICLES} Artikeln) – ${verdict(open <= GOAL_OPEN_MS, GOAL_ARTICLES, articles)}`,
      `Editor öffnen bis zur Liste, erneut: Median ${Math.round(reopen)} ms, ${runsText(reopens.length)} (Ziel ≤ ${GOAL_OPEN_MS} ms bei ${GOAL_ARTICLES} Artikeln) – ${verdict(reopen <= GOAL_OPEN_MS, GOAL_ARTICLES, articles)}`,
      `Tastendruck bis zu neuen Hinweisen: Median ${Math.round(key)} ms, höchstens ${Math.round(Math.max(...keystrokes))} ms aus ${keystrokes.length} Tastendrücken (Ziel ≤ ${GOAL_KEYSTROKE_TO_FINDINGS_MS} ms bei ${GOAL_ARTICLES} Artikeln) – ${verdict(key <= GOAL_KEYSTROKE_TO_FINDINGS_MS, GOAL_ARTICLES, articles)}`,
    );
  } finally {
    await browser.close();
    await api.close();
    server.close();
    server.closeAllConnections();
    rmSync(staticDir, { recursive: true, force: true });
  }
  return goals;
}
