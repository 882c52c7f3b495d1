import { describe, expect, it } from 'vitest';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseIsoDate } from '../src/core/dates';
import { buildCoverageIndex, isUsable } from '../src/coverage/coverage';
import { validateWiki } from '../src/validate/validate';
import { buildPlan, hasProblems, type Plan } from '../src/plan/plan';
import { planJson } from '../src/plan/format/json';
import { bundleEnded, bundleRange, bundleSpan } from '../src/plan/bundles';
import { burnUp } from '../src/plan/burn-up';
import { overlayWiki } from './helpers';

/** A process in fb1 (owner stelle-1-002); `digital` as YAML lines, or none. */
function process(id: string, digital: string | undefined, performers = '[stelle-1-001]', department = 'fb1'): string {
  return `---\nid: ${id}\ntype: process\ntitle: Prozess ${id}\ndepartment: ${department}\nowner: ${department === 'fb1' ? 'stelle-1-002' : 'stelle-2-001'}\nperformers: ${performers}\nfrequency: monthly\n${digital === undefined ? '' : `digital:\n${digital}\n`}reviewed: 2026-06-01\n---\n\n## Zweck\n\nText.\n\n## Ablauf\n\nText.\n\n## Rechtsgrundlagen\n\nText.\n\n## Sonderfälle\n\nText.\n`;
}

/** The mini wiki's department fb1 with these plan keys. */
function department(keys: string): string {
  return `REPLACE:reviewed: 2026-06-01\n=>reviewed: 2026-06-01\n${keys}\n`;
}

function plan(files: Record<string, string>, today: string): Plan {
  const root = overlayWiki(files);
  const wiki = loadWiki(root, root);
  const date = parseIsoDate(today)!;
  const index = buildCoverageIndex(wiki, validateWiki(wiki, date));
  return buildPlan(wiki, date, (a) => isUsable(index, a));
}

describe('bundles (§8): H1 is 1 January–30 June, H2 1 July–31 December', () => {
  it('spans, the end as a boundary and ranges', () => {
    expect(bundleSpan('2027-H1')).toEqual({ start: { year: 2027, month: 1, day: 1 }, end: { year: 2027, month: 6, day: 30 } });
    expect(bundleSpan('2027-H2')).toEqual({ start: { year: 2027, month: 7, day: 1 }, end: { year: 2027, month: 12, day: 31 } });
    expect(bundleEnded('2026-H1', parseIsoDate('2026-06-30')!)).toBe(false);
    expect(bundleEnded('2026-H1', parseIsoDate('2026-07-01')!)).toBe(true);
    expect(bundleEnded('2026-H2', parseIsoDate('2026-12-31')!)).toBe(false);
    expect(bundleEnded('2026-H2', parseIsoDate('2027-01-01')!)).toBe(true);
    expect(bundleRange('2026-H2', '2028-H1')).toEqual(['2026-H2', '2027-H1', '2027-H2', '2028-H1']);
  });
});

