import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../src/validate/format/text';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseIsoDate } from '../src/core/dates';
import { RULE_IDS, type Finding } from '../src/core/finding';
import { validateWiki, type ValidationResult } from '../src/validate/validate';
import { overlayWiki, CORPORA, ROOT } from './helpers';

const TODAY = parseIsoDate('2026-11-28')!;
const fm = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n`;
const COMMON = ['department: fb1', 'owner: stelle-1-001', 'reviewed: 2026-06-01'];
const guide = (id: string, ...extra: string[]) => fm(`id: ${id}`, 'type: guide', 'title: Anleitung', ...COMMON, ...extra);
const POST_BODY = ['Aufgaben', 'Vertretung', 'Ansprechpartner', 'Fristen und Termine', 'Fachverfahren und Zugänge', 'Ablage und Akten']
  .map((title) => `## ${title}\n\nText.\n`).join('\n');
const PROCESS_BODY = ['Zweck', 'Ablauf', 'Rechtsgrundlagen', 'Sonderfälle'].map((title) => `## ${title}\n\nText.\n`).join('\n');

/** Every malformed case as one file of one wiki. */
const MALFORMED: Record<string, string | Uint8Array> = {
  // PNG signature: contains NUL bytes
  'fb1/binaer.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  // a valid article saved as Latin-1: "Grüße" is 0xFC 0xDF, invalid UTF-8
  'fb1/latin1.md': Buffer.from(`${guide('latin1')}\nGrüße aus dem Rathaus.\n`, 'latin1'),
  'fb1/liste.md': '---\n- id: liste\n- type: guide\n---\nText.\n',
  'fb1/doppelt.md': `${guide('doppelt', 'title: Nochmal')}\nText.\n`, // the 2nd title is file line 8
  'fb1/bom-crlf.md': `\uFEFF${guide('bom-crlf')}\n## Abschnitt\n\nText mit Umlauten: äöüß.\n`.replace(/\n/g, '\r\n'),
  'fb1/code-ueberschrift.md': `${fm('id: code-ueberschrift', 'type: process', 'title: Prozess', 'department: fb1', 'owner: stelle-1-002',
    'reviewed: 2026-06-01', 'performers: []', 'frequency: weekly')}\n${PROCESS_BODY.replace('## Sonderfälle\n\nText.\n', '~~~markdown\n## Sonderfälle\n\nText.\n~~~\n')}`,
  'fb1/code-todo.md': `${guide('code-todo')}\nText mit \`TODO: inline\`.\n\n\`\`\`\nTODO: im Block\n\`\`\`\n\n    TODO: eingerückt\n\n<!-- TODO: Kommentar -->\n`,
  'fb1/leer.md': new Uint8Array(0),
  'fb1/nur-strich.md': '---',
  'fb1/lange-zeile.md': `${guide('lange-zeile')}\n${'Ein langer Satz ohne Umbruch. '.repeat(8_000)}\n`, // ~240 KB on one line
  'fb1/schluessel-liste.md': `${guide('schluessel-liste', '[a, b]: 1')}\nText.\n`, // the key is on file line 8
  'fb1/schluessel-zahl.md': `${guide('schluessel-zahl', '2026: Jahr')}\nText.\n`,
  'fb1/typ-unbekannt.md': `${fm('id: typ-unbekannt', 'type: rezept', 'title: Kuchen', ...COMMON)}\nText.\n`,
  'fb1/stelle-1-003.md': `${fm('id: stelle-1-003', 'type: post', 'title: Stelle', 'department: fb1', 'owner: stelle-1-003',
    'reviewed: 2026-06-01', 'criticality: low', 'deputies: [[stelle-1-001]]', 'systems: [[a, b], c]', 'tags: [[x]]')}\n${POST_BODY}`,
  'fb1/null-werte.md': `${fm('id: null-werte', 'type: process', 'title:', 'department: fb1', 'owner: ~', 'reviewed: null',
    'performers:', 'frequency: weekly', 'digital:', '  status: null', 'legal_basis: [null]')}\n${PROCESS_BODY}`,
  'fb1/objekte.md': `${fm('id: {a: 1}', 'type: [post]', 'title: [Titel]', ...COMMON)}\nText.\n`,
};

