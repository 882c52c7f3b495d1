import { describe, expect, it } from 'vitest';
import { fileLineOfPointer, normaliseText, parseFrontMatter } from '../src/core/frontmatter';

/** Joins lines with LF; line N of the array is file line N. */
const lines = (...text: string[]) => text.join('\n');

const PROCESS = lines(
  '---', //                              1
  'id: antrag-bearbeiten', //            2
  'type: process', //                    3
  'reviewed: 2026-06-01', //             4
  'leika: 99115005001000', //            5
  'review_months: 12', //                6
  'digital:', //                         7
  '  status: partial', //                8
  '  bundle: 2027-H1', //                9
  'deputies:', //                        10
  '  - stelle-1-001', //                 11
  '  - stelle-1-002', //                 12
  'performers: [stelle-1-003, stelle-1-004]', // 13
  '---', //                              14
  '', //                                 15
  '## Zweck', //                         16
  '',
);

describe('parseFrontMatter: positions', () => {
  const fm = parseFrontMatter(PROCESS);

  it('parses a valid mapping without problems', () => {
    expect(fm.problems).toEqual([]);
    expect(fm.data).toMatchObject({ id: 'antrag-bearbeiten', type: 'process', digital: { status: 'partial', bundle: '2027-H1' } });
  });

  it('maps top-level keys to their file lines (YAML starts on file line 2)', () => {
    expect(fm.keyLines.get('/id')).toBe(2);
    expect(fm.keyLines.get('/type')).toBe(3);
    expect(fm.keyLines.get('/reviewed')).toBe(4);
    expect(fm.keyLines.get('/digital')).toBe(7);
    expect(fm.keyLines.get('/performers')).toBe(13);
  });

  it('maps nested keys and list items with JSON pointers', () => {
    expect(fm.keyLines.get('/digital/status')).toBe(8);
    expect(fm.keyLines.get('/digital/bundle')).toBe(9);
    expect(fm.keyLines.get('/deputies/0')).toBe(11);
    expect(fm.keyLines.get('/deputies/1')).toBe(12);
    expect(fm.keyLines.get('/performers/1')).toBe(13); // flow list: same line as its key
    expect(fm.keyLines.has('/deputies/2')).toBe(false);
  });

  it('knows the closing --- and the first body line', () => {
    expect(fm.endLine).toBe(14);
    expect(fm.bodyLine).toBe(15);
    expect(fm.body).toBe('\n## Zweck\n');
  });

  it('resolves a pointer to its key, its nearest parent, or the closing ---', () => {
    expect(fileLineOfPointer(fm, '/digital/bundle')).toBe(9);
    expect(fileLineOfPointer(fm, '/digital/missing')).toBe(7);
    expect(fileLineOfPointer(fm, '/deputies/7')).toBe(10);
    expect(fileLineOfPointer(fm, '/criticality')).toBe(14);
  });

  it('counts blank lines and comments at the start of the YAML', () => {
    const blank = parseFrontMatter(lines('---', '', '# Kommentar', 'id: a', '---', 'Text'));
    expect(blank.problems).toEqual([]);
    expect(blank.keyLines.get('/id')).toBe(4);
    expect(blank.endLine).toBe(5);
    expect(blank.bodyLine).toBe(6);
  });

  it('escapes / and ~ in keys as JSON pointers do', () => {
    const fm2 = parseFrontMatter(lines('---', 'a/b: 1', 'x~y: 2', '---', ''));
    expect(fm2.keyLines.get('/a~1b')).toBe(2);
    expect(fm2.keyLines.get('/x~0y')).toBe(3);
  });
});

