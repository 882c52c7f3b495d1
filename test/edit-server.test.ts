import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEditApi, type EditApi } from '../src/editing/edit-server';
import { startEditSession } from '../src/editing/edit-session';
import { EDITOR_PARAM as SERVER_PARAM } from '../src/editing/conflict-guard';
import { EDITOR_PARAM as CLIENT_PARAM, withEditorId } from '../src/editing/client/conflict';
import { EDIT_API_ENV, editApiFromEnv } from '../src/editing/local-backend';
import { signInLocally } from '../src/editing/client/local-sign-in';
import { freePort, MINI_WIKI, ROOT, tempDir } from './helpers';

const ARTICLE = 'docs/fb1/stelle-1-001.md';

/** A site folder holding a copy of the mini wiki as docs/. */
function site(): string {
  const dir = tempDir('stellenwissen-edit-');
  cpSync(MINI_WIKI, join(dir, 'docs'), { recursive: true });
  return dir;
}

const open: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

async function api(repoDir: string, sitePort = 3000): Promise<EditApi> {
  const started = await startEditApi({ repoDir, docsDir: 'docs', port: await freePort(), sitePort });
  open.push(started);
  return started;
}

async function post(url: string, action: string, params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ branch: 'main', action, params }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> & { error?: string } };
}

/** What Decap does: open an entry (getEntry), then save it (persistEntry). */
const editor = (base: string, id: string) => {
  const url = `${base}?${SERVER_PARAM}=${id}`;
  return {
    open: (path: string) => post(url, 'getEntry', { branch: 'main', path }),
    save: (path: string, raw: string, extra: Record<string, unknown> = {}) =>
      post(url, 'persistEntry', { branch: 'main', entry: { slug: 'x', path, raw, ...extra }, assets: [], options: {} }),
    remove: (path: string) => post(url, 'deleteFiles', { branch: 'main', paths: [path] }),
  };
};

