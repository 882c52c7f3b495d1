import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatImportReport, planImport, writeImport, type ImportOptions } from '../src/authoring/import';
import { replaceErb } from '../src/authoring/import/erb';
import { convertLiquid } from '../src/authoring/import/liquid';
import { mapForeignFrontMatter, parseReviewInterval } from '../src/authoring/import/foreign-front-matter';
import { markdownToMdast, mdastToMarkdown } from '../src/authoring/import/mdast';
import { arrangeSections, normaliseHeading } from '../src/authoring/import/sections';
import { idFromPath, slugify } from '../src/authoring/import/slug';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseFrontMatter } from '../src/core/frontmatter';
import { parseIsoDate } from '../src/core/dates';
import { validateWiki } from '../src/validate/validate';
import { PNG, prozessDocx, stellenbeschreibungDocx } from './docx-fixtures';
import { MINI_WIKI, CORPORA, ROOT, tempDir } from './helpers';
import { IMPORT_TODAY, importOptions, importProject } from './import-helpers';

const TODAY = IMPORT_TODAY;
const MOJ = join(CORPORA, 'moj-modernisation-platform');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, ['--import', join(ROOT, 'node_modules/tsx/dist/loader.mjs'), join(ROOT, 'scripts/import.ts'), ...args], {
    cwd, encoding: 'utf8', input: '',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file below a folder with its bytes: to prove that nothing was written. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(relative(root, p), readFileSync(p, 'base64'));
    }
  };
  walk(root);
  return files;
}

const project = () => importProject('stellenwissen-import-');
const options = importOptions;

const findingsOf = (docs: string, file: string) =>
  validateWiki(loadWiki(docs, docs), TODAY).findings.filter((f) => f.file === file);

describe('ids and headings', () => {
  it('derives ASCII ids from file names (ä → ae, ß → ss), index pages from their folder', () => {
    expect(slugify('Stellenbeschreibung Gewerbe-Außendienst (Entwurf)')).toBe('stellenbeschreibung-gewerbe-aussendienst-entwurf');
    expect(idFromPath('/x/Größe_Übersicht ÄÖÜ.docx')).toBe('groesse-uebersicht-aeoeue');
    expect(idFromPath('/x/runbooks/modifying-scps.html.md')).toBe('modifying-scps');
    expect(idFromPath('/x/source/index.html.md')).toBe('source');
    expect(idFromPath('/x/Café crème.md')).toBe('cafe-creme');
  });

  it('compares headings without case, numbering and trailing colon', () => {
    expect(normaliseHeading('2.1 Rechtliche Grundlagen:')).toBe('rechtliche grundlagen');
    expect(normaliseHeading('  a) Termine  und Fristen ')).toBe('termine und fristen');
    expect(normaliseHeading('Vertretung')).toBe('vertretung');
  });
});