describe('parseFrontMatter: values are read as people write them', () => {
  const fm = parseFrontMatter(lines(
    '---',
    'reviewed: 2026-06-01',
    'quoted: "2026-06-01"',
    'due: 2027-01-31',
    'stamp: 2026-06-01T10:00:00',
    'leika: 99115005001000',
    'leika_quoted: "99115005001000"',
    'ten_digits: 1234567890',
    'nine_digits: 123456789',
    'file_number: 0123',
    'negative_zero: -0123',
    'zero: 0',
    'review_months: 12',
    'ratio: 1.5',
    'flag: true',
    'word: yes',
    'dates: [2026-06-01, 0042]',
    '---',
    '',
  ));

  it('has no problems', () => {
    expect(fm.problems).toEqual([]);
  });

  it('keeps unquoted dates as the string written (no Date objects, no time zone shift)', () => {
    expect(fm.data?.reviewed).toBe('2026-06-01');
    expect(fm.data?.quoted).toBe('2026-06-01');
    expect(fm.data?.due).toBe('2027-01-31');
    expect(fm.data?.stamp).toBe('2026-06-01T10:00:00');
    expect(fm.data?.dates).toEqual(['2026-06-01', '0042']);
  });

  it('keeps a 14-digit LeiKa key as text, exactly as written', () => {
    expect(fm.data?.leika).toBe('99115005001000');
    expect(fm.data?.leika_quoted).toBe('99115005001000');
    expect(fm.data?.ten_digits).toBe('1234567890');
  });

  it('keeps digits with a leading zero as text', () => {
    expect(fm.data?.file_number).toBe('0123');
    expect(fm.data?.negative_zero).toBe('-0123');
  });

  it('keeps small integers, floats and booleans as such (YAML 1.2: yes is a word)', () => {
    expect(fm.data?.review_months).toBe(12);
    expect(fm.data?.nine_digits).toBe(123456789);
    expect(fm.data?.zero).toBe(0);
    expect(fm.data?.ratio).toBe(1.5);
    expect(fm.data?.flag).toBe(true);
    expect(fm.data?.word).toBe('yes');
  });
});

describe('normaliseText', () => {
  it('drops a BOM', () => {
    expect(normaliseText('\uFEFF---\nid: a\n---\n')).toBe('---\nid: a\n---\n');
  });

  it('turns CRLF and lone CR into LF, keeping the number of lines', () => {
    expect(normaliseText('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('leaves LF text alone (including a BOM-like character later in the text)', () => {
    expect(normaliseText('a\n\uFEFFb')).toBe('a\n\uFEFFb');
  });

  it('a BOM + CRLF file gives the same lines as its LF twin', () => {
    const crlf = parseFrontMatter(normaliseText(`\uFEFF${PROCESS.replace(/\n/g, '\r\n')}`));
    const lf = parseFrontMatter(PROCESS);
    expect(crlf.problems).toEqual([]);
    expect([...crlf.keyLines]).toEqual([...lf.keyLines]);
    expect(crlf.endLine).toBe(14);
    expect(crlf.bodyLine).toBe(15);
    expect(crlf.data).toEqual(lf.data);
  });
});

describe('parseFrontMatter: unusable front matter', () => {
  it('reports a file without front matter on line 1 and keeps the whole text as body', () => {
    const fm = parseFrontMatter('# Titel\n\nText\n');
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toHaveLength(1);
    expect(fm.problems[0]).toMatchObject({ line: 1, column: 1 });
    expect(fm.problems[0].message).toMatch(/^Front Matter fehlt/);
    expect(fm.body).toBe('# Titel\n\nText\n');
    expect(fm.bodyLine).toBe(1);
  });

  it('reports front matter that is never closed', () => {
    const fm = parseFrontMatter(lines('---', 'id: a', 'title: x', '', '## Aufgaben', 'Text'));
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/nicht abgeschlossen/) }]);
  });

  it('a lone --- is unclosed front matter, not a crash', () => {
    for (const text of ['---', '---\n']) {
      const fm = parseFrontMatter(text);
      expect(fm.data).toBeUndefined();
      expect(fm.problems.map((p) => p.message)).toEqual([expect.stringMatching(/nicht abgeschlossen/)]);
    }
  });

  it('reports empty front matter', () => {
    for (const text of ['---\n---\nText\n', '---\n\n  \n---\nText\n']) {
      const fm = parseFrontMatter(text);
      expect(fm.data).toBeUndefined();
      expect(fm.problems).toHaveLength(1);
      expect(fm.problems[0].message).toMatch(/^Front Matter ist leer/);
    }
    expect(parseFrontMatter('---\n---\nText\n').bodyLine).toBe(3);
  });

  it('reports a YAML list instead of a mapping on file line 2', () => {
    const fm = parseFrontMatter(lines('---', '- id: a', '- type: guide', '---', 'Text'));
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toEqual([{ line: 2, column: 1, message: expect.stringMatching(/eine Liste, keine Zuordnung/) }]);
  });

  it('reports a scalar document', () => {
    const fm = parseFrontMatter(lines('---', 'nur ein Satz', '---', 'Text'));
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toEqual([{ line: 2, column: 1, message: expect.stringMatching(/ein einzelner Wert, keine Zuordnung/) }]);
  });

  it('reports a duplicate key on the line of its second occurrence', () => {
    const fm = parseFrontMatter(lines('---', 'id: a', 'title: A', 'owner: x', 'title: B', '---', ''));
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toHaveLength(1);
    expect(fm.problems[0].line).toBe(5);
    expect(fm.problems[0].message).toMatch(/doppelt/);
  });

  it('reports a duplicate nested key on its own line', () => {
    const fm = parseFrontMatter(lines('---', 'id: a', 'digital:', '  status: analog', '  status: digital', '---', ''));
    expect(fm.problems.map((p) => p.line)).toEqual([5]);
  });

  it('reports tabs used as indentation with their line', () => {
    const fm = parseFrontMatter(lines('---', 'id: a', 'digital:', '\tstatus: analog', '---', ''));
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toHaveLength(1);
    expect(fm.problems[0].line).toBe(4);
    expect(fm.problems[0].message).toMatch(/Tabulator/);
  });

  it('reports broken indentation on the offending line', () => {
    const fm = parseFrontMatter(lines('---', 'id: a', 'digital:', '  status: analog', ' bundle: 2027-H1', '---', ''));
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toEqual([{ line: 5, column: 1, message: expect.stringMatching(/kein gültiges YAML.*Einrückung/) }]);
  });

  it('reports an unclosed flow list with a line inside the front matter', () => {
    const fm = parseFrontMatter(lines('---', 'id: a', 'title: b', 'tags: [x, y', '---', ''));
    expect(fm.data).toBeUndefined();
    expect(fm.problems.length).toBeGreaterThan(0);
    for (const p of fm.problems) {
      expect(p.line).toBeGreaterThanOrEqual(2);
      expect(p.line).toBeLessThanOrEqual(5);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.message).toMatch(/YAML/);
    }
  });

  it('reports keys that are lists, mappings or empty instead of turning them into odd text', () => {
    const cases = [
      lines('---', 'id: a', '[a, b]: 1', '---', ''),
      lines('---', 'id: a', '{x: 1}: 1', '---', ''),
      lines('---', 'id: a', ': wert', '---', ''),
      lines('---', 'id: a', '? [a, b]', ': 1', '---', ''),
    ];
    for (const text of cases) {
      const fm = parseFrontMatter(text);
      expect(fm.data).toBeUndefined();
      expect(fm.problems).toEqual([{ line: 3, column: 1, message: expect.stringMatching(/Feldname/) }]);
    }
  });

  it('accepts numbers and booleans as key names', () => {
    const fm = parseFrontMatter(lines('---', '2026: Jahr', 'true: ja', '---', ''));
    expect(fm.problems).toEqual([]);
    expect(fm.data).toEqual({ 2026: 'Jahr', true: 'ja' });
    expect(fm.keyLines.get('/2026')).toBe(2);
    expect(fm.keyLines.get('/true')).toBe(3);
  });
});

