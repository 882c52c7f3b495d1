import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readWikiConfig } from '../src/core/config';
import { loadWiki } from '../src/core/load/load-wiki';
import { CONTRACT_VERSION } from '../src/migrate/registry';
import { planInit, wikiPackageName } from '../src/package/init';
import { validateWiki } from '../src/validate/validate';
import { ROOT, tempDir } from './helpers';

const BIN = join(ROOT, 'bin/stellenwissen.cjs');
const init = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, 'init', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
const TODAY = { year: 2026, month: 12, day: 1 };

/** All files below `dir`, relative, sorted (dot files included). */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]).sort();
}

describe('stellenwissen init', () => {
  it('creates a wiki of the municipality only: settings, one department, its head, the writing guide', () => {
    const parent = tempDir();
    const result = init(['porta', '--name', 'Stadt Porta Westfalica', '--today', '2026-12-01'], parent);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Wiki „Stadt Porta Westfalica“ angelegt in porta/');
    const wiki = join(parent, 'porta');
    expect(filesBelow(wiki)).toEqual([
      '.gitignore', 'README.md',
      'docs/fb10-zentrale-dienste/index.md', 'docs/fb10-zentrale-dienste/redaktionsleitfaden.md', 'docs/fb10-zentrale-dienste/stelle-10-001.md',
      'docusaurus.config.ts', 'examples/gitlab-ci.yml', 'package.json', 'stellenwissen.config.yaml',
    ]);
    const pkg = JSON.parse(readFileSync(join(wiki, 'package.json'), 'utf8'));
    const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('wiki-stadt-porta-westfalica');
    expect(pkg.dependencies).toEqual({ stellenwissen: `^${ours.version}` });
    expect(pkg.scripts.build).toBe('stellenwissen build');
    expect(pkg.scripts.validate).toBe('stellenwissen validate');
    expect(pkg.scripts.edit).toBe('stellenwissen edit');
    expect(readFileSync(join(wiki, 'docusaurus.config.ts'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(wiki, '.gitignore'), 'utf8')).toMatch(/^hr\/$/m);
    expect(readWikiConfig(wiki).name).toBe('Stadt Porta Westfalica');
    expect(readWikiConfig(wiki).contract).toBe(CONTRACT_VERSION);
    expect(readFileSync(join(wiki, 'README.md'), 'utf8')).toContain('npm install && npm run build');
    // The writing guide is the sample wiki's, with the day of init as its review date.
    const guide = readFileSync(join(wiki, 'docs/fb10-zentrale-dienste/redaktionsleitfaden.md'), 'utf8');
    expect(guide).toBe(readFileSync(join(ROOT, 'docs/fb10-zentrale-dienste/redaktionsleitfaden.md'), 'utf8').replace(/^reviewed: .*$/m, 'reviewed: 2026-12-01'));
  });

  it('the new wiki validates without errors and holds nothing of the sample town', () => {
    const parent = tempDir();
    expect(init(['w', '--name', 'Gemeinde Beispielstadt'], parent).status).toBe(0);
    const wiki = loadWiki(join(parent, 'w/docs'), parent);
    const result = validateWiki(wiki, TODAY);
    expect(result.findings).toEqual([]);
    expect(wiki.articles.map((a) => a.type).sort()).toEqual(['department', 'guide', 'post']);
    for (const file of filesBelow(join(parent, 'w'))) expect(readFileSync(join(parent, 'w', file), 'utf8')).not.toMatch(/Auenfurt/i);
  });

  it('refuses a folder that is not empty: exit 2, one German line, nothing written', () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'taken'));
    writeFileSync(join(parent, 'taken/notiz.txt'), 'bleibt');
    const result = init(['taken', '--name', 'Stadt X'], parent);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('init: taken: Der Ordner ist nicht leer. „init“ legt ein Wiki nur in einem neuen oder leeren Ordner an und überschreibt nichts.');
    expect(filesBelow(join(parent, 'taken'))).toEqual(['notiz.txt']);
    expect(readdirSync(parent)).toEqual(['taken']);
  });

  it('fills an empty folder; without --name it exits 2 and writes nothing', () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'leer'));
    const missing = init(['leer'], parent);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Pflichtoption „--name“ fehlt');
    expect(readdirSync(join(parent, 'leer'))).toEqual([]);
    expect(init(['leer', '--name', 'Kreis Y'], parent).status).toBe(0);
    expect(existsSync(join(parent, 'leer/docs/fb10-zentrale-dienste/index.md'))).toBe(true);
  });

  it('writes names YAML would misread as they are (colons, quotes, a short name)', () => {
    const files = planInit({ name: 'Stadt "Neu": Süd', shortName: 'Neu-Süd' }, TODAY);
    expect(parse(files.get('stellenwissen.config.yaml')!)).toEqual({ name: 'Stadt "Neu": Süd', short_name: 'Neu-Süd', contract: CONTRACT_VERSION, accessibility: expect.any(Object) });
    expect(wikiPackageName('Stadt "Neu": Süd')).toBe('wiki-stadt-neu-sued');
    expect(wikiPackageName('Ämter & Ösen')).toBe('wiki-aemter-oesen');
  });
});