describe('arranging sections', () => {
  const arrange = (markdown: string, type: 'post' | 'process' | 'guide', takeTitle = true) => {
    const result = arrangeSections(markdownToMdast(markdown), type, { takeTitle });
    return { ...result, text: mdastToMarkdown(result.tree) };
  };

  it('maps the German synonyms of the issue onto the post and process sections', () => {
    const post = arrange('# Titel\n\n## Aufgabenbeschreibung\n\nA\n\n## Vertretungsregelung\n\nB\n\n## Termine und Fristen\n\nC\n\n## IT-Verfahren\n\nD\n', 'post');
    expect(post.mapped).toEqual([
      { from: 'Aufgabenbeschreibung', to: 'Aufgaben' },
      { from: 'Vertretungsregelung', to: 'Vertretung' },
      { from: 'Termine und Fristen', to: 'Fristen und Termine' },
      { from: 'IT-Verfahren', to: 'Fachverfahren und Zugänge' },
    ]);
    expect(arrange('## Fachverfahren\n\nX\n', 'post').mapped[0]!.to).toBe('Fachverfahren und Zugänge');
    expect(arrange('## Rechtliche Grundlagen\n\nX\n', 'process').mapped[0]!.to).toBe('Rechtsgrundlagen');
    expect(post.title).toBe('Titel');
    expect(post.added).toEqual(['Ansprechpartner', 'Ablage und Akten']);
  });

  it('writes the sections in template order, text before them under the first, others as ###, missing ones with TODO:', () => {
    const { text } = arrange('Vorwort.\n\n## Vertretung\n\nB\n\n## Sonstiges\n\nS\n\n### Detail\n\nD\n\n## Aufgaben\n\nA\n', 'post', false);
    expect(text).toBe([
      '## Aufgaben', '', 'Vorwort.', '', 'A', '',
      '## Vertretung', '', 'B', '', '### Sonstiges', '', 'S', '', '#### Detail', '', 'D', '',
      '## Ansprechpartner', '', '<!-- Hinweis: Mit welchen Stellen, Ämtern und Behörden arbeitet die Stelle zusammen? Rollen statt Namen. -->', '', 'TODO: Ansprechpartner aufzählen.', '',
      '## Fristen und Termine', '', '<!-- Hinweis: Wiederkehrende Fristen, Stichtage und Termine im Jahr. -->', '', 'TODO: Fristen und Termine aufzählen.', '',
      '## Fachverfahren und Zugänge', '', '<!-- Hinweis: Welche Fachverfahren und Zugänge braucht die Stelle? Auch oben unter „systems“ eintragen. -->', '', 'TODO: Fachverfahren und Zugänge aufzählen.', '',
      '## Ablage und Akten', '', '<!-- Hinweis: Wo liegen Akten und Vorlagen (e-Akte, Laufwerk, Registratur)? -->', '', 'TODO: Ablage und Akten beschreiben.', '',
    ].join('\n'));
  });

  it('keeps a leading heading when the title is given, and a guide keeps its structure from ## down', () => {
    expect(arrange('# Einleitung\n\nText\n', 'post', false).text).toMatch(/^## Aufgaben\n\n### Einleitung\n\nText\n/);
    const guide = arrange('# Titel\n\n# Teil\n\nT\n\n## Unterteil\n\nU\n', 'guide');
    expect(guide.text).toBe('## Teil\n\nT\n\n### Unterteil\n\nU\n');
    expect(guide.added).toEqual([]);
    expect(arrange('# Nur ein Titel\n', 'guide').added).toEqual(['Text']);
  });
});

describe('front matter and ERB of GOV.UK tech docs', () => {
  it('maps last_reviewed_on and review_in, keeps tags, lists dropped keys', () => {
    const mapped = mapForeignFrontMatter({ owner_slack: '#team', title: 'Backups', last_reviewed_on: '2026-02-16', review_in: '6 months', weight: 3, tags: ['aws'] });
    expect(mapped).toEqual({ title: 'Backups', reviewed: '2026-02-16', reviewMonths: 6, tags: ['aws'], dropped: ['owner_slack', 'weight'], notes: [] });
    expect(parseReviewInterval('1 year')).toBe(12);
    expect(parseReviewInterval('3 Monate')).toBe(3);
    expect(parseReviewInterval('bald')).toBeUndefined();
    expect(mapForeignFrontMatter({ review_in: '10 years', last_reviewed_on: 'gestern' }).notes).toHaveLength(2);
  });

  it('replaces the title fragment and helpers with text, removes the rest', () => {
    const result = replaceErb("# <%= current_page.data.title %>\n\n<%= warning_text('Backups are not tested.') %>\n\n<% if x %>y<% end %>", 'Backups');
    expect(result.text).toBe('# Backups\n\n**Hinweis:** Backups are not tested.\n\ny');
    expect(result.replaced).toBe(2);
    expect(result.removed).toEqual(['<% if x %>', '<% end %>']);
  });
});

describe('Liquid of Jekyll/Eleventy wikis', () => {
  it('turns comments into HTML comments, drops raw markers and counts the other tags', () => {
    const result = convertLiquid('A {% comment %} TODO: Link -- fehlt {% endcomment %}B\n{% raw %}{{ x }}{% endraw %} {% page "/a/" %}\n');
    expect(result.text).toBe('A <!-- TODO: Link – fehlt -->B\n{{ x }} {% page "/a/" %}\n');
    expect(result.kept).toBe(2);
  });
});

describe('importing a Word Stellenbeschreibung', () => {
  it('creates a post article with mapped sections, lists, table, emphasis, link, umlauts and the image', async () => {
    const p = project();
    const source = join(tempDir(), 'Stellenbeschreibung Gewerbe-Außendienst.docx');
    writeFileSync(source, await stellenbeschreibungDocx());
    const plan = await planImport(loadWiki(p.docs, p.docs), options(p, source, { type: 'post' }));
    writeImport(plan.writes);

    const id = 'stellenbeschreibung-gewerbe-aussendienst';
    const file = join(p.docs, 'fb1', `${id}.md`);
    const text = readFileSync(file, 'utf8');
    const front = parseFrontMatter(text);
    expect(front.data).toMatchObject({ id, type: 'post', title: 'Sachbearbeitung Gewerbeangelegenheiten', department: 'fb1', owner: id, reviewed: '2026-11-30', deputies: [] });
    expect(front.body).toContain('## Aufgaben\n\nStand der Beschreibung: Entwurf für die Übergabe – gültig für Außendienst und Büro.\n\n- Gewerbeanmeldungen prüfen\n  - Gaststättenerlaubnisse vorbereiten\n\n1. Bescheid entwerfen\n   1. Gebühr berechnen\n');
    expect(front.body).toContain('**Wichtig**: Fristen der *Gewerbeordnung* beachten, siehe [GewO im Internet](https://www.gesetze-im-internet.de/gewo/).');
    expect(front.body).toContain('### Besonderheiten im Außendienst\n\nKontrollen nur zu zweit.');
    expect(front.body).toContain('## Vertretung\n\nDie Sachbearbeitung Ordnungswidrigkeiten vertritt bei Urlaub und Krankheit.');
    expect(front.body).toMatch(/## Fristen und Termine\n\n\| Frist +\| Zeitpunkt +\|\n\| -+ \| -+ \|\n\| Gewerbestatistik an IT\.NRW \| 5\. Werktag des Monats \|\n\| Jahresbericht Gaststätten +\| 31\. März +\|/);
    expect(front.body).toContain(`## Fachverfahren und Zugänge\n\n- OK.GEWERBE\n\n![Startmaske OK.GEWERBE](/img/${id}/bild-1.png)`);
    // „Rechtliche Grundlagen“ is no section of a post: kept as a sub-section.
    expect(front.body).toContain('### Rechtliche Grundlagen\n\nGewerbeordnung, Gaststättengesetz NRW.');
    expect(readFileSync(join(p.staticDir, 'img', id, 'bild-1.png'))).toEqual(PNG);

    const report = formatImportReport(plan, { dryRun: false });
    expect(report).toContain('Abschnitte zugeordnet: Aufgabenbeschreibung → Aufgaben; Vertretungsregelung → Vertretung; Termine und Fristen → Fristen und Termine; IT-Verfahren → Fachverfahren und Zugänge');
    expect(report).toContain('Abschnitte ergänzt (mit TODO:): Ansprechpartner, Ablage und Akten');
    expect(report).toContain(`Bilder: 1 → ${p.staticDir}/img/${id}/`);
    expect(report).toContain('Noch auszufüllen: 2 Platzhalter');
    expect(report).toContain('bitte im Front Matter prüfen: criticality (medium), deputies ([]), systems ([])');

    const findings = findingsOf(p.docs, `fb1/${id}.md`);
    expect(findings.map((f) => f.rule)).toEqual(['placeholder', 'placeholder']);
  });

  it('imports a process description with --id, --title and --owner', async () => {
    const p = project();
    const source = join(tempDir(), 'Prozess.docx');
    writeFileSync(source, await prozessDocx());
    writeImport((await planImport(loadWiki(p.docs, p.docs), options(p, source, { type: 'process', id: 'ehe-anmelden', title: 'Eheschließung anmelden', owner: 'stelle-1-002' }))).writes);
    const text = readFileSync(join(p.docs, 'fb1/ehe-anmelden.md'), 'utf8');
    expect(parseFrontMatter(text).data).toMatchObject({ id: 'ehe-anmelden', type: 'process', title: 'Eheschließung anmelden', owner: 'stelle-1-002' });
    // The given title replaces the document's; its heading stays as a sub-section.
    expect(parseFrontMatter(text).body).toMatch(/^\n## Zweck\n\n### Eheschließung anmelden\n\nDie Anmeldung prüft die Ehefähigkeit\.\n\n## Ablauf\n\n- Unterlagen prüfen\n\n## Rechtsgrundlagen\n\n§ 12 Personenstandsgesetz\.\n\n## Sonderfälle\n\n<!--/);
    expect(findingsOf(p.docs, 'fb1/ehe-anmelden.md').filter((f) => f.rule !== 'placeholder')).toEqual([]);
  });
});

describe('npm run import (command line)', () => {
  const bad = async (name: string, content: Uint8Array | string) => {
    const p = project();
    const source = join(tempDir(), name);
    writeFileSync(source, content);
    const before = snapshot(p.root);
    const result = run([source, '--type', 'post', '--department', 'fb1', '--docs', p.docs, '--static', p.staticDir], p.root);
    expect(snapshot(p.root)).toEqual(before);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*\(|Error:/);
    return result.stderr;
  };

  it('refuses corrupt, password-protected, empty and unsupported files with one German line', async () => {
    const word = await stellenbeschreibungDocx();
    expect(await bad('kaputt.docx', word.subarray(0, 400))).toMatch(/kaputt\.docx: Die Datei ist beschädigt oder keine Word-Datei/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await bad('geheim.docx', ole)).toMatch(/geheim\.docx: Die Datei ist passwortgeschützt/);
    expect(await bad('leer.docx', '')).toMatch(/leer\.docx: Die Datei ist leer/);
    expect(await bad('leer.md', '\n  \n')).toMatch(/leer\.md: Die Datei ist leer/);
    expect(await bad('alt.doc', 'x')).toMatch(/\.doc wird nicht unterstützt – bitte in Word als \.docx speichern/);
    expect(await bad('scan.pdf', '%PDF-1.4')).toMatch(/Dateityp „\.pdf“ wird nicht unterstützt/);
    expect(await bad('kaputt.md', '---\ntitle: [\n---\nText\n')).toMatch(/kaputt\.md:\d+: Front Matter unlesbar/);
  });

  it('never overwrites: a second import of the same file writes nothing and exits 2', async () => {
    const p = project();
    const source = join(tempDir(), 'Prozess.docx');
    writeFileSync(source, await prozessDocx());
    const args = [source, '--type', 'process', '--department', 'fb1', '--docs', p.docs, '--static', p.staticDir];
    expect(run(args, p.root).code).toBe(0);
    const before = snapshot(p.root);
    const again = run(args, p.root);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/Nichts importiert: Kennung „prozess“ .*gibt es schon/);
    expect(snapshot(p.root)).toEqual(before);
    // An id that exists anywhere in the wiki counts too.
    expect(run([...args, '--id', 'stelle-1-001'], p.root).stderr).toMatch(/Kennung „stelle-1-001“/);
    expect(snapshot(p.root)).toEqual(before);
  });

  it('writes nothing at all from a folder if one target collides', async () => {
    const p = project();
    const folder = tempDir();
    mkdirSync(join(folder, 'unter'));
    writeFileSync(join(folder, 'neu.md'), '# Neu\n\nText.\n');
    writeFileSync(join(folder, 'unter', 'auch-neu.md'), '# Auch neu\n\nText.\n');
    writeFileSync(join(folder, 'anleitung-ablage.md'), '# Schon da\n\nText.\n');
    const before = snapshot(p.root);
    const result = run([folder, '--department', 'fb1', '--docs', p.docs, '--static', p.staticDir], p.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Kennung „anleitung-ablage“/);
    expect(snapshot(p.root)).toEqual(before);
  });

  it('--dry-run prints the report and the article, and writes nothing', async () => {
    const p = project();
    const source = join(tempDir(), 'Stellenbeschreibung.docx');
    writeFileSync(source, await stellenbeschreibungDocx());
    const before = snapshot(p.root);
    const result = run([source, '--type', 'post', '--department', 'fb1', '--docs', p.docs, '--static', p.staticDir, '--dry-run'], p.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Probelauf (--dry-run): nichts geschrieben.');
    expect(result.stdout).toContain(`→ ${p.docs}/fb1/stellenbeschreibung.md`);
    expect(result.stdout).toContain('1 Datei würde importiert, 1 Bild.');
    expect(result.stdout).toContain('## Vertretung\n\nDie Sachbearbeitung Ordnungswidrigkeiten vertritt');
    expect(snapshot(p.root)).toEqual(before);
  });

  it('refuses an unknown department and a missing source', () => {
    const p = project();
    expect(run([join(MOJ, 'source/index.html.md'), '--department', 'fb9', '--docs', p.docs, '--dry-run'], p.root).stderr).toMatch(/Fachbereich „fb9“ gibt es nicht/);
    expect(run(['fehlt.docx', '--department', 'fb1', '--docs', p.docs], p.root).stderr).toMatch(/Quelle nicht gefunden: fehlt\.docx/);
  });
});

describe('importing a folder of Markdown pages', () => {
  it('keeps sub-folders, fixes links between the pages, copies images and reports what it could not keep', async () => {
    const p = project();
    const folder = tempDir();
    mkdirSync(join(folder, 'teil', 'bilder'), { recursive: true });
    writeFileSync(join(folder, 'start.md'), [
      '# Start', '', 'Siehe [Teil](teil/seite.html#abschnitt), [Ordner](teil/) und [weg](fehlt.html).', '',
      '![Skizze](teil/bilder/skizze.png)', '', '![Fehlt](bilder/fehlt.png)', '', '![Fremd](https://example.org/x.png)', '',
      '[![Verlinkt](teil/bilder/skizze.png)](fehlt-auch.html)', '',
    ].join('\n'));
    writeFileSync(join(folder, 'teil', 'seite.html.md'), '---\ntitle: Seite im Teil\n---\n\n## Abschnitt\n\n[Zurück](../start.md)\n');
    writeFileSync(join(folder, 'teil', 'index.md'), '# Teil\n\nÜbersicht.\n');
    writeFileSync(join(folder, 'teil', 'bilder', 'skizze.png'), PNG);
    writeFileSync(join(folder, 'notiz.txt'), 'kein Markdown');
    const plan = await planImport(loadWiki(p.docs, p.docs), options(p, folder));
    writeImport(plan.writes);

    const start = readFileSync(join(p.docs, 'fb1/start.md'), 'utf8');
    expect(start).toContain('Siehe [Teil](./teil/seite.md#abschnitt), [Ordner](./teil/teil.md) und weg.');
    expect(start).toContain('![Skizze](/img/start/skizze.png)');
    expect(start).toContain('\\[Bild fehlt: Fehlt – bilder/fehlt.png]');
    expect(start).toContain('[Bild: Fremd](https://example.org/x.png)');
    // An image inside a link that loses its link is still fixed; the same file is copied once.
    expect(start).toContain('![Verlinkt](/img/start/skizze.png)');
    expect(plan.files.find((f) => f.id === 'start')!.images).toHaveLength(1);
    expect(readFileSync(join(p.staticDir, 'img/start/skizze.png'))).toEqual(PNG);
    expect(readFileSync(join(p.docs, 'fb1/teil/seite.md'), 'utf8')).toContain('[Zurück](../start.md)');
    expect(existsSync(join(p.docs, 'fb1/teil/teil.md'))).toBe(true);

    const report = formatImportReport(plan, { dryRun: false });
    expect(report).toContain('Links ohne Ziel im Wiki (Text bleibt): fehlt.html');
    expect(report).toContain('Bilder nicht gefunden (Hinweis im Text): bilder/fehlt.png');
    expect(report).toContain('Bilder von fremden Servern als Link übernommen: https://example.org/x.png');
    expect(report).toContain(`Übersprungen (weder .docx noch .md): ${join(folder, 'notiz.txt')}`);
    expect(validateWiki(loadWiki(p.docs, p.docs), TODAY).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('the MoJ Modernisation Platform handbook (GOV.UK tech docs)', () => {
  it('imports all 136 pages as guides that pass every rule, keeping the folder structure and links', async () => {
    const p = project();
    const plan = await planImport(loadWiki(p.docs, p.docs), options(p, MOJ));
    writeImport(plan.writes);
    expect(plan.files).toHaveLength(136);
    const imported = plan.files.map((f) => relative(p.docs, f.target));
    expect(imported).toContain('fb1/source/runbooks/modifying-scps.md');
    expect(imported).toContain('fb1/source/concepts/networking/dns.md');
    expect(imported).toContain('fb1/source/source.md'); // source/index.html.md

    const findings = validateWiki(loadWiki(p.docs, p.docs), TODAY).findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);

    const backups = readFileSync(join(p.docs, 'fb1/source/concepts/environments/backups.md'), 'utf8');
    const front = parseFrontMatter(backups);
    expect(front.data).toMatchObject({ id: 'backups', type: 'guide', title: 'Backups', department: 'fb1', owner: 'stelle-1-001', review_months: 6 });
    expect(front.data!.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(front.data).not.toHaveProperty('owner_slack');
    expect(backups).not.toContain('<%');
    expect(backups).toContain('**Hinweis:** The Modernisation Platform does not monitor');
    expect(front.body).not.toMatch(/^# /m);
    for (const file of plan.files) expect(file.dropped).toContain('owner_slack');

    // Links between imported pages point at their new files and resolve.
    const index = readFileSync(join(p.docs, 'fb1/source/source.md'), 'utf8');
    expect(index).toContain('(./user-guide/cloud-platform-or-modernisation-platform.md)');
    for (const file of plan.files) {
      const text = readFileSync(file.target, 'utf8');
      for (const [, url] of text.matchAll(/\]\((\.{1,2}\/[^)#\s]+\.md)(?:#[^)]*)?\)/g)) {
        expect(existsSync(join(file.target, '..', url!)), `${file.target} → ${url}`).toBe(true);
      }
    }
  });
});
