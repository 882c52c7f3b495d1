import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stellenbeschreibungDocx } from '../docx-fixtures';
import { freePort, ROOT, tempDir } from '../helpers';
import { publish } from './editor-harness';
import { launchBrowser, openPage, serve } from './harness';

/**
 * The package as a municipality gets it: `npm pack` of this repository, `init` from the
 * packed binary, `npm install <tarball>` in the new wiki (from npm's cache, which the
 * repository's own install filled), then the npm scripts there – all outside the repository.
 */

const work = tempDir('stellenwissen-package-');
const WIKI = join(work, 'porta');
let tarball = '';
let tarballFiles: string[] = [];

/** A clean environment: nothing of this repository's npm run or site settings leaks in. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || ['DOCS_DIR', 'BASE_URL', 'SITE_URL', 'EDIT_URL', 'FORCE_COLOR', 'NODE_ENV', 'INIT_CWD'].includes(key)) continue;
    env[key] = value;
  }
  return env;
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
}

/** `npm run <script> -- args` in the new wiki. */
const npmRun = (script: string, ...args: string[]) => run('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], WIKI);

function filesBelow(dir: string, skip: (name: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(path, skip) : [path];
  });
}

beforeAll(() => {
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stdout}\n${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(work, info!.filename);
  tarballFiles = info!.files.map((file) => file.path);
  // The packed binary, unpacked as npx would run it: init needs nothing installed.
  mkdirSync(join(work, 'tool'));
  const unpacked = run('tar', ['xzf', tarball, '-C', join(work, 'tool')], work);
  if (unpacked.status !== 0) throw new Error(unpacked.stderr);
  const started = performance.now();
  const created = run(process.execPath, [join(work, 'tool/package/bin/stellenwissen.cjs'), 'init', 'porta', '--name', 'Stadt Porta Westfalica'], work);
  if (created.status !== 0) throw new Error(`init failed:\n${created.stdout}\n${created.stderr}`);
  const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], WIKI);
  if (installed.status !== 0) throw new Error(`npm install failed:\n${installed.stdout}\n${installed.stderr}`);
  timings.push(`init + npm install ${((performance.now() - started) / 1000).toFixed(1)} s`);
}, 900_000);

/** Numbers for the note (measured, never asserted): printed when the file ends. */
const timings: string[] = [];
afterAll(() => {
  const modules = run('du', ['-sk', join(WIKI, 'node_modules')], WIKI).stdout.split('\t')[0];
  console.log(`[package] tarball ${(statSync(tarball).size / 1e6).toFixed(1)} MB (${tarballFiles.length} files), wiki node_modules ${(Number(modules) / 1024).toFixed(0)} MB, ${timings.join(', ')}`);
});

/** The wiki's own required key on posts (erweiterungen/), as a municipality would add it. */
function writeKostenstelle(): void {
  mkdirSync(join(WIKI, 'erweiterungen'), { recursive: true });
  writeFileSync(join(WIKI, 'erweiterungen/post.schema.json'), JSON.stringify({
    title: 'Stelle – Felder der Stadt Porta Westfalica',
    properties: { kostenstelle: { title: 'Kostenstelle', type: 'string', pattern: '^[0-9]{4,10}$' } },
    required: ['kostenstelle'],
  }, null, 2));
}

