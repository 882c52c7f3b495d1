import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWikiConfig } from '../../src/core/config';
import { freePort, ROOT } from '../helpers';
import { watchCspViolations } from './csp';
import { launchBrowser, SAMPLE_PAGES, startSite, watchedPage, type RunningSite } from './harness';
import { systemBinary } from './system-packages';

// The shipped web-server recipes (deploy/) serving a build for /wiki/: the real nginx and
// Apache from Debian (.ci/run installs them), the Content-Security-Policy checked in Chromium.

const CSP = readFileSync(join(ROOT, 'deploy/content-security-policy.txt'), 'utf8').trim();
/** Files of the browser editor (admin/) that change with every build. */
const ADMIN_DATA = ['config.json', 'preview-data.json'];
const NGINX = systemBinary('nginx');
const APACHE = systemBinary('apache2');
const APACHE_MODULES = '/usr/lib/apache2/modules';
/** Where the recipes expect the site; replaced by a temporary folder here. */
const RECIPE_ROOT = '/var/www/stellenwissen';
/** The recipes' stand-in for the town hall's Git server, replaced as the admin would: by the sample wiki's. */
const RECIPE_GIT_SERVER = 'https://git.rathaus.example';
const SAMPLE_GIT_SERVER = readWikiConfig(ROOT).editing.baseUrl!;
/** The editor's policy as served: the recipes' line with the sample wiki's Git server. */
const ADMIN_CSP = readFileSync(join(ROOT, 'deploy/content-security-policy-admin.txt'), 'utf8').trim().replaceAll(RECIPE_GIT_SERVER, SAMPLE_GIT_SERVER);

/** Every page type of the sample wiki that answers 200 (the 404 page is checked apart). */
const { notFound: _notFound, ...PAGES } = SAMPLE_PAGES;

async function waitForServer(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server beendet (Status ${child.exitCode}):\n${log()}`);
    try {
      await fetch(`${origin}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`Server antwortet nicht:\n${log()}`);
}

interface Served {
  origin: string;
  stop(): Promise<void>;
}

/**
 * What a browser editor does that the site's policy forbids (like Decap CMS: ajv compiles
 * with new Function, emotion writes <style> elements and style attributes, media previews
 * are blob: images) plus a request to the own server; each step reports into data-probe.
 */
const ADMIN_PROBE_SCRIPT = `
const results = [];
const step = (name, run) => { try { run(); results.push(name + ' ok'); } catch (e) { results.push(name + ' ' + e.name); } };
step('eval', () => { if (new Function('return 6 * 7')() !== 42) throw new Error('eval'); });
step('style', () => {
  const style = document.createElement('style');
  style.textContent = '.probe { color: rgb(1, 2, 3); }';
  document.head.append(style);
  document.body.setAttribute('style', 'margin: 1px');
});
const image = (name, src) => new Promise((done) => {
  const img = new Image();
  img.onload = () => done(name + ' ok');
  img.onerror = () => done(name + ' blocked');
  img.src = src;
});
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
Promise.all([
  image('blob', URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))),
  image('data', 'data:image/svg+xml,' + encodeURIComponent(svg)),
  fetch(new URL('config.json', document.currentScript.src)).then((r) => 'fetch ' + (r.ok ? 'ok' : r.status), (e) => 'fetch ' + e.name),
]).then((more) => { document.body.dataset.probe = [...results, ...more].join(', '); });
`;

/**
 * The admin folder of the build, or a tiny stand-in where the build has none (editing
 * disabled, or before the editor existed), plus csp-probe.html/js that exercise the policy.
 */
function addAdmin(wikiDir: string): void {
  const admin = join(wikiDir, 'admin');
  mkdirSync(admin, { recursive: true });
  const standIn: Record<string, string> = {
    'index.html': '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Bearbeiten</title></head><body><p>Platzhalter des Editors</p></body></html>\n',
    'config.json': '{"load_config_file":false}\n',
    'preview-data.json': '{}\n',
  };
  for (const [file, text] of Object.entries(standIn)) if (!existsSync(join(admin, file))) writeFileSync(join(admin, file), text);
  writeFileSync(join(admin, 'csp-probe.js'), ADMIN_PROBE_SCRIPT);
  writeFileSync(join(admin, 'csp-probe.html'), '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CSP-Probe</title><script src="csp-probe.js" defer></script></head><body></body></html>\n');
}

/** A world-readable copy of the build at <dir>/www/wiki/ (the servers' workers drop root). */
function publish(outDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stellenwissen-www-'));
  chmodSync(dir, 0o755);
  cpSync(outDir, join(dir, 'www/wiki'), { recursive: true });
  addAdmin(join(dir, 'www/wiki'));
  return dir;
}

