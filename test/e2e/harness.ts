import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';
import { buildSite, ROOT } from '../helpers';
import { systemBinary } from './system-packages';

/**
 * Browser-test harness: builds the site once per (docsDir, env, basePath) and test run
 * (or process), serves it on 127.0.0.1 and drives Debian's Chromium through playwright-core.
 * It never downloads a browser.
 */

export const CHROMIUM = systemBinary('chromium');

/** One page of each type of the sample wiki (docs/), plus the dashboards and the 404 page. */
export const SAMPLE_PAGES: Record<string, string> = {
  start: '',
  department: 'fb32-ordnung/',
  post: 'fb32-ordnung/stelle-32-002',
  process: 'fb32-ordnung/eheschliessung-anmelden',
  handover: 'fb10-zentrale-dienste/uebergabe-stelle-10-003',
  guide: 'fb10-zentrale-dienste/leitfaden-e-akte',
  coverage: 'wissenssicherung',
  digital: 'digitalisierung',
  notFound: 'gibt-es-nicht',
};


/** Variables of the site build that the surrounding shell must not leak into a test build. */
const SITE_ENV = ['DOCS_DIR', 'BASE_URL', 'EDIT_URL', 'SITE_URL'];

export interface StartSiteOptions {
  /** Wiki folder to build (default: the bundled sample wiki, docs/). */
  docsDir?: string;
  /** Extra environment of the build (EDIT_URL, SITE_URL, …). */
  env?: NodeJS.ProcessEnv;
  /** Sub-path the site is built for and served under, e.g. '/wiki/' (default '/'). */
  basePath?: string;
}

export interface RunningSite {
  /** Address of the start page, e.g. http://127.0.0.1:41234/wiki/ */
  url: string;
  /** The build output being served (shared with other users of the same build). */
  outDir: string;
  close(): Promise<void>;
}

/**
 * Where builds are kept: the folder of this browser-test run (test/e2e/global-setup.ts,
 * which also removes it), so test files share builds; without it, one folder per process.
 */
const ROOT_KEY = Symbol.for('stellenwissen.e2e.buildRoot');
function buildRoot(): string {
  const given = process.env.STELLENWISSEN_E2E_BUILDS;
  if (given) return given;
  const holder = globalThis as typeof globalThis & { [ROOT_KEY]?: string };
  if (!holder[ROOT_KEY]) {
    const root = mkdtempSync(join(tmpdir(), 'stellenwissen-e2e-'));
    holder[ROOT_KEY] = root;
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  }
  return holder[ROOT_KEY];
}

/** Builds of this process, by folder: describes and files in one worker wait for the same build. */
const builds = new Map<string, Promise<string>>();

function normaliseBasePath(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Builds (or reuses the build of) a site and serves it on a random port of 127.0.0.1. */
export async function startSite(options: StartSiteOptions = {}): Promise<RunningSite> {
  const basePath = normaliseBasePath(options.basePath ?? options.env?.BASE_URL ?? '/');
  const docsDir = resolve(ROOT, options.docsDir ?? 'docs');
  const env: NodeJS.ProcessEnv = {};
  for (const key of SITE_ENV) env[key] = undefined;
  Object.assign(env, options.env, { BASE_URL: basePath === '/' ? undefined : basePath });
  const key = JSON.stringify([docsDir, basePath, Object.entries(env).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v ?? null])]);
  const dir = join(buildRoot(), createHash('sha256').update(key).digest('hex').slice(0, 16));

  let build = builds.get(dir);
  if (!build) {
    build = Promise.resolve().then(() => buildOnce(dir, key, docsDir, env, basePath));
    builds.set(dir, build);
  }
  return serve(await build, basePath);
}

/** Builds into `dir` unless an earlier test file of this run already did (or failed to). */
function buildOnce(dir: string, key: string, docsDir: string, env: NodeJS.ProcessEnv, basePath: string): string {
  const outDir = join(dir, 'build');
  const done = join(dir, 'done');
  const failed = join(dir, 'failed.log');
  if (existsSync(done)) return outDir;
  if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
  mkdirSync(dir, { recursive: true });
  const result = buildSite({ docsDir, outDir, env });
  if (result.status !== 0) {
    const message = `Build of ${docsDir} (BASE_URL=${basePath}) failed with status ${result.status}:\n${result.output}`;
    writeFileSync(failed, message);
    throw new Error(message);
  }
  writeFileSync(done, `${key}\n`);
  return outDir;
}

/** Serves a finished build (e.g. of a wiki outside this repository) on a random port of 127.0.0.1. */
export async function serve(outDir: string, basePath = '/'): Promise<RunningSite> {
  const files = sirv(outDir, { dev: false, single: false, etag: true, dotfiles: false });
  const notFoundPage = join(outDir, '404.html');
  const notFound = (res: ServerResponse): void => {
    res.statusCode = 404;
    if (existsSync(notFoundPage)) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(readFileSync(notFoundPage));
    } else {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Seite nicht gefunden');
    }
  };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    if (basePath !== '/' && url.split('?')[0] === basePath.slice(0, -1)) {
      res.statusCode = 301;
      res.setHeader('Location', basePath + url.slice(basePath.length - 1));
      res.end();
      return;
    }
    if (!url.startsWith(basePath)) {
      notFound(res);
      return;
    }
    req.url = url.slice(basePath.length - 1);
    files(req, res, () => notFound(res));
  };
  const server = createServer(handler);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    outDir,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

/** Launches Debian's Chromium headless (global-setup.ts has checked that it is installed). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a request leaves this machine (http/https/ws/wss to any host but 127.0.0.1 or localhost). */
export function isForeignUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return false;
  return !LOCAL_HOSTS.has(parsed.hostname);
}

/** A fresh page that blocks and records every request leaving the machine, and records page errors. */
export async function watchedPage(browser: Browser): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route((target) => isForeignUrl(target.href), (route) => {
    foreign.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return { page, foreign, errors };
}

export interface OpenedPage {
  page: Page;
  /** Every request URL, in order. */
  requests: string[];
  /** Requests to any host but 127.0.0.1/localhost (they are also blocked). */
  foreignRequests: string[];
  /** Messages of alert/confirm/prompt dialogs (each dismissed). */
  dialogs: string[];
  /** Console errors and uncaught page errors. */
  consoleErrors: string[];
}

/** Opens `url` in a fresh browser context and records what the page does. Close with `page.close()`. */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const page = await browser.newPage();
  const opened: OpenedPage = { page, requests: [], foreignRequests: [], dialogs: [], consoleErrors: [] };
  page.on('request', (request) => {
    const target = request.url();
    opened.requests.push(target);
    if (isForeignUrl(target)) opened.foreignRequests.push(target);
  });
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') opened.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => opened.consoleErrors.push(`pageerror: ${error.message}`));
  // Nothing may leave the machine, even when a test is about to fail because of it.
  await page.route((target) => isForeignUrl(target.href), (route) => route.abort('blockedbyclient'));
  await page.goto(url, { waitUntil: 'networkidle' });
  return opened;
}