describe('the packed tarball', () => {
  it('holds what a wiki needs and none of the sources, tests or the sample wiki', () => {
    for (const needed of ['bin/stellenwissen.cjs', 'dist/scripts-validate.cjs', 'dist/src-site-wiki-config.cjs', 'lib/theme/SearchBar/index.js', 'schemas/post.schema.json', 'templates/post.md', 'static/img/logo.svg', 'i18n/de/code.json', 'init/README.md', 'dist/cms/cms.js', 'dist/cms/cms.css']) {
      expect(tarballFiles).toContain(needed);
    }
    expect(tarballFiles.filter((path) => /\.tsx?$/.test(path))).toEqual([]);
    expect(tarballFiles.filter((path) => /^(test|scripts|bench|node_modules|\.cache)\//.test(path))).toEqual([]);
    // Of the sample wiki only the writing guide, which init copies.
    expect(tarballFiles.filter((path) => path.startsWith('docs/'))).toEqual(['docs/fb10-zentrale-dienste/redaktionsleitfaden.md']);
  });
});

describe('a wiki made by init, with the package installed from the tarball', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('depends on the tarball only and validates without findings', () => {
    const pkg = JSON.parse(readFileSync(join(WIKI, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['stellenwissen']);
    const result = npmRun('validate');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3 Artikel geprüft: keine Fehler');
  });

  it('builds a site of its own: its name, the cards, dashboards, search – nothing of Auenfurt', async () => {
    const started = performance.now();
    const result = npmRun('build');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    timings.push(`first build ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const build = join(WIKI, 'build');
    const home = readFileSync(join(build, 'index.html'), 'utf8');
    expect(home).toContain('<title data-rh=true>Startseite | Stellenwissen Stadt Porta Westfalica</title>');
    // Without a Git server in the settings, /admin/ explains `npm run edit` and loads no editor.
    expect(readFileSync(join(build, 'admin/index.html'), 'utf8')).toContain('npm run edit');
    expect(existsSync(join(build, 'admin/cms.js'))).toBe(false);
    for (const page of ['wissenssicherung/index.html', 'digitalisierung/index.html', 'suchindex/manifest.json', 'img/logo.svg']) {
      expect(existsSync(join(build, page)), page).toBe(true);
    }
    const leaks = filesBelow(WIKI, (name) => name === 'node_modules' || name === '.docusaurus')
      .filter((file) => /\.(html|js|json|md|ya?ml|ts|txt|css)$/.test(file) && /Auenfurt/i.test(readFileSync(file, 'utf8')));
    expect(leaks.map((file) => relative(WIKI, file))).toEqual([]);

    // In the browser: the theme and components from lib/ run (card, search box), no errors.
    const site = await serve(build);
    try {
      const opened = await openPage(browser, `${site.url}fb10-zentrale-dienste/stelle-10-001`);
      await opened.page.getByRole('heading', { level: 1, name: 'Fachbereichsleitung Zentrale Dienste' }).waitFor();
      expect(await opened.page.getByText('Kritikalität').count()).toBeGreaterThan(0);
      // Typed again until React has hydrated the box (as in search.e2e.test.ts).
      await expect.poll(async () => {
        await opened.page.getByLabel('Wiki durchsuchen').fill('Organisationsverantwortung');
        return opened.page.getByRole('option', { name: /Fachbereichsleitung Zentrale Dienste/ }).count();
      }, { timeout: 15_000 }).toBeGreaterThan(0);
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.foreignRequests).toEqual([]);
      await opened.page.close();
    } finally {
      await site.close();
    }
  });

  it('runs audit, new and import there (same programs as in this repository)', async () => {
    mkdirSync(join(WIKI, 'hr'));
    writeFileSync(join(WIKI, 'hr/register.csv'), 'Stelle;Stelleninhaber;Austrittsdatum;Grund\nstelle-10-001;Muster, Erika;31.03.2027;Ruhestand\n');
    const audit = npmRun('audit', '--register', 'hr/register.csv', '--today', '2026-12-01', '--format', 'json');
    expect(audit.status, audit.stderr).toBe(1);
    const rows = JSON.parse(audit.stdout).flagged as Array<{ post: string }>;
    expect(rows.map((row) => row.post)).toEqual(['stelle-10-001']);

    const created = npmRun('new', 'process', '--id', 'urlaub-bearbeiten', '--department', 'fb10-zentrale-dienste', '--owner', 'stelle-10-001', '--title', 'Urlaub bearbeiten');
    expect(created.status, created.stderr).toBe(0);
    expect(readFileSync(join(WIKI, 'docs/fb10-zentrale-dienste/urlaub-bearbeiten.md'), 'utf8')).toMatch(/^type: process$/m);

    writeFileSync(join(work, 'Stellenbeschreibung.docx'), await stellenbeschreibungDocx());
    const imported = npmRun('import', join(work, 'Stellenbeschreibung.docx'), '--type', 'post', '--department', 'fb10-zentrale-dienste', '--id', 'stelle-10-002');
    expect(imported.status, imported.stderr).toBe(0);
    expect(readFileSync(join(WIKI, 'docs/fb10-zentrale-dienste/stelle-10-002.md'), 'utf8')).toMatch(/^## Aufgaben$/m);
    // Both are placeholders to fill in: validate says so, by file and line.
    const validate = npmRun('validate');
    expect(validate.status).toBe(1);
    expect(validate.stdout).toMatch(/^docs\/fb10-zentrale-dienste\/urlaub-bearbeiten\.md:\d+:\d+ error .*\[placeholder\]$/m);
  });

  it('honours a local extension: its own key on posts, in validate and in the editor forms', () => {
    writeKostenstelle();
    const missing = npmRun('validate', '--format', 'json');
    expect(missing.status).toBe(1);
    const findings = JSON.parse(missing.stdout) as Array<{ file: string; rule: string; message: string }>;
    expect(findings.filter((f) => f.file === 'docs/fb10-zentrale-dienste/stelle-10-001.md').map((f) => [f.rule, f.message]))
      .toEqual([['schema', expect.stringContaining('kostenstelle')]]);
    // Our keys cannot be retyped: a clear error, exit 2.
    writeFileSync(join(WIKI, 'erweiterungen/process.schema.json'), JSON.stringify({ properties: { frequency: { type: 'integer' } } }, null, 2));
    const retyped = npmRun('validate');
    expect(retyped.status).toBe(2);
    expect(retyped.stderr).toMatch(/^validate: erweiterungen\/process\.schema\.json:\d+:\d+ Der Schlüssel „frequency“ gehört zu Stellenwissen/m);
    rmSync(join(WIKI, 'erweiterungen/process.schema.json'));
    expect(npmRun('gen:editor').status).toBe(0);
    const editor = JSON.parse(readFileSync(join(WIKI, 'frontmatter.json'), 'utf8')) as { 'frontMatter.taxonomy.contentTypes': Array<{ name: string; template: string; fields: Array<{ name: string }> }> };
    const post = editor['frontMatter.taxonomy.contentTypes'].find((type) => type.name === 'post')!;
    expect(post.fields.map((field) => field.name)).toContain('kostenstelle');
    expect(post.template).toBe('[[workspace]]/node_modules/stellenwissen/templates/post.md');
    expect(existsSync(join(WIKI, 'node_modules/stellenwissen/templates/post.md'))).toBe(true);
  });

  it('records its contract; migrate runs and knows it is current; a newer contract asks for the package update', () => {
    expect(readFileSync(join(WIKI, 'stellenwissen.config.yaml'), 'utf8')).toMatch(/^contract: 1$/m);
    const current = npmRun('migrate');
    expect(current.status, current.stderr).toBe(0);
    expect(current.stdout).toContain('Das Wiki ist schon für Vertrag 1 geschrieben');
    const config = readFileSync(join(WIKI, 'stellenwissen.config.yaml'), 'utf8');
    writeFileSync(join(WIKI, 'stellenwissen.config.yaml'), config.replace(/^contract: 1$/m, 'contract: 2'));
    const newer = npmRun('validate');
    expect(newer.status).toBe(2);
    expect(newer.stderr).toContain('Dieses Wiki ist für Vertrag 2 geschrieben; installiert ist Stellenwissen für Vertrag 1. Aktualisieren Sie das Paket stellenwissen (package.json).');
    writeFileSync(join(WIKI, 'stellenwissen.config.yaml'), config);
  });

  it('edits in the browser with npm run edit: only on 127.0.0.1, the form (with the wiki\'s own field) saves into docs/, Ctrl-C stops it', async () => {
    // With the wiki's own required key (also when this test runs alone): the form asks for it.
    writeKostenstelle();
    const [port, apiPort] = [await freePort(), await freePort()];
    const started = performance.now();
    const child = spawn('npm', ['run', '--silent', 'edit', '--', '--port', String(port), '--api-port', String(apiPort)], { cwd: WIKI, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ?? String(code))));
    try {
      const admin = `http://127.0.0.1:${port}/admin/`;
      await expect.poll(async () => (await fetch(admin).then((r) => r.text(), () => '')).includes('cms.js'), { timeout: 240_000, interval: 1000 }).toBe(true);
      timings.push(`npm run edit until /admin/ answers ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(output).toContain(`Bearbeiten im Browser: ${admin} öffnen`);
      const opened = await openPage(browser, `${admin}#/collections/post/entries/fb10-zentrale-dienste/stelle-10-001`);
      const { page } = opened;
      const title = page.getByLabel('Titel', { exact: true });
      await expect.poll(() => title.inputValue(), { timeout: 30_000 }).toBe('Fachbereichsleitung Zentrale Dienste');
      // The entry is loaded once its preview has computed the findings.
      await page.frameLocator('#preview-pane').locator('[data-findings-updated]').waitFor({ timeout: 30_000 });
      const path = join(WIKI, 'docs/fb10-zentrale-dienste/stelle-10-001.md');
      const before = readFileSync(path, 'utf8');
      await title.fill('Fachbereichsleitung Zentrale Dienste und Personal');
      await page.getByLabel('Kostenstelle', { exact: true }).fill('4711');
      await publish(page);
      const [was, now] = [before.split('\n'), readFileSync(path, 'utf8').split('\n')];
      expect(was.filter((line) => !now.includes(line))).toEqual(['title: Fachbereichsleitung Zentrale Dienste']);
      expect(now.filter((line) => !was.includes(line))).toEqual(['title: Fachbereichsleitung Zentrale Dienste und Personal', 'kostenstelle: "4711"']);
      expect(opened.foreignRequests).toEqual([]);
      await page.close();
    } finally {
      // Ctrl-C in the terminal reaches the whole process group.
      process.kill(-child.pid!, 'SIGINT');
    }
    // npm itself ends by the signal; the session inside stops both servers on its own.
    expect(['0', 'SIGINT'], output).toContain(await exited);
    for (const stopped of [port, apiPort]) {
      await expect.poll(() => fetch(`http://127.0.0.1:${stopped}/`).then(() => 'läuft', () => 'beendet'), { timeout: 30_000 }).toBe('beendet');
    }
    expect(output).toContain('Wird beendet');
  }, 420_000);
});
