import { describe, expect, it } from 'vitest';
import { hitRateGoals } from '../src/bench/cache-hit-rate';
import { mainJsGoal } from '../src/bench/builds';
import { median, runsText } from '../src/bench/measure';
import { benchReport, decimal, goalList, kilobytes, measurementTable, megabytes, met, percent, seconds, verdict } from '../src/bench/report';

describe('bench report: numbers', () => {
  it('median of odd and even counts, unsorted input left as it was', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('German number formats', () => {
    expect(seconds(1.234)).toBe('1.23 s');
    expect(seconds(12.34)).toBe('12.3 s');
    expect(decimal(0.92, 2)).toBe('0,92');
    expect(decimal(25.04, 1)).toBe('25,0');
    expect(kilobytes(460 * 1024 + 300)).toBe('460 KB');
    expect(megabytes(undefined)).toBe('–');
    expect(megabytes(329 * 1024 ** 2)).toBe('329 MB');
    expect(megabytes(1.9 * 1024 ** 3)).toBe('1.90 GB');
    expect(percent(1)).toBe('100,0 %');
    expect(percent(0.975)).toBe('97,5 %');
    expect(runsText(1)).toBe('1 Lauf');
    expect(runsText(3)).toBe('3 Läufe');
  });
});

describe('bench report: goals', () => {
  it('a verdict only at the size the goal is set for', () => {
    expect(met(true)).toBe('erfüllt');
    expect(met(false)).toBe('NICHT erfüllt');
    expect(verdict(true, 10_000, 10_000)).toBe('erfüllt');
    expect(verdict(false, 10_000, 10_000)).toBe('NICHT erfüllt');
    expect(verdict(true, 10_000, 200)).toBe('Ziel gilt bei 10.000 Artikeln');
  });

  it('cache hit rate: 100 % meets the goal, anything less does not; the control must be 0 %', () => {
    const all = { module: 'src/hr/format/html.ts', fromCache: 200, files: 200 };
    const none = { module: 'src/core/markdown/remark.ts', fromCache: 0, files: 200 };
    const [goal, control] = hitRateGoals(all, none);
    expect(goal).toBe('Analyse-Cache nach Änderung an einem Berichtsmodul (src/hr/format/html.ts): 200 von 200 Analysen aus dem Cache = 100,0 % (Ziel 100 %): erfüllt');
    expect(control).toMatch(/\(src\/core\/markdown\/remark\.ts\): 0 von 200 Analysen aus dem Cache = 0,0 % \(erwartet 0 %\): bestätigt$/);

    const [missed, leaky] = hitRateGoals({ ...all, fromCache: 199 }, { ...none, fromCache: 200 });
    expect(missed).toMatch(/199 von 200 Analysen aus dem Cache = 99,5 % \(Ziel 100 %\): NICHT erfüllt$/);
    expect(leaky).toMatch(/= 100,0 % \(erwartet 0 %\): NICHT bestätigt/);
    // An empty wiki proves nothing: neither the goal nor the control holds.
    const [emptyGoal, emptyControl] = hitRateGoals({ ...all, fromCache: 0, files: 0 }, { ...none, files: 0 });
    expect(emptyGoal).toMatch(/NICHT erfüllt$/);
    expect(emptyControl).toMatch(/NICHT bestätigt/);
  });
});

describe('bench report: Markdown', () => {
  const rows = [
    { what: 'npm run validate', times: [2, 1, 3], peakRss: 300 * 1024 ** 2 },
    { what: 'npm run build', times: [60.04] },
  ];

  it('the table: median, range and peak memory per row', () => {
    expect(measurementTable(rows).split('\n')).toEqual([
      '| Messung | Median | Min–Max | Spitzen-RSS |',
      '|---|---:|---:|---:|',
      '| npm run validate | 2.00 s | 1.00 s – 3.00 s | 300 MB |',
      '| npm run build | 60.0 s | 60.0 s – 60.0 s | – |',
    ]);
  });

  it('goal lines as a list after a blank line, nothing without goals', () => {
    expect(goalList([])).toEqual([]);
    expect(goalList(['a', 'b'])).toEqual(['', '- a', '- b']);
  });

  it('the whole report in its order: heading, table, sections, notes, goals', () => {
    const text = benchReport({ title: 'Messung: 200 Artikel', rows: rows.slice(0, 1), sections: ['| Suche |', ''], notes: ['- Umgebung: x'], goals: ['Ziel y: erfüllt'] });
    expect(text).toBe([
      '## Messung: 200 Artikel',
      '',
      '| Messung | Median | Min–Max | Spitzen-RSS |',
      '|---|---:|---:|---:|',
      '| npm run validate | 2.00 s | 1.00 s – 3.00 s | 300 MB |',
      '',
      '| Suche |',
      '',
      '- Umgebung: x',
      '',
      '- Ziel y: erfüllt',
      '',
    ].join('\n'));
    expect(benchReport({ title: 't', rows: [], sections: [], notes: ['- n'], goals: [] }).endsWith('- n\n')).toBe(true);
  });
});

describe('the main.js goal line (issue 15)', () => {
  const ours = { file: 'assets/js/main.a.js', bytes: 1_050_000, gzipBytes: 230_000 };
  const plain = { file: 'assets/js/main.b.js', bytes: 1_000_000, gzipBytes: 200_000 };
  it('compares raw and gzip with plain Docusaurus and judges only at 1,000 and 5,000 articles', () => {
    expect(mainJsGoal(ours, { ...plain, gzipBytes: 220_000 }, 1000)).toBe(
      'main.js: Projekt 1025 KB roh / 225 KB gzip, reines Docusaurus 977 KB roh / 215 KB gzip = 1,05× roh, 1,05× gzip (Ziel ≤ 1,1× bei 1.000 und 5.000 Artikeln): erfüllt');
    expect(mainJsGoal(ours, plain, 5000)).toMatch(/= 1,05× roh, 1,15× gzip .*: NICHT erfüllt$/);
    expect(mainJsGoal(ours, plain, 200)).toMatch(/: Ziel gilt bei 1\.000 und 5\.000 Artikeln$/);
    expect(mainJsGoal(ours, undefined, 1000)).toBe('main.js: 1025 KB roh / 225 KB gzip (Vergleich mit reinem Docusaurus nur ohne --skip-baseline)');
  });
});
