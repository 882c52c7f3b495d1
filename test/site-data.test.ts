import { describe, expect, it } from 'vitest';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseIsoDate } from '../src/core/dates';
import { validateWiki } from '../src/validate/validate';
import { buildSiteData } from '../src/plugin/site-data';
import { overlayWiki } from './helpers';

function siteData(files: Record<string, string> = {}, today = '2026-11-28') {
  const root = overlayWiki(files);
  const wiki = loadWiki(root, root);
  const date = parseIsoDate(today)!;
  return buildSiteData(wiki, validateWiki(wiki, date), date, '/wiki/');
}

describe('site data for cards and dashboards', () => {
  it('post card: deputies with titles, owned and performed processes, systems, coverage without any departure', () => {
    const { cards } = siteData();
    expect(cards['stelle-1-002']).toMatchObject({
      type: 'post',
      criticality: 'medium',
      deputies: [{ id: 'stelle-1-001', title: 'Leitung Beispielamt', permalink: '/wiki/fb1/stelle-1-001' }],
      owns: [{ id: 'antrag-bearbeiten', title: 'Antrag bearbeiten', permalink: '/wiki/fb1/antrag-bearbeiten' }],
      performs: [],
      stale: false,
      coverage: 100,
      gaps: [],
    });
    expect(cards['stelle-1-002'].type === 'post' && cards['stelle-1-002'].checks.handover).toBe('n/a');
    expect(cards['stelle-1-001']).toMatchObject({ performs: [{ id: 'antrag-bearbeiten' }], systems: ['e-Akte'], coverage: 80, gaps: ['Keinen Prozess dokumentiert, den die Stelle verantwortet'] });
  });

  it('post card shows a stale review', () => {
    const { cards } = siteData({}, '2027-06-02');
    expect(cards['stelle-1-002']).toMatchObject({ stale: true, due: '2027-06-01' });
  });

  it('process card: owner, performers, frequency, LeiKa, legal basis, digital status and bundle', () => {
    expect(siteData().cards['antrag-bearbeiten']).toEqual({
      type: 'process',
      owner: { id: 'stelle-1-002', title: 'Sachbearbeitung Anträge', permalink: '/wiki/fb1/stelle-1-002', department: 'fb1' },
      performers: [{ id: 'stelle-1-001', title: 'Leitung Beispielamt', permalink: '/wiki/fb1/stelle-1-001', department: 'fb1' }],
      frequency: 'daily',
      leika: '99000000000001',
      legalBasis: ['§ 1 Beispielgesetz'],
      systems: [],
      // No effort estimated: the plan says so on the card.
      digital: { status: 'partial', bundle: '2027-H1', problems: ['no-effort'] },
      reviewed: '2026-06-01',
      stale: false,
    });
  });

  it('handover card: post, status, due date and checklist progress', () => {
    expect(siteData().cards['uebergabe-stelle-1-002']).toMatchObject({
      type: 'handover', post: { id: 'stelle-1-002' }, status: 'in-progress', due: '2027-01-31', done: 1, total: 2,
    });
  });

  it('department card: its posts with coverage and its processes', () => {
    const card = siteData().cards.fb1;
    expect(card.type).toBe('department');
    if (card.type !== 'department') return;
    expect(card.posts.map((p) => [p.id, p.coverage, p.missing])).toEqual([['stelle-1-001', 80, ['processes']], ['stelle-1-002', 100, []]]);
    expect(card.processes.map((p) => [p.id, p.owner?.id, p.digital, p.bundle])).toEqual([['antrag-bearbeiten', 'stelle-1-002', 'partial', '2027-H1']]);
    // Its part of the plan: no capacity, no DigiCheck yet.
    expect(card.plan).toEqual({ capacity: null, digicheck: null, digicheckDue: null, problems: ['no-digicheck'] });
  });

  it('department card and /digitalisierung carry the plan: capacity, DigiCheck and its due date, an overloaded bundle', () => {
    const { cards, digital } = siteData({
      'fb1/index.md': 'REPLACE:reviewed: 2026-06-01\n=>reviewed: 2026-06-01\ndigital_capacity: 5\ndigicheck: 2024-11-01\n',
      'fb1/antrag-bearbeiten.md': 'REPLACE:  bundle: 2027-H1\n=>  bundle: 2027-H1\n  effort: 6\n',
    });
    const card = cards.fb1!;
    if (card.type !== 'department') throw new Error('no department card');
    expect(card.plan).toEqual({ capacity: 5, digicheck: '2024-11-01', digicheckDue: '2026-11-01', problems: ['overloaded', 'digicheck-due'] });
    expect(digital.overloaded).toEqual({ '2027-H1 fb1': { effort: 6, capacity: 5 } });
    expect(digital.departments).toEqual([expect.objectContaining({ id: 'fb1', capacity: 5, digicheck: '2024-11-01', problems: ['overloaded', 'digicheck-due'] })]);
    expect(digital.processes).toEqual([expect.objectContaining({ id: 'antrag-bearbeiten', effort: 6, problems: [] })]);
    expect(digital.burnUpSvg).toMatch(/^<svg [^>]*role="img" aria-label="Burn-up des Digitalisierungsplans, 2026-H2 bis 2027-H1/);
  });

  it('coverage dashboard: per department, per post (lowest first) and overdue reviews', () => {
    const { coverage } = siteData({ 'fb1/anleitung-ablage.md': 'REPLACE:reviewed: 2026-06-01=>reviewed: 2025-01-15' });
    expect(coverage.departments).toEqual([expect.objectContaining({ id: 'fb1', posts: 2, secured: 1, average: 90, withoutDeputy: 0, singlePerformer: 1 })]);
    expect(coverage.posts.map((p) => p.id)).toEqual(['stelle-1-001', 'stelle-1-002']);
    expect(coverage.overdue).toEqual([expect.objectContaining({ id: 'anleitung-ablage', type: 'guide', reviewed: '2025-01-15', due: '2026-01-15' })]);
    expect(JSON.stringify(coverage)).not.toMatch(/holder|departure|Austritt/);
  });

  it('digital plan: every half-year bundle 2025-H1 … 2034-H2 and the share digital or online per department', () => {
    const { digital } = siteData({ 'fb1/antrag-bearbeiten.md': 'REPLACE:status: partial=>status: online' });
    expect(digital.bundles).toHaveLength(20);
    expect(digital.bundles[0]).toBe('2025-H1');
    expect(digital.bundles.at(-1)).toBe('2034-H2');
    expect(digital.departments).toEqual([expect.objectContaining({ id: 'fb1', processes: 1, digitalOrOnline: 1, share: 100 })]);
    expect(digital.processes).toEqual([expect.objectContaining({ id: 'antrag-bearbeiten', status: 'online', bundle: '2027-H1', departmentTitle: 'Fachbereich 1 – Beispielamt' })]);
  });
});
