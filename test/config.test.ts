import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, readWikiConfig } from '../src/core/config';
import { generateConfigType, GENERATED_CONFIG_PATH } from '../src/core/schema/generate-types';
import { editingSettings } from '../src/editing/settings';
import { siteSettings } from '../src/site/settings';
import { configProblems as problems, MINI_WIKI, ROOT, tempDir, withConfig } from './helpers';

/** `editing` without the key: local only, review on (schemas/config.schema.json defaults). */
const LOCAL_EDITING = { enabled: true, backend: 'local', branch: 'main', review: true };

describe('stellenwissen.config.yaml', () => {
  it('is optional: without it the tool\'s name and the contract\'s audit defaults', () => {
    const config = readWikiConfig(tempDir('stellenwissen-config-'));
    expect(config).toEqual({ name: 'Stellenwissen', shortName: 'Stellenwissen', contract: 1, audit: { horizon: 24, lead: 6 }, primaryColor: '#1d5a8c', editing: LOCAL_EDITING });
  });

  it('of the sample wiki names Auenfurt; the short name falls back to the name', () => {
    expect(readWikiConfig(ROOT)).toMatchObject({ name: 'Stadt Auenfurt', shortName: 'Auenfurt', audit: { horizon: 24, lead: 6 } });
    expect(readWikiConfig(withConfig('name: Gemeinde Beispielhausen\n')).shortName).toBe('Gemeinde Beispielhausen');
  });

  it('names each problem with file, line and a German sentence', () => {
    expect(problems('name: Stadt Auenfurt\nsite-url: https://wiki.example\n')).toEqual([
      `${CONFIG_FILE}:2:1 Unbekanntes Feld „site-url“ – meinten Sie „site_url“? Erlaubt sind hier: name, contract, short_name, site_url, base_path, edit_url, audit, logo, logo_alt, primary_color, contact, accessibility, editing.`,
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
      logo: { alt: 'Stellenwissen' },
      primaryColor: '#1d5a8c',
      editing: LOCAL_EDITING,
    });
  });

  it('yield to SITE_URL, BASE_URL and EDIT_URL (pipelines); without a file the site stays „Stellenwissen“', () => {
    expect(siteSettings(config, { SITE_URL: 'http://intranet', BASE_URL: '/porta', EDIT_URL: 'https://git/x/' })).toMatchObject({ url: 'http://intranet', baseUrl: '/porta/', editUrl: 'https://git/x/' });
    expect(siteSettings(readWikiConfig(tempDir('stellenwissen-config-')), {})).toEqual({
      title: 'Stellenwissen', navbarTitle: 'Stellenwissen',
      footer: 'Stellenwissen – Wissenssicherung der Verwaltung. Nur für den Dienstgebrauch im Intranet.',
      url: 'http://localhost', baseUrl: '/', editUrl: undefined,
      logo: { alt: 'Stellenwissen' }, primaryColor: '#1d5a8c', editing: LOCAL_EDITING,
    });
  });
});