describe('parseFrontMatter never evaluates code', () => {
  const g = globalThis as Record<string, unknown>;

  it.each([
    ['---js', '---js\n{ id: (globalThis.__stellenwissenPwned = "js") }\n---\nText\n'],
    ['---javascript', '---javascript\nglobalThis.__stellenwissenPwned = "javascript"; ({ id: "x" })\n---\nText\n'],
    ['--- js', '--- js\n{ id: (globalThis.__stellenwissenPwned = "spaced") }\n---\nText\n'],
    ['---coffee', '---coffee\nglobalThis.__stellenwissenPwned = "coffee"\n---\nText\n'],
  ])('%s front matter is rejected without running it', (_label, text) => {
    delete g.__stellenwissenPwned;
    const fm = parseFrontMatter(text);
    expect(g.__stellenwissenPwned).toBeUndefined();
    expect(fm.data).toBeUndefined();
    expect(fm.problems).toHaveLength(1);
    expect(fm.problems[0].line).toBe(1);
  });

  it('YAML tags cannot construct functions or other JS values', () => {
    delete g.__stellenwissenPwned;
    const fm = parseFrontMatter(lines('---', 'id: !!js/function "function () { globalThis.__stellenwissenPwned = 1 }"', '---', ''));
    expect(g.__stellenwissenPwned).toBeUndefined();
    expect(fm.data?.id).toBe('function () { globalThis.__stellenwissenPwned = 1 }');
  });
});