function byFile(result: ValidationResult): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of result.findings) map.set(f.file, [...(map.get(f.file) ?? []), f]);
  return map;
}

describe('malformed articles', () => {
  const root = overlayWiki(MALFORMED);
  let result: ValidationResult;
  let files: Map<string, Finding[]>;
  const of = (file: string) => files.get(file) ?? [];
  const rules = (file: string) => of(file).map((f) => f.rule);
  const lines = (file: string) => of(file).map((f) => f.line);

  it('validates the whole wiki without throwing', () => {
    result = validateWiki(loadWiki(root, root), TODAY);
    files = byFile(result);
    expect(result.articles).toBe(6 + Object.keys(MALFORMED).length);
  });

  it('leaves the valid fixture articles alone', () => {
    for (const name of ['index', 'stelle-1-001', 'stelle-1-002', 'antrag-bearbeiten', 'uebergabe-stelle-1-002', 'anleitung-ablage']) {
      expect(of(`fb1/${name}.md`).map(formatFinding)).toEqual([]);
    }
  });

  it('binary bytes: one yaml finding on line 1', () => {
    expect(of('fb1/binaer.md').map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([{ rule: 'yaml', line: 1, column: 1 }]);
    expect(of('fb1/binaer.md')[0].message).toMatch(/UTF-8/);
  });

  it('invalid UTF-8 (Latin-1 bytes): one yaml finding, not mojibake', () => {
    expect(rules('fb1/latin1.md')).toEqual(['yaml']);
    expect(of('fb1/latin1.md')[0].message).toMatch(/UTF-8/);
  });

  it('a YAML list: one yaml finding on line 2', () => {
    expect(rules('fb1/liste.md')).toEqual(['yaml']);
    expect(lines('fb1/liste.md')).toEqual([2]);
  });

  it('duplicate keys: one yaml finding on the second key', () => {
    expect(rules('fb1/doppelt.md')).toEqual(['yaml']);
    expect(lines('fb1/doppelt.md')).toEqual([8]);
  });

  it('a valid article with BOM and CRLF has no findings', () => {
    expect(of('fb1/bom-crlf.md').map(formatFinding)).toEqual([]);
  });

  it('a heading only inside a code block: the section is missing', () => {
    expect(rules('fb1/code-ueberschrift.md')).toEqual(['sections']);
    expect(of('fb1/code-ueberschrift.md')[0].message).toMatch(/„## Sonderfälle“ fehlt/);
    expect(lines('fb1/code-ueberschrift.md')).toEqual([11]); // first body line
  });

  it('TODO: only inside code and comments: no placeholder finding', () => {
    expect(of('fb1/code-todo.md').map(formatFinding)).toEqual([]);
  });

  it('an empty file: front matter missing', () => {
    expect(of('fb1/leer.md').map(({ rule, line }) => ({ rule, line }))).toEqual([{ rule: 'yaml', line: 1 }]);
  });

  it('a file with only ---: unclosed front matter', () => {
    expect(rules('fb1/nur-strich.md')).toEqual(['yaml']);
    expect(of('fb1/nur-strich.md')[0].message).toMatch(/nicht abgeschlossen/);
  });

  it('a huge line is no problem', () => {
    expect(of('fb1/lange-zeile.md').map(formatFinding)).toEqual([]);
  });

  it('a key that is a list: one yaml finding on its line', () => {
    expect(rules('fb1/schluessel-liste.md')).toEqual(['yaml']);
    expect(lines('fb1/schluessel-liste.md')).toEqual([8]);
  });

  it('a numeric key is an unknown field: one schema finding on its line', () => {
    expect(rules('fb1/schluessel-zahl.md')).toEqual(['schema']);
    expect(lines('fb1/schluessel-zahl.md')).toEqual([8]);
    expect(of('fb1/schluessel-zahl.md')[0].message).toMatch(/^Unbekanntes Feld/);
  });

  it('an unknown type: one schema finding on the type line, no section checks', () => {
    expect(rules('fb1/typ-unbekannt.md')).toEqual(['schema']);
    expect(lines('fb1/typ-unbekannt.md')).toEqual([3]);
    expect(of('fb1/typ-unbekannt.md')[0].message).toMatch(/„rezept“.*department, post, process, handover, guide/);
  });

  it('nested lists where strings are expected: schema findings on each key', () => {
    expect(rules('fb1/stelle-1-003.md')).toEqual(['schema', 'schema', 'schema']);
    expect(lines('fb1/stelle-1-003.md')).toEqual([9, 10, 11]);
    for (const f of of('fb1/stelle-1-003.md')) expect(f.message).toMatch(/muss ein Text sein/);
  });

  it('null values: only schema findings, on the lines of the empty keys', () => {
    const findings = of('fb1/null-werte.md');
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['schema']));
    expect([...new Set(findings.map((f) => f.line))]).toEqual([4, 6, 7, 8, 11, 12]);
  });

  it('mappings and lists where scalars are expected: schema findings, no crash', () => {
    expect(rules('fb1/objekte.md')).toEqual(['schema', 'schema', 'schema']);
    expect(lines('fb1/objekte.md')).toEqual([2, 3, 4]);
  });

  it('every finding is well-formed', () => {
    for (const f of result.findings) {
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeGreaterThanOrEqual(1);
      expect(RULE_IDS).toContain(f.rule);
      expect(f.message.trim()).not.toBe('');
      expect(f.message).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
  });
});

// ── Real-world corpora ────────────────────────────────────────────────────────



/** .md files as Docusaurus sees them: names starting with `_` or `.` are skipped, folders too. */
function countMarkdown(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) n += countMarkdown(join(dir, entry.name));
    else if (entry.isFile() && entry.name.endsWith('.md')) n++;
  }
  return n;
}

