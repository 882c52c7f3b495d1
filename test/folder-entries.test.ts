import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import express from 'express';
import { registerLocalFs } from 'decap-server/dist/middlewares';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditApi, type EditApi } from '../src/editing/edit-server';
import { entriesByFolder } from '../src/editing/folder-entries';
import { freePort, tempDir } from './helpers';

/**
 * `entriesByFolder` of `npm run edit` (src/editing/folder-entries.ts) against decap-server's
 * own file middleware, on one folder with nested articles, other files, links inside and
 * outside the repository and a file that cannot be read.
 */
describe('the article list of npm run edit answers as decap-server does', () => {
  const repo = tempDir('stellenwissen-entries-');
  const outside = tempDir('stellenwissen-entries-outside-');
  let decap: import('node:http').Server;
  let decapUrl = '';
  let ours: EditApi;

  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };

  beforeAll(async () => {
    write('docs/fb1/index.md', '---\nid: fb1\n---\n');
    write('docs/fb1/stelle-1-001.md', '---\nid: stelle-1-001\n---\nÄnderung – mit Umlauten\n');
    write('docs/fb1/bild.png', 'kein Artikel');
    write('docs/fb1/notiz.amd', 'endet auf md');
    write('docs/fb1/_entwurf.md', '---\nid: entwurf\n---\n');
    write('docs/fb1/handbuch/teil.md', '---\nid: teil\n---\n');
    write('docs/fb1/handbuch/tief/ganz-unten.md', '---\nid: ganz-unten\n---\n');
    write('docs/fb2/leer/.gitkeep', '');
    writeFileSync(join(outside, 'geheim.md'), 'außerhalb');
    symlinkSync(join(outside, 'geheim.md'), join(repo, 'docs/fb1/link-nach-aussen.md'));
    symlinkSync(join(repo, 'docs/fb1/index.md'), join(repo, 'docs/fb2/link-nach-innen.md'));
    symlinkSync(join(repo, 'docs/fehlt.md'), join(repo, 'docs/fb2/kaputt.md'));

    const app = express();
    const previous = process.env.GIT_REPO_DIRECTORY;
    process.env.GIT_REPO_DIRECTORY = repo;
    await registerLocalFs(app, { logLevel: 'error' });
    if (previous === undefined) delete process.env.GIT_REPO_DIRECTORY;
    else process.env.GIT_REPO_DIRECTORY = previous;
    decap = app.listen(0, '127.0.0.1');
    await new Promise((done) => decap.once('listening', done));
    decapUrl = `http://127.0.0.1:${(decap.address() as AddressInfo).port}/api/v1`;
    ours = await startEditApi({ repoDir: repo, docsDir: 'docs', port: await freePort(), sitePort: 3000 });
  });

  afterAll(async () => {
    decap?.close();
    await ours?.close();
  });

  const list = async (url: string, params: Record<string, unknown>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'entriesByFolder', params: { branch: 'main', ...params } }) });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it.each([
    ['docs', 'md', 1],
    ['docs', 'md', 2],
    ['docs', 'md', 3],
    ['docs', 'md', 4],
    ['docs/fb1', 'md', 2],
    ['docs', 'png', 3],
    ['docs', 'md', 0],
    ['docs/gibt-es-nicht', 'md', 3],
  ])('folder %s, extension %s, depth %i', async (folder, extension, depth) => {
    const theirs = await list(decapUrl, { folder, extension, depth });
    const mine = await list(ours.url, { folder, extension, depth });
    expect(mine).toEqual(theirs);
    expect(entriesByFolder(repo, folder, extension, depth)).toEqual(theirs.body);
  });

  it('lists what is there: nested articles, but no link leading outside', async () => {
    const { body } = await list(ours.url, { folder: 'docs', extension: 'md', depth: 4 });
    const entries = body as Array<{ data: string | null; file: { path: string; id: string | null } }>;
    expect(entries.map((e) => e.file.path).sort()).toContain('docs/fb1/handbuch/tief/ganz-unten.md');
    expect(entries.find((e) => e.file.path === 'docs/fb1/link-nach-aussen.md')).toEqual({ data: null, file: { path: 'docs/fb1/link-nach-aussen.md', id: null } });
    expect(entries.find((e) => e.file.path === 'docs/fb1/stelle-1-001.md')?.data).toContain('Änderung – mit Umlauten');
  });

  it('still refuses a folder outside the wiki, and passes a malformed request on to decap-server', async () => {
    const refused = await list(ours.url, { folder: '..', extension: 'md', depth: 2 });
    expect(refused.status).toBe(403);
    const malformed = await list(ours.url, { folder: 'docs', extension: 'md', depth: 'zwei' });
    expect(malformed.status).toBe(422);
  });
});
