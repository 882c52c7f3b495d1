import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArticleFiles } from '../src/core/wiki-files';
import { EntryFormat } from '../src/editing/front-matter-format';
import { ROOT } from './helpers';

const SAMPLE = [...listArticleFiles(join(ROOT, 'docs')), ...listArticleFiles(join(ROOT, 'templates'))];

/** Lines of `after` that are not in `before` at the same place (a small line diff). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

const POST = `---
id: stelle-1-002
type: post
title: "Sachbearbeitung: Gewerbe"
department: fb1-test
owner: stelle-1-002
reviewed: 2026-05-01   # zuletzt durchgesehen
# Vertretungen aus dem Geschäftsverteilungsplan
deputies: [stelle-1-001]
systems:
  - e-Akte
  - LOGA
digital:
  status: partial
  bundle: 2027-H1
---

## Aufgaben

- [ ] erledigen <!-- Hinweis -->
`;

const KEYS = ['id', 'type', 'title', 'department', 'owner', 'reviewed', 'review_months', 'criticality', 'deputies', 'systems', 'digital', 'tags'];

function opened(text: string): { format: EntryFormat; data: Record<string, unknown> } {
  const format = new EntryFormat();
  return { format, data: format.fromFile(text) };
}

describe('the editor’s file format', () => {
  it.each(SAMPLE.map((file) => [relative(ROOT, file), file]))('opening and saving %s unchanged gives the same bytes', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const { format, data } = opened(text);
    expect(format.toFile(data, Object.keys(data))).toBe(text);
  });

  it('dates stay text, lists and objects are values', () => {
    const { data } = opened(POST);
    expect(data.reviewed).toBe('2026-05-01');
    expect(data.deputies).toEqual(['stelle-1-001']);
    expect(data.digital).toEqual({ status: 'partial', bundle: '2027-H1' });
    expect(data.body).toBe('\n## Aufgaben\n\n- [ ] erledigen <!-- Hinweis -->\n');
  });

  it('changing the deputies rewrites only that line, keeping the comment above it', () => {
    const { format, data } = opened(POST);
    const saved = format.toFile({ ...data, deputies: ['stelle-1-001', 'stelle-1-003'] }, KEYS);
    expect(changedLines(POST, saved)).toEqual({ removed: ['deputies: [stelle-1-001]'], added: ['deputies: [stelle-1-001, stelle-1-003]'] });
  });

  it('a block-style list stays a block list; a nested object is rewritten as a block', () => {
    const { format, data } = opened(POST);
    const saved = format.toFile({ ...data, systems: ['e-Akte'], digital: { status: 'done', bundle: '2027-H1' } }, KEYS);
    expect(changedLines(POST, saved)).toEqual({
      removed: ['  - LOGA', 'digital:', '  status: partial'],
      added: ['digital:', '  status: done'],
    });
  });

  it('quoting, the trailing comment of another key and the body survive a title change', () => {
    const { format, data } = opened(POST);
    const saved = format.toFile({ ...data, title: 'Sachbearbeitung: Gewerbe und Handel' }, KEYS);
    expect(changedLines(POST, saved)).toEqual({ removed: ['title: "Sachbearbeitung: Gewerbe"'], added: ['title: "Sachbearbeitung: Gewerbe und Handel"'] });
  });

  it('a new key lands after the key before it in the form; empty form values of absent keys add nothing', () => {
    const { format, data } = opened(POST);
    const saved = format.toFile({ ...data, criticality: 'high', tags: [], review_months: null, legal_basis: '' }, KEYS);
    expect(changedLines(POST, saved)).toEqual({ removed: [], added: ['criticality: high'] });
    expect(saved.split('\n').indexOf('criticality: high')).toBe(POST.split('\n').indexOf('reviewed: 2026-05-01   # zuletzt durchgesehen') + 1);
  });

  it('a cleared field is removed; a cleared sub-field goes, its object stays', () => {
    const { format, data } = opened(POST);
    const saved = format.toFile({ ...data, systems: undefined, digital: { status: 'partial', bundle: '' } }, KEYS);
    const { removed, added } = changedLines(POST, saved);
    expect(removed).toEqual(['systems:', '  - e-Akte', '  - LOGA', 'digital:', '  status: partial', '  bundle: 2027-H1']);
    expect(added).toEqual(['digital:', '  status: partial']);
  });

  it('an empty list the file had stays (`deputies: []` means no deputy)', () => {
    const text = POST.replace('deputies: [stelle-1-001]', 'deputies: []');
    const { format, data } = opened(text);
    expect(format.toFile(data, KEYS)).toBe(text);
    expect(changedLines(text, format.toFile({ ...data, deputies: ['stelle-1-001'] }, KEYS)).added).toEqual(['deputies: [stelle-1-001]']);
  });

  it('a body change leaves the front matter bytes alone', () => {
    const { format, data } = opened(POST);
    const saved = format.toFile({ ...data, body: `${String(data.body)}\n## Vertretung\n\nSiehe oben.\n` }, KEYS);
    expect(saved.startsWith(POST)).toBe(true);
  });

  it('CRLF line endings and a BOM stay, also on changed and added lines', () => {
    const text = `\uFEFF${POST.replace(/\n/g, '\r\n')}`;
    const { format, data } = opened(text);
    expect(format.toFile(data, KEYS)).toBe(text);
    const saved = format.toFile({ ...data, title: 'Neu', criticality: 'low', body: 'Text\nzwei\n' }, KEYS);
    expect(saved.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(saved.replace(/\r\n/g, '')).not.toContain('\n');
    expect(saved).toContain('title: Neu\r\n');
    expect(saved).toContain('criticality: low\r\n');
    expect(saved.endsWith('---\r\nText\r\nzwei\r\n')).toBe(true);
  });

  it('a new article is written in form order with flow lists, and reads back as the form values', () => {
    const format = new EntryFormat();
    const saved = format.toFile(
      { title: 'Neue Stelle', id: 'stelle-1-009', type: 'post', department: 'fb1-test', deputies: ['stelle-1-001'], tags: [], digital: { status: '' }, body: '\n## Aufgaben\n' },
      KEYS,
    );
    // Empty lists stay (the template's `tags: []`), empty values go.
    expect(saved).toBe('---\nid: stelle-1-009\ntype: post\ntitle: Neue Stelle\ndepartment: fb1-test\ndeputies: [stelle-1-001]\ntags: []\n---\n\n## Aufgaben\n');
  });

  it('an unreadable front matter is opened as text and saved as that text; form input on top is refused', () => {
    const broken = '---\nid: [kaputt\ntitle: x\n---\n\nText\n';
    const { format, data } = opened(broken);
    expect(data).toEqual({ body: broken });
    expect(format.toFile({ ...data, type: 'post' }, KEYS)).toBe(broken);
    expect(() => format.toFile({ ...data, title: 'Neu' }, KEYS)).toThrow(/Kopf des Artikels .* fehlerhaft/);
  });

  it('values YAML would read differently are quoted, so they read back as written', () => {
    const { format, data } = opened(POST);
    const saved = format.toFile({ ...data, title: 'true', systems: ['0123', 'a, b', '§ 35 TVöD'] }, KEYS);
    expect(saved).toContain('title: "true"');
    expect(saved).toContain('  - "0123"\n');
    const reread = new EntryFormat().fromFile(saved);
    expect(reread.title).toBe('true');
    expect(reread.systems).toEqual(['0123', 'a, b', '§ 35 TVöD']);
  });
});
