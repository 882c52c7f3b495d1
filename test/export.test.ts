import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProcessRegister, formatProcessRegisterJson, PROCESS_RECORD_KEYS, type ProcessRecord } from '../src/process-register/build';
import { formatProcessRegisterCsv, PROCESS_CSV_HEADERS } from '../src/process-register/csv';
import { loadWiki } from '../src/core/load/load-wiki';
import { COMMON_SCHEMA, TYPE_SCHEMAS } from '../src/core/schema/schemas';
import { MINI_WIKI, overlayWiki, ROOT, tempDir } from './helpers';

const TODAY = { year: 2026, month: 11, day: 28 };

const ANTRAG: ProcessRecord = {
  id: 'antrag-bearbeiten',
  title: 'Antrag bearbeiten',
  department: 'fb1',
  owner: 'stelle-1-002',
  performers: ['stelle-1-001'],
  frequency: 'daily',
  leika: '99000000000001',
  legal_basis: ['§ 1 Beispielgesetz'],
  systems: [],
  digital_status: 'partial',
  digital_bundle: '2027-H1',
  reviewed: '2026-06-01',
  path: 'fb1/antrag-bearbeiten',
};

/** A second process with every optional key missing and text Excel must not read as a formula. */
const MINIMAL = `---
id: akte-anlegen
type: process
title: "=Akte anlegen"
department: fb1
owner: stelle-1-001
performers: []
frequency: on-demand
reviewed: 2026-03-31
systems: [e-Akte, Fachverfahren X]
legal_basis: ["§ 3 Abs. 1, 2 Aktenordnung", "§ 4 Aktenordnung"]
---

## Zweck

Akten anlegen.

## Ablauf

1. Anlegen

## Rechtsgrundlagen

Aktenordnung.

## Sonderfälle

Keine.
`;

describe('buildProcessRegister', () => {
  it('exports every valid process of the wiki with the contract keys, ISO dates and the routed page path', () => {
    const register = buildProcessRegister(loadWiki(MINI_WIKI), TODAY);
    expect(register).toEqual({ processes: [ANTRAG], skipped: [] });
    const json = JSON.parse(formatProcessRegisterJson(register));
    expect(json).toEqual([ANTRAG]);
    expect(Object.keys(json[0])).toEqual([...PROCESS_RECORD_KEYS]);
  });

  it('gives absent optional values as null or [] so every record has the same keys, sorted by page path', () => {
    const root = overlayWiki({ 'fb1/akte-anlegen.md': MINIMAL });
    const { processes, skipped } = buildProcessRegister(loadWiki(root), TODAY);
    expect(skipped).toEqual([]);
    expect(processes.map((p) => p.id)).toEqual(['akte-anlegen', 'antrag-bearbeiten']);
    expect(processes[0]).toMatchObject({ leika: null, digital_status: null, digital_bundle: null, performers: [], reviewed: '2026-03-31', path: 'fb1/akte-anlegen' });
  });

  it('skips processes with invalid front matter or a duplicate id, and files whose type cannot be read', () => {
    const root = overlayWiki({
      'fb1/antrag-bearbeiten.md': 'REPLACE:frequency: daily=>frequency: manchmal',
      'fb1/akte-anlegen.md': MINIMAL,
      'fb1/akte-kopie.md': MINIMAL.replace('title: "=Akte anlegen"', 'title: Kopie'),
      'fb1/kaputt.md': '---\nid: kaputt\ntype: process\ntitle: [nicht geschlossen\n---\nText\n',
    });
    const wiki = loadWiki(root, root);
    const { processes, skipped } = buildProcessRegister(wiki, TODAY);
    expect(processes).toEqual([]);
    expect(skipped.map((s) => [s.file, s.reason])).toEqual([
      ['fb1/akte-anlegen.md', 'duplicate'],
      ['fb1/akte-kopie.md', 'duplicate'],
      ['fb1/antrag-bearbeiten.md', 'invalid'],
      ['fb1/kaputt.md', 'unknown'],
    ]);
    expect(skipped[2].findings.map((f) => f.rule)).toEqual(['schema']);
    expect(skipped[3].findings.map((f) => f.rule)).toEqual(['yaml']);
  });

  it('exports processes with other findings (placeholders, unknown performers): it exports what is written', () => {
    const root = overlayWiki({ 'fb1/antrag-bearbeiten.md': 'REPLACE:performers: [stelle-1-001]=>performers: [stelle-9-999]' });
    const { processes, skipped } = buildProcessRegister(loadWiki(root), TODAY);
    expect(skipped).toEqual([]);
    expect(processes[0].performers).toEqual(['stelle-9-999']);
  });

  it('exports every process of the sample wiki', () => {
    const wiki = loadWiki(join(ROOT, 'docs'));
    const { processes, skipped } = buildProcessRegister(wiki, TODAY);
    expect(skipped).toEqual([]);
    expect(processes).toHaveLength(wiki.articles.filter((a) => a.type === 'process').length);
    expect(processes.length).toBeGreaterThan(30);
    for (const p of processes) expect(p.path).toBe(`${p.department}/${p.id}`);
  });
});

