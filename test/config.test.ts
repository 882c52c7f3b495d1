import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, readWikiConfig } from '../src/core/config';
import { UsageError } from '../src/core/wiki';
import { generateConfigType, GENERATED_CONFIG_PATH } from '../src/core/schema/generate-types';
import { siteSettings } from '../src/site/settings';
import { MINI_WIKI, ROOT, tempDir } from './helpers';

function withConfig(text: string): string {
  const dir = tempDir('stellenwissen-config-');
  writeFileSync(join(dir, CONFIG_FILE), text);
  return dir;
}
function problems(text: string): string[] {
  const dir = withConfig(text);
  try {
    readWikiConfig(dir, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message.split('\n');
  }
  throw new Error('no error');
}

describe('stellenwissen.config.yaml', () => {
  it('is optional: without it the tool\'s name and the contract\'s audit defaults', () => {
    const config = readWikiConfig(tempDir('stellenwissen-config-'));
    expect(config).toEqual({ name: 'Stellenwissen', shortName: 'Stellenwissen', audit: { horizon: 24, lead: 6 } });
  });

  it('of the sample wiki names Auenfurt; the short name falls back to the name', () => {
    expect(readWikiConfig(ROOT)).toMatchObject({ name: 'Stadt Auenfurt', shortName: 'Auenfurt', audit: { horizon: 24, lead: 6 } });
    expect(readWikiConfig(withConfig('name: Gemeinde Beispielhausen\n')).shortName).toBe('Gemeinde Beispielhausen');
  });

  it('names each problem with file, line and a German sentence', () => {
    expect(problems('name: Stadt Auenfurt\nsite-url: https://wiki.example\n')).toEqual([
      `${CONFIG_FILE}:2:1 Unbekanntes Feld „site-url“ – meinten Sie „site_url“? Erlaubt sind hier: name, short_name, site_url, base_path, edit_url, audit.`,
    ]);
    expect(problems('name: Stadt Auenfurt\naudit:\n  horizon: 700\n')).toEqual([
      `${CONFIG_FILE}:3:1 „audit.horizon“ (Zeitraum (Monate)) liegt außerhalb des erlaubten Bereichs: „700“. Austritte in so vielen Monaten ab dem Stichtag werden geprüft, 0 bis 600. Ohne Angabe 24.`,
    ]);
    expect(problems('short_name: Auenfurt\nbase_path: /wiki\n')).toEqual([
      `${CONFIG_FILE}:1:1 Pflichtfeld "name" fehlt – Name der Verwaltung: Voller Name, wie er auf jeder Seite und in den Berichten steht, z. B. Stadt Porta Westfalica.`,
      `${CONFIG_FILE}:2:1 „base_path“ (Pfad des Wikis) hat nicht das erwartete Format: „/wiki“. Unterpfad, unter dem das Wiki auf dem Server liegt, mit / am Anfang und am Ende, z. B. /wiki/. Ohne Angabe /.`,
    ]);
    expect(problems('name: Stadt Auenfurt\naudit:\n\thorizon: 12\n')).toEqual([
      `${CONFIG_FILE}:3:1 Die Einstellungsdatei enthält Tabulatoren als Einrückung: Verwenden Sie Leerzeichen.`,
    ]);
    expect(problems('- name: Stadt Auenfurt\n')).toEqual([
      `${CONFIG_FILE}:1:1 Die Einstellungsdatei ist eine Liste, keine Zuordnung: Schreiben Sie je Zeile ein Feld „name: wert“, z. B. „name: Stadt Auenfurt“.`,
    ]);
  });

  it('is typed from its schema (generated file up to date)', async () => {
    expect(readFileSync(GENERATED_CONFIG_PATH, 'utf8')).toBe(await generateConfigType());
  });
});

describe('the site\'s settings', () => {
  const config = readWikiConfig(withConfig('name: Stadt Porta Westfalica\nshort_name: Porta Westfalica\nsite_url: https://wiki.porta.example\nbase_path: /wiki/\nedit_url: https://git.porta.example/wiki/-/edit/main/docs/\n'));

  it('come from the settings file: name in title, navbar and footer; address, path and edit links', () => {
    expect(siteSettings(config, {})).toEqual({
      title: 'Stellenwissen Porta Westfalica',
      navbarTitle: 'Stellenwissen Porta Westfalica',
      footer: 'Stadt Porta Westfalica · Stellenwissen – Wissenssicherung der Verwaltung. Nur für den Dienstgebrauch im Intranet.',
      url: 'https://wiki.porta.example',
      baseUrl: '/wiki/',
      editUrl: 'https://git.porta.example/wiki/-/edit/main/docs/',
    });
  });

  it('yield to SITE_URL, BASE_URL and EDIT_URL (pipelines); without a file the site stays „Stellenwissen“', () => {
    expect(siteSettings(config, { SITE_URL: 'http://intranet', BASE_URL: '/porta', EDIT_URL: 'https://git/x/' })).toMatchObject({ url: 'http://intranet', baseUrl: '/porta/', editUrl: 'https://git/x/' });
    expect(siteSettings(readWikiConfig(tempDir('stellenwissen-config-')), {})).toEqual({
      title: 'Stellenwissen', navbarTitle: 'Stellenwissen',
      footer: 'Stellenwissen – Wissenssicherung der Verwaltung. Nur für den Dienstgebrauch im Intranet.',
      url: 'http://localhost', baseUrl: '/', editUrl: undefined,
    });
  });
});

describe('npm run audit takes its defaults from the settings file', () => {
  const register = (dir: string) => {
    const path = join(dir, 'register.csv');
    writeFileSync(path, 'post,departure,reason\nstelle-1-002,2027-06-01,retirement\n');
    return path;
  };
  const audit = (cwd: string, args: string[]) => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/run.cjs'), 'audit', '--docs', MINI_WIKI, '--today', '2026-11-28', '--format', 'json', ...args], { cwd, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as { horizon: number; lead: number };
  };

  it('horizon and lead from audit: …, the options winning over them', () => {
    const dir = withConfig('name: Stadt Auenfurt\naudit:\n  horizon: 3\n  lead: 2\n');
    expect(audit(dir, ['--register', register(dir)])).toMatchObject({ horizon: 3, lead: 2 });
    expect(audit(dir, ['--register', register(dir), '--horizon', '12'])).toMatchObject({ horizon: 12, lead: 2 });
    const none = tempDir('stellenwissen-config-');
    expect(audit(none, ['--register', register(none)])).toMatchObject({ horizon: 24, lead: 6 });
  }, 60_000);

  it('a broken settings file stops the audit with exit 2, naming file and line', () => {
    const dir = withConfig('name: Stadt Auenfurt\naudit:\n  horizon: viele\n');
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/run.cjs'), 'audit', '--register', register(dir), '--docs', MINI_WIKI], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`audit: ${CONFIG_FILE}:3:1 „audit.horizon“ (Zeitraum (Monate)) muss eine ganze Zahl sein, gefunden: „viele“.\n`);
  }, 60_000);
});