describe.each(['18f-handbook', 'moj-modernisation-platform'])('real-world corpus %s', (name) => {
  const dir = join(CORPORA, name);

  it('is validated without crashing; every file gets well-formed findings', { timeout: 120_000 }, () => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new Error(`Corpus ${name} not found at ${dir}. The real-world corpora belong in test/corpora.`);
    }
    const expectedFiles = countMarkdown(dir);
    expect(expectedFiles).toBeGreaterThan(100);

    const wiki = loadWiki(dir, ROOT); // read in place, paths relative to the repo root
    const result = validateWiki(wiki, TODAY);

    expect(result.articles).toBe(expectedFiles);
    expect(wiki.articles).toHaveLength(expectedFiles);
    expect(result.errors).toBeGreaterThan(0);

    // None of these files is in the contract format, so each must be reported.
    const reported = new Set(result.findings.map((f) => f.file));
    const silent = wiki.articles.filter((a) => !reported.has(a.file)).map((a) => a.file);
    expect(silent).toEqual([]);

    const known = new Set<string>(RULE_IDS);
    const bad = result.findings.filter((f) =>
      typeof f.file !== 'string' || f.file === '' || isAbsolute(f.file) || !existsSync(resolve(ROOT, f.file))
      || !Number.isInteger(f.line) || f.line < 1
      || !Number.isInteger(f.column) || f.column < 1
      || !known.has(f.rule)
      || (f.severity !== 'error' && f.severity !== 'warning')
      || f.message.trim() === ''
      || /undefined|\[object Object\]|NaN|\bmust\b/.test(f.message)); // no raw English ajv texts
    expect(bad.map(formatFinding)).toEqual([]);

    // German: the contract's rule messages are German sentences.
    expect(result.findings.every((f) => /[„“äöüß]|Pflichtfeld|Front Matter|Platzhalter|Abschnitt/.test(f.message))).toBe(true);
  });
});