describe('npm run plan: the JSON of §8', () => {
  const files = {
    'fb1/index.md': department('digital_capacity: 10\ndigicheck: 2024-12-02'),
    'fb2/index.md': '---\nid: fb2\ntype: department\ntitle: Fachbereich 2\ndepartment: fb2\nowner: stelle-2-001\nreviewed: 2026-06-01\ndigicheck: 2026-01-15\ndigicheck_months: 12\n---\n\n## Aufgaben des Fachbereichs\n\nText.\n',
    'fb2/stelle-2-001.md': 'COPY:fb1/stelle-1-001.md',
    'fb3/index.md': '---\nid: fb3\ntype: department\ntitle: Fachbereich 3\ndepartment: fb3\nowner: stelle-1-001\nreviewed: 2026-06-01\ndigital_capacity: 0\n---\n\n## Aufgaben des Fachbereichs\n\nText.\n',
    // The mini wiki's process: partial, 2027-H1, a performer, no effort.
    'fb1/a-ende-heute.md': process('a-ende-heute', '  status: analog\n  bundle: 2026-H2\n  effort: 6'),
    'fb1/b-fertig.md': process('b-fertig', '  status: online\n  bundle: 2026-H1\n  effort: 50', '[]'),
    'fb1/c-allein.md': process('c-allein', '  status: partial\n  bundle: 2026-H2\n  effort: 4', '[stelle-1-002]'),
    'fb1/d-ohne-digital.md': process('d-ohne-digital', undefined),
    'fb1/e-ungueltig.md': process('e-ungueltig', '  status: halb'),
    'fb1/f-ohne-buendel.md': process('f-ohne-buendel', '  status: partial\n  effort: 3', '[]'),
    'fb2/g-fremd.md': process('g-fremd', '  status: analog\n  bundle: 2027-H1\n  effort: 2', '[stelle-9-999]', 'fb2'),
  };

  it('at every boundary on the check date 2026-12-31: a bundle ending today, capacity exactly reached, capacity 0, no performer, no digital', () => {
    const p = plan(files, '2026-12-31');
    expect(planJson(p)).toEqual({
      today: '2026-12-31',
      bundles: [
        { bundle: '2026-H1', processes: 1, done: 1, effort: 0, departments: [{ department: 'fb1', processes: 1, done: 1, effort: 0, capacity: 10, overloaded: false }] },
        // 6 + 4 = 10 person-days against a capacity of 10: reached, not exceeded.
        { bundle: '2026-H2', processes: 2, done: 0, effort: 10, departments: [{ department: 'fb1', processes: 2, done: 0, effort: 10, capacity: 10, overloaded: false }] },
        {
          bundle: '2027-H1', processes: 2, done: 0, effort: 2, departments: [
            { department: 'fb1', processes: 1, done: 0, effort: 0, capacity: 10, overloaded: false },
            { department: 'fb2', processes: 1, done: 0, effort: 2, capacity: null, overloaded: false },
          ],
        },
      ],
      processes: [
        { id: 'b-fertig', department: 'fb1', status: 'online', bundle: '2026-H1', effort: 50, problems: [] },
        { id: 'a-ende-heute', department: 'fb1', status: 'analog', bundle: '2026-H2', effort: 6, problems: [] },
        { id: 'c-allein', department: 'fb1', status: 'partial', bundle: '2026-H2', effort: 4, problems: ['knowledge-at-risk'] },
        { id: 'antrag-bearbeiten', department: 'fb1', status: 'partial', bundle: '2027-H1', effort: null, problems: ['no-effort'] },
        { id: 'g-fremd', department: 'fb2', status: 'analog', bundle: '2027-H1', effort: 2, problems: ['knowledge-at-risk'] },
        { id: 'd-ohne-digital', department: 'fb1', status: null, bundle: null, effort: null, problems: ['unplanned'] },
        { id: 'f-ohne-buendel', department: 'fb1', status: 'partial', bundle: null, effort: 3, problems: ['unplanned'] },
      ],
      departments: [
        // DigiCheck 2024-12-02 + 24 months = 2026-12-02, before 2026-12-31: due.
        { id: 'fb1', processes: 6, done: 1, share: 16, capacity: 10, digicheck: '2024-12-02', problems: ['digicheck-due'] },
        // 2026-01-15 + 12 months = 2027-01-15: not yet.
        { id: 'fb2', processes: 1, done: 0, share: 0, capacity: null, digicheck: '2026-01-15', problems: [] },
        // Capacity 0 is set; no processes: share 0.
        { id: 'fb3', processes: 0, done: 0, share: 0, capacity: 0, digicheck: null, problems: ['no-digicheck'] },
      ],
      summary: {
        processes: 7, done: 1, share: 14, effort: 15, departments: 3, bundles: 3, overloaded_bundles: 0,
        problems: { overdue: 0, unplanned: 2, 'no-effort': 1, 'knowledge-at-risk': 2, overloaded: 0, 'no-digicheck': 1, 'digicheck-due': 1 },
      },
    });
    expect(hasProblems(p)).toBe(true);
  });

  it('a day later the 2026-H2 bundle has ended: its processes not done are overdue, problems in the order of §8', () => {
    const p = plan(files, '2027-01-01');
    expect(p.processes.find((x) => x.id === 'a-ende-heute')!.problems).toEqual(['overdue']);
    expect(p.processes.find((x) => x.id === 'c-allein')!.problems).toEqual(['overdue', 'knowledge-at-risk']);
    // Done before its bundle ended: never overdue, no effort counted, no performer needed.
    expect(p.processes.find((x) => x.id === 'b-fertig')!.problems).toEqual([]);
  });

  it('one person-day over the capacity makes the bundle and its department overloaded; capacity 0 is exceeded by any effort', () => {
    const over = plan({ ...files, 'fb1/c-allein.md': process('c-allein', '  status: partial\n  bundle: 2026-H2\n  effort: 5') }, '2026-12-02');
    const h2 = over.bundles.find((b) => b.bundle === '2026-H2')!;
    expect(h2.departments).toEqual([{ department: 'fb1', processes: 2, done: 0, effort: 11, capacity: 10, overloaded: true }]);
    // 2024-12-02 + 24 months = 2026-12-02, the check date itself: not yet due.
    expect(over.departments[0]!.problems).toEqual(['overloaded']);
    expect(over.summary.overloaded_bundles).toBe(1);
    expect(over.summary.problems.overloaded).toBe(1);
    const zero = plan({ ...files, 'fb3/h.md': process('h', '  status: analog\n  bundle: 2027-H2\n  effort: 1', '[stelle-1-001]', 'fb3').replace('owner: stelle-2-001', 'owner: stelle-1-002') }, '2026-12-02');
    expect(zero.bundles.find((b) => b.bundle === '2027-H2')!.departments).toEqual([{ department: 'fb3', processes: 1, done: 0, effort: 1, capacity: 0, overloaded: true }]);
    expect(zero.departments.find((d) => d.id === 'fb3')!.problems).toEqual(['overloaded', 'no-digicheck']);
  });

  it('a wiki whose processes are all done, planned and shared, and whose DigiChecks are current, has no problem', () => {
    const p = plan({ 'fb1/index.md': department('digicheck: 2026-01-01'), 'fb1/antrag-bearbeiten.md': 'REPLACE:status: partial=>status: digital' }, '2026-12-02');
    expect(hasProblems(p)).toBe(false);
    expect(p.summary).toMatchObject({ processes: 1, done: 1, share: 100, effort: 0 });
  });

  it('the burn-up: planned share per half-year from the first bundle to the last, today at the current half-year', () => {
    const curve = burnUp(plan(files, '2026-12-31'));
    expect(curve.points).toEqual([
      { bundle: '2026-H1', planned: 14 },
      { bundle: '2026-H2', planned: 42 },
      { bundle: '2027-H1', planned: 71 },
    ]);
    expect(curve.today).toEqual({ bundle: '2026-H2', share: 14 });
  });
});