describe('logo, primary colour, contact and editing in stellenwissen.config.yaml', () => {
  const FULL = 'name: Stadt Porta Westfalica\nlogo: static/img/wappen.svg\nprimary_color: "#1D5A8C"\ncontact:\n  email: barrierefreiheit@porta.example\n  phone: 0571 791-0\n  name: Hauptamt\nediting:\n  enabled: false\n';
  const withLogo = (text: string) => {
    const dir = withConfig(text);
    mkdirSync(join(dir, 'static/img'), { recursive: true });
    writeFileSync(join(dir, 'static/img/wappen.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    return dir;
  };

  it('are read, with the logo as a path below the wiki root and its alternative text defaulting to the name', () => {
    const dir = withLogo(FULL);
    const config = readWikiConfig(dir, dir);
    expect(config).toMatchObject({
      logo: { path: join(dir, 'static/img/wappen.svg'), alt: 'Stadt Porta Westfalica' },
      primaryColor: '#1d5a8c',
      contact: { email: 'barrierefreiheit@porta.example', phone: '0571 791-0', name: 'Hauptamt' },
      editing: { ...LOCAL_EDITING, enabled: false },
    });
    expect(readWikiConfig(withLogo(`${FULL}logo_alt: Wappen der Stadt\n`)).logo?.alt).toBe('Wappen der Stadt');
    expect(siteSettings(config, {})).toMatchObject({
      logo: { alt: 'Stadt Porta Westfalica', file: join(dir, 'static/img/wappen.svg') },
      primaryColor: '#1d5a8c',
      contact: { email: 'barrierefreiheit@porta.example', phone: '0571 791-0', name: 'Hauptamt' },
      editing: { ...LOCAL_EDITING, enabled: false },
    });
  });

  it('refuse a logo that is missing, not SVG/PNG or outside the wiki, with file:line', () => {
    expect(problems('name: Stadt A\nlogo: static/img/fehlt.svg\n')).toEqual([
      `${CONFIG_FILE}:2:1 „logo“ (Logo): Die Datei „static/img/fehlt.svg“ gibt es nicht. Der Pfad gilt ab dem Wurzelordner des Wikis (dem Ordner dieser Datei), z. B. static/img/wappen.svg.`,
    ]);
    for (const logo of ['static/img/wappen.jpg', '../wappen.svg', '/etc/wappen.svg', 'a/../../wappen.png']) {
      expect(problems(`name: Stadt A\nlogo: ${logo}\n`), logo).toEqual([expect.stringMatching(new RegExp(`^${CONFIG_FILE}:2:1 „logo“ \\(Logo\\) hat nicht das erwartete Format: „${logo.replace(/[.*/]/g, '\\$&')}“\\. SVG- oder PNG-Datei`))]);
    }
  });

  it('refuse a primary colour that is too light on white, giving the measured ratio', () => {
    expect(problems('name: Stadt A\nprimary_color: "#25c2a0"\n')).toEqual([
      `${CONFIG_FILE}:2:1 „primary_color“ (Hauptfarbe) „#25c2a0“ ist auf Weiß zu hell: 2,2 : 1, mindestens 4,5 : 1 nötig (WCAG 2.1, BITV 2.0) – dunklere Farbe wählen.`,
    ]);
    expect(problems('name: Stadt A\nprimary_color: "#777777"\n')[0]).toContain('zu hell: 4,4 : 1');
    expect(readWikiConfig(withConfig('name: Stadt A\nprimary_color: "#767676"\n')).primaryColor).toBe('#767676');
    expect(problems('name: Stadt A\nprimary_color: blau\n')[0]).toMatch(/^stellenwissen\.config\.yaml:2:1 „primary_color“ \(Hauptfarbe\) hat nicht das erwartete Format: „blau“\./);
  });

  it('check the contact e-mail and the phone', () => {
    expect(problems('name: Stadt A\ncontact:\n  email: barrierefreiheit.porta.example\n')[0]).toMatch(/^stellenwissen\.config\.yaml:3:1 „contact\.email“ \(E-Mail-Adresse\) hat nicht das erwartete Format/);
    expect(problems('name: Stadt A\ncontact:\n  phone: "0571"\n')[0]).toBe(`${CONFIG_FILE}:2:1 Pflichtfeld "contact.email" fehlt – E-Mail-Adresse: Adresse, an die Rückmeldungen zur Barrierefreiheit gehen, z. B. barrierefreiheit@porta-westfalica.example.`);
    expect(problems('name: Stadt A\ncontact:\n  email: a@b.example\n  phone: ruf an\n')[0]).toMatch(/^stellenwissen\.config\.yaml:4:1 „contact\.phone“ \(Telefon\) hat nicht das erwartete Format/);
  });

  it('contract must be a whole number from 1', () => {
    expect(readWikiConfig(withConfig('name: Stadt A\ncontract: 1\n')).contract).toBe(1);
    expect(problems('name: Stadt A\ncontract: 0\n')[0]).toMatch(/^stellenwissen\.config\.yaml:2:1 „contract“ \(Vertragsversion\) /);
    expect(problems('name: Stadt A\ncontract: eins\n')[0]).toMatch(/^stellenwissen\.config\.yaml:2:1 „contract“ \(Vertragsversion\) muss eine ganze Zahl sein/);
  });
});

describe('editing: browser editing in stellenwissen.config.yaml', () => {
  const SERVER = '  base_url: https://git.rathaus.example\n  app_id: 3f2a9c\n  repo: wissen/wiki\n';
  const editing = (text: string) => readWikiConfig(withConfig(`name: Stadt A\nediting:\n${text}`)).editing;

  it('reads every key; a server backend gets its API address derived from base_url (or api_root as written)', () => {
    expect(editing(`  backend: gitlab\n${SERVER}  branch: wiki\n  review: false\n  enabled: false\n`)).toEqual({
      enabled: false, backend: 'gitlab', baseUrl: 'https://git.rathaus.example', appId: '3f2a9c', repo: 'wissen/wiki', branch: 'wiki', review: false,
    });
    const resolved = (text: string) => editingSettings(readWikiConfig(withConfig(`name: Stadt A\nediting:\n${text}`)));
    expect(resolved(`  backend: gitlab\n${SERVER}`)).toEqual({
      enabled: true, backend: 'gitlab', baseUrl: 'https://git.rathaus.example', apiRoot: 'https://git.rathaus.example/api/v4', appId: '3f2a9c', repo: 'wissen/wiki', branch: 'main', review: true,
    });
    expect(resolved(`  backend: forgejo\n${SERVER}`)).toMatchObject({ backend: 'forgejo', apiRoot: 'https://git.rathaus.example/api/v1', review: true });
    expect(resolved(`  backend: gitea\n${SERVER}  review: false\n`)).toMatchObject({ backend: 'gitea', apiRoot: 'https://git.rathaus.example/api/v1', review: false });
    // A server below a path, written with a final slash; an API elsewhere.
    expect(resolved(`  backend: gitlab\n  base_url: http://intranet.example/gitlab/\n  app_id: "4711"\n  repo: a/b/c\n`)).toMatchObject({ baseUrl: 'http://intranet.example/gitlab', apiRoot: 'http://intranet.example/gitlab/api/v4', appId: '4711', repo: 'a/b/c' });
    expect(resolved(`  backend: gitlab\n${SERVER}  api_root: https://api.rathaus.example/v4/\n`)).toMatchObject({ apiRoot: 'https://api.rathaus.example/v4' });
  });

  it('without the key or with backend local: no server needed, review on, enabled', () => {
    expect(readWikiConfig(withConfig('name: Stadt A\n')).editing).toEqual(LOCAL_EDITING);
    expect(editing('  backend: local\n')).toEqual(LOCAL_EDITING);
    expect(editingSettings({ editing: LOCAL_EDITING as never })).toEqual(LOCAL_EDITING);
    // The sample wiki edits through its (fictional) GitLab.
    expect(readWikiConfig(ROOT).editing).toMatchObject({ enabled: true, backend: 'gitlab', baseUrl: 'https://git.auenfurt.example', repo: 'hauptamt/wissen', review: true });
  });

  it('gitlab, gitea and forgejo need base_url, app_id and repo – each missing key with file:line', () => {
    for (const backend of ['gitlab', 'gitea', 'forgejo']) {
      expect(problems(`name: Stadt A\nediting:\n  backend: ${backend}\n  review: false\n`), backend).toEqual([
        `${CONFIG_FILE}:2:1 Pflichtfeld "editing.base_url" fehlt – Adresse des Git-Servers: Adresse Ihres GitLab-, Gitea- oder Forgejo-Servers mit https:// (oder http://), wie sie im Browser steht, ohne Projekt, z. B. https://git.rathaus.example. Pflicht bei gitlab, gitea und forgejo; dort meldet man sich an.`,
        expect.stringMatching(/^stellenwissen\.config\.yaml:2:1 Pflichtfeld "editing\.app_id" fehlt – Anwendungs-ID \(OAuth\): /),
        expect.stringMatching(/^stellenwissen\.config\.yaml:2:1 Pflichtfeld "editing\.repo" fehlt – Projekt auf dem Git-Server: /),
      ]);
    }
    expect(problems(`name: Stadt A\nediting:\n  backend: gitlab\n  base_url: https://git.rathaus.example\n  repo: wissen/wiki\n`)).toEqual([
      expect.stringMatching(/^stellenwissen\.config\.yaml:2:1 Pflichtfeld "editing\.app_id" fehlt/),
    ]);
  });

  it('refuse an unknown backend, a server address that is no http(s) URL and malformed keys, naming the line', () => {
    expect(problems('name: Stadt A\nediting:\n  backend: gitlap\n')).toEqual([
      `${CONFIG_FILE}:3:1 „editing.backend“ (Speicherort der Änderungen) hat den ungültigen Wert „gitlap“ – erlaubt sind: gitlab, gitea, forgejo, local. Meinten Sie „gitlab“?`,
    ]);
    // The placeholder's old values are gone: Decap's github and git-gateway need services outside the town hall.
    for (const backend of ['github', 'git-gateway']) expect(problems(`name: Stadt A\nediting:\n  backend: ${backend}\n`)[0], backend).toMatch(/^stellenwissen\.config\.yaml:3:1 „editing\.backend“ \(Speicherort der Änderungen\) hat den ungültigen Wert/);
    for (const url of ['git.rathaus.example', 'ftp://git.rathaus.example', 'https://', 'https://git rathaus.example', 'https://git.rathaus.example?x=1']) {
      const text = `name: Stadt A\nediting:\n  backend: gitlab\n  base_url: ${url}\n  app_id: x\n  repo: a/b\n`;
      expect(problems(text), url).toEqual([expect.stringMatching(/^stellenwissen\.config\.yaml:4:1 „editing\.base_url“ \(Adresse des Git-Servers\) hat nicht das erwartete Format: .*mit https:\/\/ \(oder http:\/\/\)/)]);
      expect(problems(text.replace('base_url', 'api_root').replace('backend: gitlab\n', 'backend: gitlab\n  base_url: https://git.example\n'))[0], url).toMatch(/^stellenwissen\.config\.yaml:5:1 „editing\.api_root“ \(Adresse der Programmierschnittstelle \(API\)\) hat nicht das erwartete Format/);
    }
    expect(problems(`name: Stadt A\nediting:\n  backend: gitlab\n  base_url: https://git.example\n  app_id: 4711\n  repo: wiki\n  branch: mein zweig\n  enabled: ja\n  review: nein\n`)).toEqual([
      `${CONFIG_FILE}:8:1 „editing.enabled“ (Bearbeiten eingeschaltet) muss true oder false sein, gefunden: „ja“.`,
      `${CONFIG_FILE}:5:1 „editing.app_id“ (Anwendungs-ID (OAuth)) muss ein Text sein, gefunden: „4711“.`,
      expect.stringMatching(/^stellenwissen\.config\.yaml:6:1 „editing\.repo“ \(Projekt auf dem Git-Server\) hat nicht das erwartete Format: „wiki“\. Pfad des Wiki-Projekts/),
      expect.stringMatching(/^stellenwissen\.config\.yaml:7:1 „editing\.branch“ \(Zweig\) hat nicht das erwartete Format: „mein zweig“\./),
      `${CONFIG_FILE}:9:1 „editing.review“ (Prüfung vor dem Veröffentlichen) muss true oder false sein, gefunden: „nein“.`,
    ]);
    expect(problems('name: Stadt A\nediting:\n  base-url: https://git.example\n')).toEqual([
      `${CONFIG_FILE}:3:1 Unbekanntes Feld „editing.base-url“ – meinten Sie „base_url“? Erlaubt sind hier: enabled, backend, base_url, api_root, app_id, repo, branch, review.`,
    ]);
    expect(problems('name: Stadt A\nediting: gitlab\n')[0]).toMatch(/^stellenwissen\.config\.yaml:2:1 „editing“ \(Bearbeiten im Browser\) muss ein Abschnitt mit eingerückten Unterfeldern sein/);
  });

  it('gitea only without review: Decap has no editorial workflow for it, so the two-person rule must be given up in writing', () => {
    expect(problems(`name: Stadt A\nediting:\n  backend: gitea\n${SERVER}`)).toEqual([
      `${CONFIG_FILE}:3:1 „editing.review“ (Prüfung vor dem Veröffentlichen): Mit backend gitea kann das Bearbeiten im Browser keine Pull Requests anlegen – Decap CMS hat für Gitea keinen Ablauf mit Prüfung. Schreiben Sie „review: false“ (Änderungen gehen dann direkt in den Zweig) oder, wenn Ihr Server Forgejo ist, „backend: forgejo“.`,
    ]);
    expect(problems(`name: Stadt A\nediting:\n  backend: gitea\n${SERVER}  review: true\n`)).toEqual([expect.stringMatching(/^stellenwissen\.config\.yaml:7:1 „editing\.review“/)]);
    expect(editing(`  backend: gitea\n${SERVER}  review: false\n`)).toMatchObject({ backend: 'gitea', review: false });
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