/** An HTTP request with a chosen Host header (fetch does not let a page set it either). */
function requestWithHost(url: string, host: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(url, { method: 'POST', headers: { Host: host, 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end(JSON.stringify({ branch: 'main', action: 'info', params: {} }));
  });
}

/** Whether anything answers HTTP at host:port (a refused connection is false). */
async function answers(host: string, port: number): Promise<boolean> {
  try {
    await fetch(`http://${host}:${port}/api/v1`, { method: 'POST', signal: AbortSignal.timeout(3000) });
    return true;
  } catch {
    return false;
  }
}

describe('npm run edit: the file API', () => {
  it('listens on 127.0.0.1 only: another address of this machine gets no answer', async () => {
    const started = await api(site());
    const port = Number(new URL(started.url).port);
    expect(await answers('127.0.0.1', port)).toBe(true);
    // 127.0.0.2 is this machine too (the loopback network): a server on 0.0.0.0 answers there…
    const everywhere: Server = createServer((_req, res) => res.end('x'));
    const otherPort = await freePort();
    await new Promise<void>((done) => everywhere.listen(otherPort, '0.0.0.0', done));
    open.push({ close: () => new Promise<void>((done) => everywhere.close(() => done())) });
    expect(await answers('127.0.0.2', otherPort)).toBe(true);
    // …the file API does not.
    expect(await answers('127.0.0.2', port)).toBe(false);
  });

  it('reads and writes the files of docs/ (Decap’s proxy protocol)', async () => {
    const dir = site();
    const { url } = await api(dir);
    const list = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ branch: 'main', action: 'entriesByFolder', params: { branch: 'main', folder: 'docs', extension: 'md', depth: 2 } }) });
    const entries = (await list.json()) as Array<{ data: string; file: { path: string; id: string } }>;
    expect(entries.map((e) => e.file.path).sort()).toEqual(readdirSync(join(MINI_WIKI, 'fb1')).map((name) => `docs/fb1/${name}`).sort());
    const original = readFileSync(join(dir, ARTICLE), 'utf8');
    const one = editor(url, 'tab1');
    const opened = await one.open(ARTICLE);
    expect(opened.body).toMatchObject({ data: original, file: { path: ARTICLE, id: createHash('sha256').update(original).digest('hex') } });
    const changed = original.replace('title:', 'title: Geändert –');
    expect((await one.save(ARTICLE, changed)).status).toBe(200);
    expect(readFileSync(join(dir, ARTICLE), 'utf8')).toBe(changed);
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(join(dir, 'docs/fb1')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // The same editor saves again (Decap does not reload after a save): its own version is the base now.
    expect((await one.save(ARTICLE, `${changed}\nNoch ein Satz.\n`)).status).toBe(200);
  });

  it('refuses the second of two saves over the same loaded version, with a German message', async () => {
    const dir = site();
    const { url } = await api(dir);
    const first = editor(url, 'tab1');
    const second = editor(url, 'tab2');
    const original = readFileSync(join(dir, ARTICLE), 'utf8');
    await first.open(ARTICLE);
    await second.open(ARTICLE);
    expect((await first.save(ARTICLE, `${original}\nVon Tab 1.\n`)).status).toBe(200);
    const refused = await second.save(ARTICLE, `${original}\nVon Tab 2.\n`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toContain(`„${ARTICLE}“ wurde geändert, seit Sie den Artikel in diesem Fenster geöffnet haben`);
    expect(refused.body.error).toContain('Gespeichert wurde nichts');
    expect(readFileSync(join(dir, ARTICLE), 'utf8')).toBe(`${original}\nVon Tab 1.\n`);
    // After opening the new version, the second editor may save.
    await second.open(ARTICLE);
    expect((await second.save(ARTICLE, `${original}\nVon Tab 2.\n`)).status).toBe(200);
  });

  it('refuses a save over a change made outside the editor, and a delete of a changed file', async () => {
    const dir = site();
    const { url } = await api(dir);
    const one = editor(url, 'tab1');
    await one.open(ARTICLE);
    writeFileSync(join(dir, ARTICLE), 'in einem Texteditor geändert\n');
    expect((await one.save(ARTICLE, 'aus dem Browser\n')).status).toBe(409);
    expect((await one.remove(ARTICLE)).body.error).toContain('Gelöscht wurde nichts');
    expect(readFileSync(join(dir, ARTICLE), 'utf8')).toBe('in einem Texteditor geändert\n');
    // A file this editor never loaded is not written over either (e.g. after a restart of npm run edit).
    expect((await editor(url, 'tab9').save(ARTICLE, 'x\n')).body.error).toContain('dieses Fenster hat die Datei nicht geladen');
  });

  it('creates a new article only where none appeared meanwhile, and only inside docs/', async () => {
    const dir = site();
    const { url } = await api(dir);
    const one = editor(url, 'tab1');
    const path = 'docs/fb1/neu.md';
    // Decap checks a new entry's path with getEntry before it saves.
    expect((await one.open(path)).body).toMatchObject({ data: null, file: { id: null } });
    writeFileSync(join(dir, path), 'inzwischen angelegt\n');
    expect((await one.save(path, 'neu\n')).status).toBe(409);
    const other = 'docs/fb1/neu-2.md';
    await one.open(other);
    expect((await one.save(other, 'neu\n')).status).toBe(200);
    expect(readFileSync(join(dir, other), 'utf8')).toBe('neu\n');
    for (const outside of ['../ausserhalb.md', 'stellenwissen.config.yaml', 'package.json', 'docs/../x.md']) {
      const refused = await one.save(outside, 'x\n');
      expect(refused.status, outside).toBe(403);
      expect(refused.body.error).toContain('gehört nicht zum Wiki: Der Editor liest und schreibt nur in docs/ und static/img/artikel/');
    }
    expect(existsSync(join(dir, '..', 'ausserhalb.md'))).toBe(false);
  });

  it('reads only the wiki and its images, never the rest of the site folder (the register in hr/, the settings)', async () => {
    const dir = site();
    writeFileSync(join(dir, 'stellenwissen.config.yaml'), 'name: Test\n');
    const { url } = await api(dir);
    const one = editor(url, 'tab1');
    for (const path of ['stellenwissen.config.yaml', 'hr/austritte.csv', '../etc/passwd']) {
      const answer = await one.open(path);
      expect(answer.status, path).toBe(403);
      expect(answer.body.error).toContain('gehört nicht zum Wiki');
    }
    expect((await one.open(ARTICLE)).status).toBe(200);
  });

  it('moves only the renamed file, never onto another article', async () => {
    const dir = site();
    const { url } = await api(dir);
    const one = editor(url, 'tab1');
    await one.open(ARTICLE);
    expect((await one.save(ARTICLE, 'x\n', { newPath: 'docs/fb1/stelle-1-002.md' })).status).toBe(409);
    expect((await one.save(ARTICLE, 'verschoben\n', { newPath: 'docs/fb2/stelle-1-001.md' })).status).toBe(200);
    expect(readFileSync(join(dir, 'docs/fb2/stelle-1-001.md'), 'utf8')).toBe('verschoben\n');
    expect(existsSync(join(dir, ARTICLE))).toBe(false);
    // decap-server would have moved the whole folder along.
    expect(existsSync(join(dir, 'docs/fb1/stelle-1-002.md'))).toBe(true);
  });

  it('answers only the site’s own pages (CORS) and only requests addressed to 127.0.0.1', async () => {
    const { url } = await api(site(), 3456);
    for (const origin of ['http://127.0.0.1:3456', 'http://localhost:3456']) {
      const own = await post(url, 'info', {}, { Origin: origin });
      expect(own.status).toBe(200);
      expect(own.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:3456', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Content-Type');
    for (const origin of ['http://127.0.0.1:3000', 'http://intranet.example', 'null']) {
      const foreign = await post(url, 'info', {}, { Origin: origin });
      expect(foreign.status, origin).toBe(403);
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    }
    const port = new URL(url).port;
    expect(await requestWithHost(url, `127.0.0.1:${port}`)).toBe(200);
    expect(await requestWithHost(url, `rebind.example:${port}`)).toBe(403);
  });
});