function stopper(child: ChildProcess, signal: NodeJS.Signals, dir: string): () => Promise<void> {
  return () => new Promise((resolveStop) => {
    const done = () => {
      rmSync(dir, { recursive: true, force: true });
      resolveStop();
    };
    if (child.exitCode !== null) return done();
    child.once('exit', done);
    child.kill(signal);
  });
}

/** Starts a server in the foreground, waits until it answers; its error log is `<dir>/error.log`. */
async function runServer(binary: string, args: string[], dir: string, port: number, stopSignal: NodeJS.Signals): Promise<Served> {
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const origin = `http://127.0.0.1:${port}`;
  const errorLog = join(dir, 'error.log');
  await waitForServer(origin, child, () => stderr + (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''));
  return { origin, stop: stopper(child, stopSignal, dir) };
}

async function startNginx(outDir: string): Promise<Served> {
  const dir = publish(outDir);
  const port = await freePort();
  const recipe = readFileSync(join(ROOT, 'deploy/nginx/stellenwissen.conf'), 'utf8').replaceAll(RECIPE_ROOT, join(dir, 'www')).replaceAll(RECIPE_GIT_SERVER, SAMPLE_GIT_SERVER);
  writeFileSync(join(dir, 'stellenwissen.conf'), recipe);
  writeFileSync(join(dir, 'nginx.conf'), [
    'daemon off;', 'worker_processes 1;', `pid ${dir}/nginx.pid;`, `error_log ${dir}/error.log warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  include /etc/nginx/mime.types;', '  default_type application/octet-stream;', '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/tmp-${t};`),
    `  server { listen 127.0.0.1:${port}; include ${dir}/stellenwissen.conf; }`,
    '}',
  ].join('\n'));
  return runServer(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], dir, port, 'SIGQUIT');
}

