import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { launchBrowser, SAMPLE_PAGES, startSite, type RunningSite } from './harness';
import { systemBinary } from './system-packages';

// The shipped web-server recipes (deploy/) serving a build for /wiki/: the real nginx and
// Apache from Debian (.ci/run installs them), the Content-Security-Policy checked in Chromium.

const CSP = readFileSync(join(ROOT, 'deploy/content-security-policy.txt'), 'utf8').trim();
const NGINX = systemBinary('nginx');
const APACHE = systemBinary('apache2');
const APACHE_MODULES = '/usr/lib/apache2/modules';
/** Where the recipes expect the site; replaced by a temporary folder here. */
const RECIPE_ROOT = '/var/www/stellenwissen';

/** Every page type of the sample wiki that answers 200 (the 404 page is checked apart). */
const { notFound: _notFound, ...PAGES } = SAMPLE_PAGES;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

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

/** A world-readable copy of the build at <dir>/www/wiki/ (the servers' workers drop root). */
function publish(outDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stellenwissen-www-'));
  chmodSync(dir, 0o755);
  cpSync(outDir, join(dir, 'www/wiki'), { recursive: true });
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
  const recipe = readFileSync(join(ROOT, 'deploy/nginx/stellenwissen.conf'), 'utf8').replaceAll(RECIPE_ROOT, join(dir, 'www'));
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
  const recipe = readFileSync(join(ROOT, 'deploy/apache/stellenwissen.conf'), 'utf8').replaceAll(RECIPE_ROOT, join(dir, 'www'));
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

  it('answers unknown pages with the site\'s 404 page and /wiki with a redirect to /wiki/', async () => {
    const missing = await fetch(`${server.origin}/wiki/gibt-es-nicht`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Seite nicht gefunden');
    const bare = await fetch(`${server.origin}/wiki`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(new URL(bare.headers.get('location')!, server.origin).pathname).toBe('/wiki/');
  });
});

describe('the site under the recipes\' Content-Security-Policy in Chromium (nginx)', () => {
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
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    await page.goto(`${server.origin}/wiki/${path}`, { waitUntil: 'networkidle' });
    if (type === 'process') await page.locator('.docusaurus-mermaid-container svg').waitFor({ timeout: 30_000 });
    if (type === 'start') {
      // The search fetches its index from the server (connect-src).
      await page.fill('input[aria-label="Wiki durchsuchen"]', 'Eheschließung');
      await page.locator('[role="option"]', { hasText: 'Eheschließung anmelden' }).first().waitFor({ timeout: 15_000 });
    }
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await page.close();
  });
});