describe('formatProcessRegisterCsv', () => {
  const root = overlayWiki({ 'fb1/akte-anlegen.md': MINIMAL });
  const csv = formatProcessRegisterCsv(buildProcessRegister(loadWiki(root), TODAY));
  const rows = csv.slice(1).split('\r\n');

  it('opens in German Excel: BOM, semicolons, CRLF, German headers', () => {
    expect(csv.startsWith('\uFEFFKennung;Titel;Fachbereich;Verantwortliche Stelle;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
    expect(rows[0]).toBe('Kennung;Titel;Fachbereich;Verantwortliche Stelle;Ausführende Stellen;Häufigkeit;LeiKa-Schlüssel;Rechtsgrundlagen;Fachverfahren;Digitalisierungsstand;Digitalbündel;Zuletzt überprüft;Seite');
    expect(rows).toHaveLength(4); // header, two processes, empty rest after the last CRLF
  });

  it('writes German words, DD.MM.YYYY dates, joined lists and the LeiKa key as text', () => {
    expect(rows[2]).toBe('antrag-bearbeiten;Antrag bearbeiten;fb1;stelle-1-002;stelle-1-001;täglich;"=""99000000000001""";§ 1 Beispielgesetz;;teilweise digital;2027-H1;01.06.2026;fb1/antrag-bearbeiten');
    // A title starting with "=" is never a formula; citations with commas are joined with "; ".
    expect(rows[1]).toBe('akte-anlegen;\'=Akte anlegen;fb1;stelle-1-001;;bei Bedarf;;"§ 3 Abs. 1, 2 Aktenordnung; § 4 Aktenordnung";e-Akte, Fachverfahren X;;;31.03.2026;fb1/akte-anlegen');
  });

  it('has one column per record key, headed by the schemas\' German titles', () => {
    expect(Object.keys(PROCESS_CSV_HEADERS)).toEqual([...PROCESS_RECORD_KEYS]);
    const own = TYPE_SCHEMAS.process.allOf[1].properties!;
    const common = COMMON_SCHEMA.properties;
    expect(PROCESS_CSV_HEADERS).toMatchObject({
      id: common.id.title, title: common.title.title, department: common.department.title, owner: common.owner.title,
      reviewed: common.reviewed.title, performers: own.performers.title, frequency: own.frequency.title, leika: own.leika.title,
      legal_basis: own.legal_basis.title, systems: own.systems.title, digital_status: own.digital.properties.status.title,
      digital_bundle: own.digital.properties.bundle.title,
    });
  });

  it('is just the header row for a wiki without processes', () => {
    expect(formatProcessRegisterCsv({ processes: [], skipped: [] }).split('\r\n')).toEqual([`\uFEFF${rows[0]}`, '']);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function exportCli(args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.DOCS_DIR;
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/export.ts'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe('npm run export', () => {
  const out = join(tempDir(), 'register', 'prozesse.csv');
  const refusedOut = join(tempDir(), 'nie.json');
  const broken = overlayWiki({ 'fb1/antrag-bearbeiten.md': 'REPLACE:frequency: daily=>frequency: manchmal', 'fb1/akte-anlegen.md': MINIMAL });
  const runs: Record<string, Run> = {};

  beforeAll(async () => {
    const jobs: Record<string, Promise<Run>> = {
      json: exportCli(['--format', 'json', '--docs', MINI_WIKI]),
      csv: exportCli(['--format', 'csv', '--docs', MINI_WIKI]),
      out: exportCli(['--format', 'csv', '--docs', MINI_WIKI, '--out', out]),
      broken: exportCli(['--format', 'json', '--docs', broken]),
      noFormat: exportCli(['--docs', MINI_WIKI, '--out', refusedOut]),
      xml: exportCli(['--format', 'xml', '--docs', MINI_WIKI, '--out', refusedOut]),
      unknownFlag: exportCli(['--format', 'json', '--docs', MINI_WIKI, '--alle', '--out', refusedOut]),
      noDocs: exportCli(['--format', 'json', '--docs', join(tempDir(), 'gibt-es-nicht'), '--out', refusedOut]),
    };
    for (const [name, job] of Object.entries(jobs)) runs[name] = await job;
  }, 120_000);

  it('prints the JSON register on stdout and exits 0', () => {
    expect(runs.json.stderr).toBe('');
    expect(runs.json.code).toBe(0);
    expect(JSON.parse(runs.json.stdout)).toEqual([ANTRAG]);
  });

  it('prints the CSV register for Excel', () => {
    expect(runs.csv.code).toBe(0);
    expect(runs.csv.stdout).toBe(formatProcessRegisterCsv(buildProcessRegister(loadWiki(MINI_WIKI), TODAY)));
  });

  it('writes --out (creating folders) with the same bytes as stdout and says so on stderr', () => {
    expect(runs.out.code).toBe(0);
    expect(runs.out.stdout).toBe('');
    expect(runs.out.stderr).toBe(`Register geschrieben: ${out} (1 Prozess)\n`);
    expect(readFileSync(out, 'utf8')).toBe(runs.csv.stdout);
  });

  it('exports the valid processes, names each skipped one with its findings on stderr and exits 1', () => {
    const { code, stdout, stderr } = runs.broken;
    expect(code).toBe(1);
    expect(JSON.parse(stdout).map((p: ProcessRecord) => p.id)).toEqual(['akte-anlegen']);
    expect(stderr).toContain(`export: übersprungen: ${relative(ROOT, broken)}/fb1/antrag-bearbeiten.md (Prozess mit fehlerhaften Angaben im Front Matter)\n`);
    expect(stderr).toMatch(/^ {2}\S+fb1\/antrag-bearbeiten\.md:\d+:1 error „frequency“ \(Häufigkeit\) hat den ungültigen Wert „manchmal“.*\[schema\]$/m);
    expect(stderr).toMatch(/export: 1 Prozess exportiert, 1 Datei\(en\) übersprungen/);
  });

  it.each([
    ['noFormat', /^export: Pflichtoption „--format“ fehlt\. Aufruf siehe --help\n$/],
    ['xml', /^export: --format erwartet json oder csv; erhalten: „xml“\n$/],
    ['unknownFlag', /^export: Unbekannte Option „--alle“\. Alle Optionen: --help\n$/],
    ['noDocs', /^export: Wiki-Ordner nicht gefunden: .*gibt-es-nicht\n$/],
  ])('refuses %s with one German line, exit 2 and nothing written', (name, message) => {
    const run = runs[name];
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(existsSync(refusedOut)).toBe(false);
  });
});