async function startApache(outDir: string): Promise<Served> {
  const dir = publish(outDir);
  const port = await freePort();
  const recipe = readFileSync(join(ROOT, 'deploy/apache/stellenwissen.conf'), 'utf8').replaceAll(RECIPE_ROOT, join(dir, 'www')).replaceAll(RECIPE_GIT_SERVER, SAMPLE_GIT_SERVER);
  writeFileSync(join(dir, 'stellenwissen.conf'), recipe);
  const modules = ['mpm_event', 'authz_core', 'mime', 'dir', 'alias', 'headers', 'rewrite', 'filter', 'deflate'];
  writeFileSync(join(dir, 'httpd.conf'), [
    `ServerRoot ${dir}`, 'ServerName localhost', `Listen 127.0.0.1:${port}`,
    ...modules.map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`),
    `PidFile ${dir}/httpd.pid`, `DefaultRuntimeDir ${dir}`, `ErrorLog ${dir}/error.log`, 'LogLevel warn',
    'User www-data', 'Group www-data', 'TypesConfig /etc/mime.types', `DocumentRoot ${dir}/www`,
    `<VirtualHost 127.0.0.1:${port}>`, `  Include ${dir}/stellenwissen.conf`, '</VirtualHost>',
  ].join('\n'));
  const syntax = spawnSync(APACHE, ['-t', '-f', join(dir, 'httpd.conf')], { encoding: 'utf8' });
  if (syntax.status !== 0) throw new Error(`apache2 -t: ${syntax.stderr}`);
  return runServer(APACHE, ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], dir, port, 'SIGWINCH');
}

let site: RunningSite;

beforeAll(async () => {
  site = await startSite({ basePath: '/wiki/' }); // the sample wiki, built for /wiki/
});

afterAll(async () => {
  await site?.close();
});

/** A hashed asset and a hashed search-index part of the build. */
function hashedFiles(): { asset: string; shard: string } {
  const js = readdirSync(join(site.outDir, 'assets/js')).find((f) => f.endsWith('.js'))!;
  const shard = readdirSync(join(site.outDir, 'suchindex')).find((f) => /\.[0-9a-f]{8}\.json$/.test(f))!;
  return { asset: `assets/js/${js}`, shard: `suchindex/${shard}` };
}

describe.each([
  ['nginx', startNginx],
  ['Apache', startApache],
] as const)('deploy/ recipe for %s', (_name, start) => {
  let server: Served;

  beforeAll(async () => {
    server = await start(site.outDir);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('serves every page under /wiki/, also without trailing slash, with the CSP and security headers', async () => {
    for (const path of Object.values(PAGES)) {
      const response = await fetch(`${server.origin}/wiki/${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy'), path).toBe(CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(await response.text()).toContain('<html');
    }
  });

  it('lets hashed files stay a year, everything else is revalidated', async () => {
    const { asset, shard } = hashedFiles();
    for (const path of [asset, shard]) {
      const response = await fetch(`${server.origin}/wiki/${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-security-policy'), path).toBe(CSP);
    }
    const manifest = await fetch(`${server.origin}/wiki/suchindex/manifest.json`);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect(manifest.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('serves the browser editor /wiki/admin/ with its own CSP, never cached long; /wiki/admin redirects', async () => {
    for (const path of ['admin/', 'admin/index.html', ...ADMIN_DATA.map((f) => `admin/${f}`)]) {
      const response = await fetch(`${server.origin}/wiki/${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toBe(ADMIN_CSP);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(response.headers.get('content-type'), path).toMatch(path.endsWith('.json') ? /^application\/json/ : /^text\/html/);
    }
    const bare = await fetch(`${server.origin}/wiki/admin`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(new URL(bare.headers.get('location')!, server.origin).pathname).toBe('/wiki/admin/');
    // The site around it keeps the site's policy.
    const start = await fetch(`${server.origin}/wiki/`);
    expect(start.headers.get('content-security-policy')).toBe(CSP);
  });

  it('answers unknown pages with the site\'s 404 page and /wiki with a redirect to /wiki/', async () => {
    const missing = await fetch(`${server.origin}/wiki/gibt-es-nicht`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Seite nicht gefunden');
    const bare = await fetch(`${server.origin}/wiki`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(new URL(bare.headers.get('location')!, server.origin).pathname).toBe('/wiki/');
  });
});

describe('the site and its editor under the recipes\' Content-Security-Policies in Chromium (nginx)', () => {
  let browser: Browser;
  let server: Served;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startNginx(site.outDir);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('allows every inline script of the build by its hash (else update deploy/content-security-policy.txt)', () => {
    const allowed = new Set([...CSP.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]));
    const missing = new Set<string>();
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const file of walk(site.outDir).filter((f) => f.endsWith('.html'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/<script((?:(?!\bsrc=)[^>])*)>([\s\S]*?)<\/script>/g)) {
        if (/type=["']?application\/ld\+json/.test(match[1]!)) continue; // data, never run
        const hash = createHash('sha256').update(match[2]!).digest('base64');
        if (!allowed.has(hash)) missing.add(`'sha256-${hash}' (${file.slice(site.outDir.length)}: ${match[2]!.slice(0, 60)}…)`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it.each(Object.entries(PAGES))('%s page: no CSP violation, no failed request, no console error', async (type, path) => {
    const page = await browser.newPage();
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const violations = await watchCspViolations(page);
    await page.goto(`${server.origin}/wiki/${path}`, { waitUntil: 'networkidle' });
    if (type === 'process') await page.locator('.docusaurus-mermaid-container svg').waitFor({ timeout: 30_000 });
    if (type === 'start') {
      // The search fetches its index from the server (connect-src).
      await page.fill('input[aria-label="Wiki durchsuchen"]', 'Eheschließung');
      await page.locator('[role="option"]', { hasText: 'Eheschließung anmelden' }).first().waitFor({ timeout: 15_000 });
    }
    expect(await violations()).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await page.close();
  });

  // The browser editor under its own policy (/wiki/admin/), on the same server.

  it('allows what the editor needs under /wiki/admin/: eval, inline styles, blob: and data: images, own requests', async () => {
    const page = await browser.newPage();
    const violations = await watchCspViolations(page);
    await page.goto(`${server.origin}/wiki/admin/csp-probe.html`);
    await page.waitForSelector('body[data-probe]', { state: 'attached' });
    expect(await page.getAttribute('body', 'data-probe')).toBe('eval ok, style ok, blob ok, data ok, fetch ok');
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('the same script on a page of the site is blocked by the site\'s policy (so the check above can fail)', async () => {
    const page = await browser.newPage();
    const violations = await watchCspViolations(page);
    await page.goto(`${server.origin}/wiki/`, { waitUntil: 'networkidle' });
    // A script element of the page itself (playwright's addScriptTag fails on the violation it causes).
    await page.evaluate((src) => document.head.append(Object.assign(document.createElement('script'), { src })), `${server.origin}/wiki/admin/csp-probe.js`);
    await page.waitForSelector('body[data-probe]', { state: 'attached' });
    expect(await page.getAttribute('body', 'data-probe')).toBe('eval EvalError, style ok, blob blocked, data ok, fetch ok');
    const blocked = await violations();
    expect(blocked.some((v) => /^script-src(-elem)? eval /.test(v)), blocked.join('\n')).toBe(true);
    expect(blocked.some((v) => /^img-src blob /.test(v)), blocked.join('\n')).toBe(true);
    await page.close();
  });

  it('the real editor (Decap CMS, GitLab backend of the sample wiki) starts at /wiki/admin/ with zero violations and asks no other host before the login', async () => {
    const { page, foreign, errors } = await watchedPage(browser);
    const violations = await watchCspViolations(page);
    await page.goto(`${server.origin}/wiki/admin/`);
    await page.getByRole('button', { name: 'Mit GitLab einloggen' }).waitFor();
    expect(await violations()).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