describe('npm run edit: the session', () => {
  it('starts the site with the API address, on 127.0.0.1 at the root path, and Ctrl-C stops both', async () => {
    const dir = site();
    const seen = join(dir, 'seen.json');
    const [port, apiPort] = [await freePort(), await freePort()];
    // Stands in for `docusaurus start` (a real start takes half a minute): records what it got.
    const fake = `require('fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ api: process.env.${EDIT_API_ENV}, docs: process.env.DOCS_DIR, base: process.env.BASE_URL, args: process.argv.slice(2) })); setInterval(() => {}, 1000);`;
    const lines: string[] = [];
    writeFileSync(join(dir, 'fake-site.cjs'), fake);
    const session = await startEditSession({ siteDir: dir, docsDir: 'docs', port, apiPort, log: (line) => lines.push(line), siteCommand: [process.execPath, join(dir, 'fake-site.cjs')] });
    expect(lines[0]).toBe(`Bearbeiten im Browser: http://127.0.0.1:${port}/admin/ öffnen (die Seite startet gerade, das dauert einige Sekunden).`);
    expect(lines).toContain('Beenden mit Strg+C.');
    for (let i = 0; i < 100 && !existsSync(seen); i++) await new Promise((done) => setTimeout(done, 50));
    expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({ api: `http://127.0.0.1:${apiPort}/api/v1`, docs: 'docs', base: '/', args: ['--host', '127.0.0.1', '--port', String(port), '--no-open'] });
    expect(await answers('127.0.0.1', apiPort)).toBe(true);
    session.stop();
    expect(await session.done).toBe(0);
    expect(await answers('127.0.0.1', apiPort)).toBe(false);
  });

  it('ends with the site’s exit code and closes the API when the site stops on its own', async () => {
    const dir = site();
    writeFileSync(join(dir, 'broken-site.cjs'), 'process.exit(3);');
    const [port, apiPort] = [await freePort(), await freePort()];
    const session = await startEditSession({ siteDir: dir, docsDir: 'docs', port, apiPort, log: () => undefined, siteCommand: [process.execPath, join(dir, 'broken-site.cjs')] });
    expect(await session.done).toBe(3);
    expect(await answers('127.0.0.1', apiPort)).toBe(false);
  });

  it.each([['--port'], ['--api-port']])('a port in use (%s) is a German line and exit 2', async (flag) => {
    const dir = site();
    const busy = createServer();
    const port = await freePort();
    await new Promise<void>((done) => busy.listen(port, '127.0.0.1', done));
    open.push({ close: () => new Promise<void>((done) => busy.close(() => done())) });
    const other = String(await freePort());
    const args = flag === '--port' ? ['--port', String(port), '--api-port', other] : ['--port', other, '--api-port', String(port)];
    const child = spawn(process.execPath, [join(ROOT, 'scripts/run.cjs'), 'edit', ...args], { cwd: dir, env: { ...process.env, DOCS_DIR: '' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((done) => child.on('exit', done));
    expect(code).toBe(2);
    expect(stderr).toBe(`edit: Port ${port} auf 127.0.0.1 ist schon belegt (läuft „npm run edit“ schon in einem anderen Fenster?). Beenden Sie das andere Programm oder wählen Sie einen anderen Port mit ${flag}.\n`);
  });
});

describe('npm run edit: the editor configuration', () => {
  it('gives each open page an editor id of its own, for the local API only', () => {
    const local = { backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1' }, locale: 'de' };
    expect(CLIENT_PARAM).toBe(SERVER_PARAM);
    const [a, b] = [withEditorId(local), withEditorId(local)];
    expect(a.backend.proxy_url).toMatch(/^http:\/\/127\.0\.0\.1:8081\/api\/v1\?editor=[0-9a-f]{24}$/);
    expect(a.backend.proxy_url).not.toBe(b.backend.proxy_url);
    expect(local.backend.proxy_url).toBe('http://127.0.0.1:8081/api/v1');
    const gitlab = { backend: { name: 'gitlab', repo: 'wissen/wiki' } };
    expect(withEditorId(gitlab)).toBe(gitlab);
  });

  it('starts signed in with the local API only (it has no accounts); a Git server keeps its login', () => {
    const storage = () => {
      const items = new Map<string, string>();
      return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items } as unknown as Storage & { items: Map<string, string> };
    };
    const local = storage();
    signInLocally({ backend: { name: 'proxy' } }, local);
    expect(JSON.parse(local.items.get('decap-cms-user')!)).toEqual({ backendName: 'proxy' });
    const remembered = storage();
    remembered.setItem('decap-cms-user', JSON.stringify({ backendName: 'proxy', name: 'x' }));
    signInLocally({ backend: { name: 'proxy' } }, remembered);
    expect(JSON.parse(remembered.items.get('decap-cms-user')!)).toEqual({ backendName: 'proxy', name: 'x' });
    const gitlab = storage();
    signInLocally({ backend: { name: 'gitlab' } }, gitlab);
    expect(gitlab.items.size).toBe(0);
  });

  it('takes the API address from the environment only when it points at 127.0.0.1', () => {
    expect(editApiFromEnv({ [EDIT_API_ENV]: 'http://127.0.0.1:8081/api/v1' })).toBe('http://127.0.0.1:8081/api/v1');
    expect(editApiFromEnv({})).toBeUndefined();
    expect(() => editApiFromEnv({ [EDIT_API_ENV]: 'http://intranet.example/api/v1' })).toThrow(/127\.0\.0\.1/);
  });
});
