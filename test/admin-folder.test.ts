import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminFiles, adminStaticDir, removeAdminFolder, writeAdminFolder, type AdminContent } from '../src/editing/admin-folder';
import { createDocusaurusConfig } from '../src/site/docusaurus-config';
import { EDIT_API_ENV } from '../src/editing/local-backend';
import { CACHE_DIR } from '../src/runtime/layout.cjs';
import { readWikiConfig } from '../src/core/config';
import { loadWiki } from '../src/core/load/load-wiki';
import { writeSiteAdmin } from '../src/editing/admin-site';
import { MINI_WIKI, ROOT, tempDir, withConfig } from './helpers';

const cms = (marker: string): AdminContent => ({
  mode: 'cms',
  title: 'Stellenwissen Auenfurt',
  config: { backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1' }, load_config_file: false, marker },
  previewData: { articles: [{ path: 'fb1/a.md' }], marker },
  bundle: { js: `console.log(${JSON.stringify(marker)});`, css: 'body{margin:0}' },
});

/** Every file below `dir` (relative), to see what a write left behind. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile()).sort();
}

describe('the admin folder', () => {
  it('holds the editor page, the bundle, the configuration and the preview data', () => {
    const staticDir = join(tempDir(), 'admin-static');
    const { dir, changed } = writeAdminFolder(staticDir, cms('eins'));
    expect(changed).toBe(true);
    expect(dir).toBe(join(staticDir, 'admin'));
    expect(tree(staticDir)).toEqual(['admin/cms.css', 'admin/cms.js', 'admin/config.json', 'admin/index.html', 'admin/preview-data.json']);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).marker).toBe('eins');
    expect(JSON.parse(readFileSync(join(dir, 'preview-data.json'), 'utf8')).marker).toBe('eins');
    expect(readFileSync(join(dir, 'cms.js'), 'utf8')).toBe('console.log("eins");');
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(html).toContain('<title>Bearbeiten – Stellenwissen Auenfurt</title>');
    expect(html).toContain('<noscript><p>Der Editor braucht JavaScript.');
    // One script, no inline script (the CSP of deploy/ needs no hash); cms.css is the preview
    // frame's (the bundle loads it there), never Decap's page.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.map((m) => /src="([^"?]+)/.exec(m[1]!)?.[1])).toEqual(['cms.js']);
    expect(html).not.toContain('cms.css');
    expect(scripts.every((m) => m[2] === '' && m[1]!.includes('defer'))).toBe(true);
    // Relative addresses only: the page works under any base URL (/, /wiki/).
    expect(html).not.toMatch(/(?:src|href)="\//);
  });

  it('replaces the folder as a whole and leaves no temporary folder, inside or beside it', () => {
    const parent = tempDir();
    const staticDir = join(parent, 'admin-static');
    writeAdminFolder(staticDir, cms('eins'));
    writeFileSync(join(staticDir, 'admin', 'alt.txt'), 'von früher');
    const second = writeAdminFolder(staticDir, cms('zwei'));
    expect(second.changed).toBe(true);
    expect(existsSync(join(staticDir, 'admin', 'alt.txt'))).toBe(false);
    expect(readFileSync(join(staticDir, 'admin', 'cms.js'), 'utf8')).toBe('console.log("zwei");');
    expect(readdirSync(parent)).toEqual(['admin-static']);
    expect(readdirSync(staticDir)).toEqual(['admin']);
    // The script's address changes with its content, so no browser keeps the old editor.
    const html = (marker: string) => adminFiles(cms(marker)).get('index.html') as string;
    expect(/cms\.js\?v=(\w+)/.exec(html('eins'))![1]).not.toBe(/cms\.js\?v=(\w+)/.exec(html('zwei'))![1]);
  });

  it('keeps the old folder when writing the new one fails', () => {
    const parent = tempDir();
    const staticDir = join(parent, 'admin-static');
    writeAdminFolder(staticDir, cms('eins'));
    const broken = { ...cms('zwei'), bundle: { js: 'x', css: undefined as unknown as string } };
    expect(() => writeAdminFolder(staticDir, broken)).toThrow();
    expect(readFileSync(join(staticDir, 'admin', 'cms.js'), 'utf8')).toBe('console.log("eins");');
    expect(readdirSync(parent)).toEqual(['admin-static']);
  });

  it('does not touch an unchanged folder (the dev server would reload for nothing)', () => {
    const staticDir = join(tempDir(), 'admin-static');
    writeAdminFolder(staticDir, cms('eins'));
    const before = statSync(join(staticDir, 'admin')).ino;
    expect(writeAdminFolder(staticDir, cms('eins')).changed).toBe(false);
    expect(statSync(join(staticDir, 'admin')).ino).toBe(before);
  });

  it('for backend local: a German page on how to edit, loading no editor', () => {
    const staticDir = join(tempDir(), 'admin-static');
    writeAdminFolder(staticDir, cms('eins'));
    const { dir } = writeAdminFolder(staticDir, { mode: 'explain', title: 'Stellenwissen Auenfurt' });
    expect(tree(dir)).toEqual(['hinweis.css', 'index.html']);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Artikel im Browser bearbeiten</h1>');
    expect(html).toContain('<code>npm run edit</code>');
    expect(html).toContain('http://127.0.0.1:3000/admin/');
    expect(html).toMatch(/GitLab-Server.*README.*„Bearbeiten im Browser“/s);
    expect(html).toContain('<main>');
    expect(html).not.toContain('<script');
  });

  it('removes admin/ when editing is switched off, and names one folder per site, wiki folder and backend', () => {
    const staticDir = join(tempDir(), 'admin-static');
    writeAdminFolder(staticDir, { mode: 'explain', title: 'T' });
    removeAdminFolder(staticDir);
    expect(readdirSync(staticDir)).toEqual([]);
    const cache = '/cache';
    const build = adminStaticDir(cache, '/wiki', 'docs', undefined);
    expect(dirname(build)).toBe('/cache/admin-static');
    expect(adminStaticDir(cache, '/wiki/', 'docs', undefined)).toBe(build);
    expect(new Set([build, adminStaticDir(cache, '/wiki', 'test/fixtures/mini-wiki', undefined), adminStaticDir(cache, '/andere', 'docs', undefined), adminStaticDir(cache, '/wiki', 'docs', 'http://127.0.0.1:8081/api/v1')]).size).toBe(4);
  });
});

describe('/admin/ in the site configuration', () => {
  it('has its own static folder, which exists before Docusaurus starts', () => {
    const site = withConfig('name: Stadt Auenfurt\n');
    const config = createDocusaurusConfig(site);
    const adminDir = adminStaticDir(CACHE_DIR, site, 'docs', undefined);
    expect(config.staticDirectories).toContain(adminDir);
    expect(existsSync(adminDir)).toBe(true);
    rmSync(adminDir, { recursive: true }); // the folder of a temporary site, in this repository's cache
  });

  it('has none with editing.enabled: false, but npm run edit gets one of its own all the same', () => {
    const site = withConfig('name: Stadt Auenfurt\nediting:\n  enabled: false\n');
    expect((createDocusaurusConfig(site).staticDirectories ?? []).some((dir) => String(dir).includes('admin-static'))).toBe(false);
    process.env[EDIT_API_ENV] = 'http://127.0.0.1:8081/api/v1';
    try {
      const adminDir = adminStaticDir(CACHE_DIR, site, 'docs', 'http://127.0.0.1:8081/api/v1');
      expect(createDocusaurusConfig(site).staticDirectories).toContain(adminDir);
      rmSync(adminDir, { recursive: true });
    } finally {
      delete process.env[EDIT_API_ENV];
    }
  });

  it('gives a site whose wiki folder lies outside it (DOCS_DIR elsewhere) no /admin/ instead of failing the build', async () => {
    const staticDir = join(tempDir(), 'admin-static');
    writeAdminFolder(staticDir, cms('alt'));
    const mode = await writeSiteAdmin({ staticDir, siteDir: tempDir(), wiki: loadWiki(MINI_WIKI), wikiConfig: readWikiConfig(ROOT), title: 'T', baseUrl: '/' });
    expect(mode).toBe('outside');
    expect(existsSync(join(staticDir, 'admin'))).toBe(false);
  });
});
