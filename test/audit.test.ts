import { describe, expect, it } from 'vitest';
import { addMonths, parseIsoDate } from '../src/core/dates';
import { buildCoverageIndex } from '../src/coverage/coverage';
import { formatAuditCsv } from '../src/hr/format/csv';
import { formatAuditHtml } from '../src/hr/format/html';
import { formatAuditJson } from '../src/hr/format/json';
import { formatAuditMarkdown } from '../src/hr/format/md';
import { formatAuditTable } from '../src/hr/format/table';
import { loadWiki } from '../src/core/load/load-wiki';
import { monthsBetween, runAudit, withinMonths, type AuditResult, type AuditSort } from '../src/hr/audit';
import { compareAudits, PREVIOUS_SCHEMA, readPreviousAudit, type PreviousAudit } from '../src/hr/compare';
import Ajv2020 from 'ajv/dist/2020';
import { nextSteps } from '../src/hr/actions';
import { actionText } from '../src/hr/action-texts';
import type { PostCoverage } from '../src/coverage/coverage';
import { attritionRisk, knowledgeLossRisk, positionRisk, riskLevel } from '../src/hr/risk';
import { parseRegister, type RegisterEncoding } from '../src/hr/register';
import { validateWiki } from '../src/validate/validate';
import { MINI_WIKI, overlayWiki } from './helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const d = (iso: string) => parseIsoDate(iso)!;

function audit(register: string, options: { today?: string; horizon?: number; lead?: number; encoding?: RegisterEncoding; sort?: AuditSort; files?: Record<string, string>; previous?: PreviousAudit } = {}): AuditResult {
  const root = overlayWiki(options.files ?? {});
  const wiki = loadWiki(root, root);
  const today = d(options.today ?? '2026-11-28');
  const parsed = parseRegister(register);
  expect(parsed.problems).toEqual([]);
  return runAudit(buildCoverageIndex(wiki, validateWiki(wiki, today)), parsed.rows, { today, horizon: options.horizon ?? 24, lead: options.lead ?? 6, encoding: options.encoding ?? 'utf-8', sort: options.sort, previous: options.previous });
}

const REGISTER = [
  'Stelle;Stelleninhaber;Austrittsdatum;Grund',
  'stelle-1-001;Beispiel, Anna;31.03.2027;Versetzung', // no process, no handover
  'stelle-1-002;Muster, Jens;15.12.2026;Ruhestand', // handover not complete, 17 days left
  'stelle-1-009;Probe, Eva;01.06.2027;Kündigung', // not in the wiki
  'stelle-1-002;Später, Paul;01.12.2028;Ruhestand', // beyond the 24-month horizon
].join('\n');

describe('month arithmetic', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths(d('2027-01-31'), 1)).toEqual(d('2027-02-28'));
    expect(addMonths(d('2028-01-31'), 1)).toEqual(d('2028-02-29'));
    expect(addMonths(d('2028-02-29'), 12)).toEqual(d('2029-02-28'));
    expect(addMonths(d('2026-11-30'), 3)).toEqual(d('2027-02-28'));
  });
  it('"within N months" includes the same day N months later and anything past', () => {
    expect(withinMonths(d('2028-11-28'), d('2026-11-28'), 24)).toBe(true);
    expect(withinMonths(d('2028-11-29'), d('2026-11-28'), 24)).toBe(false);
    expect(withinMonths(d('2027-02-28'), d('2027-01-31'), 1)).toBe(true);
    expect(withinMonths(d('2027-03-01'), d('2027-01-31'), 1)).toBe(false);
    expect(withinMonths(d('2020-01-01'), d('2026-11-28'), 24)).toBe(true);
  });
  it('counts whole months left, negative when past', () => {
    expect(monthsBetween(d('2026-11-28'), d('2026-12-27'))).toBe(0);
    expect(monthsBetween(d('2026-11-28'), d('2026-12-28'))).toBe(1);
    expect(monthsBetween(d('2027-01-31'), d('2027-02-28'))).toBe(1);
    expect(monthsBetween(d('2026-11-28'), d('2028-11-28'))).toBe(24);
    expect(monthsBetween(d('2026-11-28'), d('2026-09-30'))).toBe(-1);
  });
});

describe('audit', () => {
  it('flags the rows within the horizon whose post fails a check, sorted by departure', () => {
    const result = audit(REGISTER);
    expect(result.flagged.map((f) => [f.post, f.departure, f.months_left, f.coverage, f.missing])).toEqual([
      ['stelle-1-002', '2026-12-15', 0, 83, ['handover']],
      ['stelle-1-001', '2027-03-31', 4, 66, ['processes', 'handover']],
      ['stelle-1-009', '2027-06-01', 6, 0, ['profile', 'sections', 'deputies', 'processes', 'freshness']],
    ]);
    expect(result.summary).toEqual({
      register_rows: 4, within_horizon: 3, flagged: 3, secured: 0, not_in_wiki: 1, departed: 0,
      missing_by_check: { profile: 1, sections: 1, deputies: 1, processes: 2, freshness: 1, handover: 2 },
      register: { encoding: 'utf-8' },
    });
  });

  it('includes a departure exactly on the horizon day and past departures', () => {
    const result = audit('post;departure;reason\nstelle-1-001;2028-11-28;other\nstelle-1-001;2028-11-29;other\nstelle-1-001;2026-09-30;other\n');
    expect(result.flagged.map((f) => [f.departure, f.months_left])).toEqual([['2026-09-30', -1], ['2028-11-28', 24]]);
    expect(result.summary.departed).toBe(1);
  });

  it('does not flag a secured post', () => {
    const result = audit('post;departure;reason\nstelle-1-002;2028-01-01;retirement\n');
    expect(result.flagged).toEqual([]);
    expect(result.summary.secured).toBe(1);
  });

  it('prints JSON in exactly the contract shape', () => {
    const json = JSON.parse(formatAuditJson(audit(REGISTER)));
    expect(Object.keys(json)).toEqual(['today', 'horizon', 'lead', 'flagged', 'summary', 'forecast']);
    expect(json.today).toBe('2026-11-28');
    expect(json.flagged[0]).toEqual({
      post: 'stelle-1-002', holder: 'Muster, Jens', departure: '2026-12-15', departure_source: 'register', reason: 'retirement', months_left: 0, coverage: 83, missing: ['handover'],
      risk: { attrition: 5, position: 3, score: 15, level: 'medium' },
      actions: [
        { action: 'complete-handover', text: 'Übergabe „Übergabe Sachbearbeitung Anträge“ abschließen (1 Punkt offen)', due: '2026-11-28' },
        { action: 'debriefing', text: 'Wissenstransfer-Gespräche einplanen (Expert Debriefing, 3–6 Monate vor dem Austritt)', due: '2026-11-28' },
      ],
    });
    expect(Object.keys(json.flagged[0].risk)).toEqual(['attrition', 'position', 'score', 'level']);
    expect(json.summary.register).toEqual({ encoding: 'utf-8' });
  });

  it('writes CSV for German Excel: BOM, `;`, CRLF, German headers and dates', () => {
    const csv = formatAuditCsv(audit(REGISTER));
    expect(csv.startsWith('\uFEFFAustrittsdatum;Austritt laut;Monate bis Austritt;Stelle;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toContain(';Abdeckung (%);Risiko Austritt (1–5);Risiko Stelle (1–5);Risikowert (1–25);Risiko;Fehlende Prüfungen;');
    expect(lines[1]).toBe('15.12.2026;Register;0;stelle-1-002;Sachbearbeitung Anträge;fb1;Muster, Jens;Ruhestand;83;5;3;15;mittel;Übergabe offen;Übergabe nicht abgeschlossen (1 Punkt offen) — Austritt in 2 Wochen');
    // After 3 rows: a gap, the encoding, a gap, the forecast, the final CRLF.
    expect(lines.slice(4, 8)).toEqual(['', 'Register gelesen als UTF-8.', '', 'Austritte der nächsten 10 Jahre (2026–2035)']);
    expect(lines.at(-1)).toBe('');
  });

  it('keeps a formula-like holder from running in Excel', () => {
    const csv = formatAuditCsv(audit('post;holder;departure;reason\nstelle-1-001;=HYPERLINK("x");2027-01-01;other\n'));
    expect(csv).toContain(`;"'=HYPERLINK(""x"")";`);
  });

  it('writes a Markdown table', () => {
    const md = formatAuditMarkdown(audit(REGISTER));
    expect(md).toContain('| Austritt | Monate | Stelle | Bezeichnung | Fachbereich | Stelleninhaber | Grund | Abdeckung | Risiko | Es fehlt |');
    expect(md).toContain('| 01.06.2027 | 6 | `stelle-1-009` | (nicht im Wiki) |  | Probe, Eva | Kündigung | 0 % | hoch (25 = 5 × 5) | Kein Stellenprofil im Wiki |');
  });

  it('writes a plain table without colour codes unless asked', () => {
    const table = formatAuditTable(audit(REGISTER));
    expect(table).toContain('Muster, Jens');
    expect(table).not.toMatch(/\u001b\[/);
  });

  it('writes one self-contained HTML file with figures, timeline, links and plain German gaps', () => {
    const html = formatAuditHtml(audit(REGISTER), { siteUrl: 'https://intranet.example/wiki/' });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    expect(html).not.toMatch(/<(script|link|img)\b/i);
    expect(html).not.toMatch(/(src|href)="(?!https:\/\/intranet\.example\/wiki\/)/);
    expect(html).toContain('<svg');
    expect(html).toContain('<a href="https://intranet.example/wiki/fb1/stelle-1-002">Sachbearbeitung Anträge</a>');
    expect(html).toContain('<li>Übergabeprotokoll fehlt — Austritt in 4 Monaten</li>');
    expect(html).toContain('<li>Keinen Prozess dokumentiert, den die Stelle verantwortet</li>');
  });

  it('draws the timeline with one segment per quarter and coverage tone, its count in the title, however many departures', () => {
    // 250 departures in Q1 2027 on a post without processes (50–99 %), one in Q2 2027 on a post missing from the wiki (0 %).
    const rows = Array.from({ length: 250 }, (_, i) => `stelle-1-001;P${i};${String(1 + (i % 28)).padStart(2, '0')}.02.2027;Versetzung`);
    const html = formatAuditHtml(audit(['Stelle;Stelleninhaber;Austrittsdatum;Grund', ...rows, 'stelle-1-009;Q;01.06.2027;Kündigung'].join('\n')));
    const svg = html.slice(html.indexOf('<h2>Austritte je Quartal</h2>'), html.indexOf('<h2>Risikoportfolio'));
    const titles = [...svg.matchAll(/<rect [^>]*height="([^"]+)"[^>]*><title>([^<]+)<\/title>/g)].map((m) => [Number(m[1]) > 0, m[2]]);
    expect(titles).toEqual([[true, 'Q1 2027: 250 Austritte, Abdeckung 50–99 %'], [true, 'Q2 2027: 1 Austritt, Abdeckung unter 50 %']]);
    expect(svg).toContain('Abdeckung unter 50 % (schraffiert)');
  });

  it('lists the flagged rows under a heading per quarter (or risk level), in tables of at most 100 rows', () => {
    const rows = Array.from({ length: 230 }, (_, i) => `stelle-1-009;P${i};15.03.2027;Versetzung`);
    const register = ['Stelle;Stelleninhaber;Austrittsdatum;Grund', 'stelle-1-002;Muster, Jens;15.12.2026;Ruhestand', ...rows, 'stelle-1-001;Beispiel, Anna;01.04.2027;Versetzung'].join('\n');
    const html = formatAuditHtml(audit(register));
    expect([...html.matchAll(/<h3 id="(gruppe-\d+)">([^<]+)<\/h3>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['gruppe-1', 'Austritt im 4. Quartal 2026 (1)'], ['gruppe-2', 'Austritt im 1. Quartal 2027 (230)'], ['gruppe-3', 'Austritt im 2. Quartal 2027 (1)'],
    ]);
    const tables = [...html.matchAll(/<table class="flagged" aria-labelledby="(gruppe-\d+)">([\s\S]*?)<\/table>/g)];
    expect(tables.map((t) => [t[1], (t[2]!.match(/<tr><td>/g) ?? []).length])).toEqual([['gruppe-1', 1], ['gruppe-2', 100], ['gruppe-2', 100], ['gruppe-2', 30], ['gruppe-3', 1]]);
    expect(tables.every((t) => t[2]!.includes('<th>Was jetzt zu tun ist</th>'))).toBe(true);
    expect(html).toContain('.rows{content-visibility:auto}');

    const byRisk = formatAuditHtml(audit(REGISTER, { sort: 'risk' }));
    expect([...byRisk.matchAll(/<h3 id="gruppe-\d+">([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(['Risiko hoch (2)', 'Risiko mittel (1)']);
  });

  it('escapes register values in HTML', () => {
    const html = formatAuditHtml(audit('post;holder;departure;reason\nstelle-1-001;<img src=x onerror=alert(1)>;2027-01-01;other\n'));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('names the encoding read in every format', () => {
    const result = audit(REGISTER, { encoding: 'windows-1252' });
    const outputs = {
      table: formatAuditTable(result), csv: formatAuditCsv(result), md: formatAuditMarkdown(result), html: formatAuditHtml(result),
    };
    for (const [format, text] of Object.entries(outputs)) expect(text, format).toContain('Register gelesen als Windows-1252.');
    expect(JSON.parse(formatAuditJson(result)).summary.register).toEqual({ encoding: 'windows-1252' });
    expect(formatAuditTable(audit('post;departure;reason\nstelle-1-002;2029-01-01;other\n'))).toContain('Register gelesen als UTF-8.');
  });

  it('marks a departure computed from the birth date in every format', () => {
    // born 1960-03-01 → 2026-06-30: already past on 2026-11-28
    const result = audit('Stelle;Austritt;Geburtsdatum\nstelle-1-001;;1960-03-01\nstelle-1-002;15.12.2026;\n');
    expect(result.flagged.map((f) => [f.post, f.departure, f.departure_source, f.reason, f.months_left])).toEqual([
      ['stelle-1-001', '2026-06-30', 'birth_date', 'retirement', -4],
      ['stelle-1-002', '2026-12-15', 'register', 'other', 0],
    ]);
    expect(JSON.parse(formatAuditJson(result)).flagged.map((f: { departure_source: string }) => f.departure_source)).toEqual(['birth_date', 'register']);
    expect(formatAuditCsv(result)).toContain('\r\n30.06.2026;Regelaltersgrenze (aus dem Geburtsdatum);-4;stelle-1-001;');
    expect(formatAuditCsv(result)).toContain('\r\n15.12.2026;Register;0;stelle-1-002;');
    const table = formatAuditTable(result);
    expect(table).toContain('30.06.2026*');
    expect(table).not.toContain('15.12.2026*');
    expect(table).toContain('* Kein Austrittsdatum im Register: Ende des Monats, in dem die Regelaltersgrenze erreicht wird');
    const md = formatAuditMarkdown(result);
    expect(md).toContain('| 30.06.2026 * | -4 | `stelle-1-001` |');
    expect(md).toContain('\n\\* Kein Austrittsdatum im Register');
    expect(formatAuditHtml(result)).toContain('<small>bereits ausgeschieden · Regelaltersgrenze</small>');
    expect(formatAuditTable(audit(REGISTER))).not.toContain('Regelaltersgrenze');
  });
});

describe('knowledge-loss risk (contract §7)', () => {
  it('attrition: 5 up to 12 months left (or past), 4 up to 24, 3 up to 36, 2 up to 48, else 1', () => {
    const bands: Array<[number, number]> = [[-30, 5], [-1, 5], [0, 5], [12, 5], [13, 4], [24, 4], [25, 3], [36, 3], [37, 2], [48, 2], [49, 1], [120, 1]];
    for (const [months, attrition] of bands) expect(attritionRisk(months), `${months} Monate`).toBe(attrition);
  });

  it('position: criticality (high 3, medium 2, low 1, none 3) plus the gap (< 50 → 2, < 100 → 1), at most 5', () => {
    const cases: Array<[string | undefined, number, number]> = [
      ['high', 0, 5], ['high', 49, 5], ['high', 50, 4], ['high', 99, 4], ['high', 100, 3],
      ['medium', 49, 4], ['medium', 50, 3], ['medium', 99, 3], ['medium', 100, 2],
      ['low', 0, 3], ['low', 50, 2], ['low', 100, 1],
      [undefined, 0, 5], [undefined, 50, 4], [undefined, 100, 3],
    ];
    for (const [criticality, coverage, position] of cases) expect(positionRisk(criticality, coverage), `${criticality} ${coverage} %`).toBe(position);
  });

  it('level: high from 16, medium 9–15, low up to 8', () => {
    expect([1, 8, 9, 15, 16, 25].map(riskLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
    expect(knowledgeLossRisk(13, 'medium', 80)).toEqual({ attrition: 4, position: 3, score: 12, level: 'medium' });
    expect(knowledgeLossRisk(40, 'low', 100)).toEqual({ attrition: 2, position: 1, score: 2, level: 'low' });
    expect(knowledgeLossRisk(24, 'high', 50)).toEqual({ attrition: 4, position: 4, score: 16, level: 'high' });
  });

  it('each flagged row carries its risk, computed by hand from months left, criticality and coverage', () => {
    const result = audit(REGISTER);
    expect(result.flagged.map((f) => [f.post, f.risk])).toEqual([
      ['stelle-1-002', { attrition: 5, position: 3, score: 15, level: 'medium' }], // 0 months; medium 2 + 83 % → 1
      ['stelle-1-001', { attrition: 5, position: 4, score: 20, level: 'high' }], // 4 months; high 3 + 66 % → 1
      ['stelle-1-009', { attrition: 5, position: 5, score: 25, level: 'high' }], // 6 months; not in the wiki 3 + 0 % → 2
    ]);
  });

  it('takes the criticality only from a valid post article', () => {
    const register = 'post;departure;reason\nstelle-1-001;2029-06-01;retirement\n';
    const low = audit(register, { horizon: 36, files: { 'fb1/stelle-1-001.md': 'REPLACE:criticality: high=>criticality: low' } });
    expect(low.flagged[0]!.risk).toEqual({ attrition: 3, position: 2, score: 6, level: 'low' }); // 30 months; low 1 + 66 % → 1
    const broken = audit(register, { horizon: 36, files: { 'fb1/stelle-1-001.md': 'REPLACE:criticality: high=>criticality: low\nwrong: [' } });
    expect(broken.flagged[0]!.missing).toContain('profile');
    expect(broken.flagged[0]!.risk).toEqual({ attrition: 3, position: 5, score: 15, level: 'medium' }); // as if high: 3 + 0 % → 2
  });

  it('--sort risk: highest score first, equal scores by departure', () => {
    const register = [
      'post;departure;reason',
      'stelle-1-001;2028-06-01;other', // 18 months → 4; high 3 + 80 % (no handover due yet) → 1 = 4 → 16
      'stelle-1-001;2027-01-31;other', // 2 months → 5; high 3 + 66 % → 1 = 4 → 20
      'stelle-1-009;2027-06-01;other', // 6 months → 5; not in the wiki 3 + 0 % → 2 = 5 → 25
      'stelle-1-008;2027-02-01;other', // not in the wiki either → 25, earlier
    ].join('\n');
    expect(audit(register).flagged.map((f) => [f.post, f.departure])).toEqual([['stelle-1-001', '2027-01-31'], ['stelle-1-008', '2027-02-01'], ['stelle-1-009', '2027-06-01'], ['stelle-1-001', '2028-06-01']]);
    expect(audit(register, { sort: 'risk' }).flagged.map((f) => [f.post, f.risk.score, f.coverage])).toEqual([['stelle-1-008', 25, 0], ['stelle-1-009', 25, 0], ['stelle-1-001', 20, 66], ['stelle-1-001', 16, 80]]);
  });

  it('the HTML report places each flagged post in the 5 × 5 portfolio, names the posts per cell and marks the high cells', () => {
    const html = formatAuditHtml(audit(REGISTER));
    expect(html).toContain('<h2>Risikoportfolio</h2>');
    // Both 5 × 5 and 5 × 4 are high; 5 × 3 (15) is medium.
    expect(html).toContain('aria-label="Austritt 5, Stelle 5 (Wert 25, hoch): stelle-1-009"');
    expect(html).toContain('aria-label="Austritt 5, Stelle 4 (Wert 20, hoch): stelle-1-001"');
    expect(html).toContain('aria-label="Austritt 5, Stelle 3 (Wert 15, mittel): stelle-1-002"');
    expect(html.match(/tabindex="0"/g)).toHaveLength(3);
    expect(html.match(/stroke-dasharray="4 3"/g)).toHaveLength(4); // the cells scoring 16 or more: 4 × 4, 4 × 5, 5 × 4, 5 × 5
    expect(html).toContain('<tr><td>5 × 5</td><td class="num">25</td><td>hoch</td><td class="ids">stelle-1-009</td></tr>');
    expect(formatAuditHtml(audit('post;departure;reason\nstelle-1-002;2028-01-01;retirement\n'))).not.toContain('Risikoportfolio');
  });

  it('shows the level in German with its figures in table, Markdown and HTML', () => {
    const result = audit(REGISTER);
    expect(formatAuditMarkdown(result)).toContain('| hoch (20 = 5 × 4) |');
    expect(formatAuditHtml(result)).toContain('<td>mittel (15 = 5 × 3)</td>');
    const table = formatAuditTable(result);
    expect(table).toContain('Risiko');
    expect(table).toContain('hoch');
    expect(table).toContain('25 = 5×5');
  });
});

describe('ten-year departures forecast (contract §7)', () => {
  const register = [
    'post;departure;reason',
    'stelle-1-002;30.06.2025;other', // before the audit year: not counted
    'stelle-1-002;15.12.2026;retirement', // fb1, handover incomplete → not secured
    'stelle-0-001;01.01.2027;other', // readable article naming fb0 (a department the wiki lacks) → not secured
    'stelle-1-001;31.03.2027;other', // fb1, no process → not secured
    'stelle-1-009;01.06.2027;other', // no article → department null, not secured
    'stelle-1-002;01.12.2028;retirement', // beyond the horizon; no handover due yet → secured
    'stelle-1-002;01.12.2028;retirement', // the same again: counted twice
    'stelle-1-001;31.12.2035;other', // the tenth year
    'stelle-1-001;01.01.2036;other', // the eleventh: not counted
  ].join('\n');
  const elsewhere = readFileSync(join(MINI_WIKI, 'fb1/stelle-1-002.md'), 'utf8')
    .replace('id: stelle-1-002', 'id: stelle-0-001').replace('department: fb1', 'department: fb0').replace('owner: stelle-1-002', 'owner: stelle-0-001');

  it('counts every register row per year and department, ten years from the audit year, by year then department (null last)', () => {
    const result = audit(register, { files: { 'fb1/stelle-0-001.md': elsewhere } });
    expect(result.forecast).toEqual([
      { year: 2026, department: 'fb1', departures: 1, not_secured: 1 },
      { year: 2027, department: 'fb0', departures: 1, not_secured: 1 },
      { year: 2027, department: 'fb1', departures: 1, not_secured: 1 },
      { year: 2027, department: null, departures: 1, not_secured: 1 },
      { year: 2028, department: 'fb1', departures: 2, not_secured: 0 },
      { year: 2035, department: 'fb1', departures: 1, not_secured: 1 },
    ]);
  });

  it('is in every format: JSON `forecast`, a Markdown section, a CSV table below a gap, an HTML chart with its table', () => {
    const result = audit(register, { files: { 'fb1/stelle-0-001.md': elsewhere } });
    expect(JSON.parse(formatAuditJson(result)).forecast).toEqual(result.forecast);
    const md = formatAuditMarkdown(result);
    expect(md).toContain('### Austritte der nächsten 10 Jahre (2026–2035)\n\n| Jahr | Fachbereich | Austritte | davon nicht abgesichert |');
    expect(md).toContain('| 2027 | (ohne lesbares Stellenprofil) | 1 | 1 |');
    const csv = formatAuditCsv(result).slice(1).split('\r\n');
    const at = csv.indexOf('Austritte der nächsten 10 Jahre (2026–2035)');
    expect(csv.slice(at - 2, at + 3)).toEqual(['Register gelesen als UTF-8.', '', 'Austritte der nächsten 10 Jahre (2026–2035)', 'Jahr;Fachbereich;Austritte;davon nicht abgesichert', '2026;fb1;1;1']);
    const html = formatAuditHtml(result);
    expect(html).toContain('<h2>Austritte der nächsten 10 Jahre (2026–2035)</h2>');
    expect(html).toMatch(/<svg[^>]+role="img" aria-label="Austritte je Jahr 2026 bis 2035: 7, davon 5 nicht abgesichert; Zahlen in der Tabelle darunter"/);
    expect(html).toContain('<title>2028: 2 Austritte, davon 0 nicht abgesichert</title>');
    expect(html).toContain('<tr><td>2027</td><td>fb0</td><td class="num">1</td><td class="num">1</td></tr>');
  });

  it('says so when the register has no departures in those years', () => {
    const result = audit('post;departure;reason\nstelle-1-002;2040-01-01;retirement\n');
    expect(result.forecast).toEqual([]);
    expect(formatAuditMarkdown(result)).toContain('Keine Austritte im Register für diese Jahre.');
    expect(formatAuditHtml(result)).toContain('<p>Keine Austritte im Register für diese Jahre.</p>');
  });
});

describe('trend between audits (--compare, contract §7)', () => {
  const row = (post: string, departure: string, coverage: number) => ({ post, departure, coverage, missing: ['handover'] });

  it('new, resolved and changed coverage, each by post id; a post in several rows counts with its earliest departure', () => {
    const previous = { today: '2026-10-28', flagged: [row('stelle-2-001', '2027-01-01', 50), row('stelle-1-005', '2027-02-01', 66), row('stelle-3-001', '2027-03-01', 0), row('stelle-2-001', '2026-12-01', 40)] };
    const current = [row('stelle-2-001', '2026-12-01', 60), row('stelle-3-001', '2027-03-01', 0), row('stelle-1-009', '2027-06-01', 0), row('stelle-1-008', '2027-05-01', 0), row('stelle-2-001', '2027-01-01', 80)];
    expect(compareAudits(previous, current)).toEqual({
      new: ['stelle-1-008', 'stelle-1-009'],
      resolved: ['stelle-1-005'],
      coverage: [{ post: 'stelle-2-001', before: 40, after: 60 }],
    });
  });

  it('adds `changes` to the JSON and a section to every report', () => {
    const before = JSON.parse(formatAuditJson(audit('post;departure;reason\nstelle-1-001;2027-03-31;other\nstelle-1-005;2027-01-01;other\n', { today: '2026-10-28' })));
    const result = audit(REGISTER, { previous: readPreviousAudit(JSON.stringify(before), 'vorher.json') });
    const json = JSON.parse(formatAuditJson(result));
    expect(Object.keys(json)).toEqual(['today', 'horizon', 'lead', 'flagged', 'summary', 'forecast', 'changes']);
    expect(json.changes).toEqual({ new: ['stelle-1-002', 'stelle-1-009'], resolved: ['stelle-1-005'], coverage: [] });
    expect(formatAuditMarkdown(result)).toContain('### Veränderung seit der Auswertung vom 28.10.2026\n\n- **Neu nicht abgesichert:** stelle-1-002, stelle-1-009\n- **Nicht mehr auffällig:** stelle-1-005\n- **Abdeckung geändert:** keine');
    expect(formatAuditHtml(result)).toContain('<dt>Nicht mehr auffällig</dt><dd>stelle-1-005</dd>');
    expect(formatAuditTable(result)).toContain('  Neu nicht abgesichert: stelle-1-002, stelle-1-009');
    const csv = formatAuditCsv(result).split('\r\n');
    expect(csv.slice(csv.indexOf('Veränderung seit der Auswertung vom 28.10.2026'))).toEqual([
      'Veränderung seit der Auswertung vom 28.10.2026', 'Veränderung;Stelle;Abdeckung vorher (%);Abdeckung jetzt (%)',
      'Neu nicht abgesichert;stelle-1-002;;', 'Neu nicht abgesichert;stelle-1-009;;', 'Nicht mehr auffällig;stelle-1-005;;', '',
    ]);
    expect(JSON.parse(formatAuditJson(audit(REGISTER))).changes).toBeUndefined();
  });

  it('reads the earlier audit with a schema valid under JSON Schema 2020-12 (checked here, not at every run)', () => {
    const ajv = new Ajv2020({ strict: true });
    expect(ajv.validateSchema(PREVIOUS_SCHEMA), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('refuses a file that is no earlier audit, in one German line', () => {
    for (const [text, why] of [
      ['post;departure\nstelle-1-001;2027-01-01', /kein gültiges JSON/],
      ['{}', /keine Auswertung/],
      [JSON.stringify({ today: '2026-10-28', horizon: 24, lead: 6, summary: {}, flagged: [{ post: 'x', departure: '2027-01-01', missing: [] }] }), /keine Auswertung \(Feld bei \/flagged\/0 fehlt/],
    ] as const) {
      expect(() => readPreviousAudit(text, 'alt.json'), text).toThrow(why);
      expect(() => readPreviousAudit(text, 'alt.json')).toThrow(/^--compare alt\.json: .* – erwartet wird die JSON-Ausgabe einer früheren Auswertung \(npm run audit -- --format json\)\.$/);
    }
  });
});

describe('what to do now (actions)', () => {
  const ref = (id: string, title: string) => ({ id, title, path: `fb1/${id}` });
  const coverage = (gaps: PostCoverage['gaps']): PostCoverage => ({
    post: 'stelle-1-001', article: ref('stelle-1-001', 'Leitung'), department: 'fb1', criticality: 'high', checks: {} as PostCoverage['checks'], gaps, coverage: 50, missing: [],
  });
  const today = d('2026-11-28');

  it('one step per gap, in German, the documentation due when the handover period starts', () => {
    const steps = nextSteps(coverage([
      { check: 'sections', kind: 'incomplete', sections: ['Vertretung'], placeholders: 2 },
      { check: 'deputies', kind: 'none' },
      { check: 'processes', kind: 'single-performer', process: ref('antrag-bearbeiten', 'Antrag bearbeiten') },
      { check: 'freshness', kind: 'stale', article: ref('stelle-1-001', 'Leitung'), due: '2026-06-01' },
    ]), d('2028-06-01'), today, 6);
    expect(steps.map((s) => [s.action, actionText(s), s.due])).toEqual([
      ['complete-profile', 'Stellenprofil vervollständigen: Abschnitt „Vertretung“ ausfüllen, 2 Platzhalter (TODO:) ersetzen', '2027-12-01'],
      ['name-deputy', 'Vertretung benennen und im Stellenprofil eintragen (deputies)', '2027-12-01'],
      ['second-performer', 'Zweite ausführende Stelle für Prozess „Antrag bearbeiten“ einarbeiten und unter performers eintragen', '2027-12-01'],
      ['review', 'Überprüfung von „Leitung“ nachholen: npm run review -- stelle-1-001', '2027-12-01'],
      ['debriefing', 'Wissenstransfer-Gespräche einplanen (Expert Debriefing, 3–6 Monate vor dem Austritt)', '2027-12-01'],
    ]);
  });

  it('the handover is due one month before the departure; a deadline already past is today; no talks after the departure', () => {
    const handover = nextSteps(coverage([{ check: 'handover', kind: 'missing', departure: '2027-03-31', daysLeft: 123 }]), d('2027-03-31'), today, 6);
    expect(handover.map((s) => [s.action, s.due])).toEqual([['debriefing', '2026-11-28'], ['create-handover', '2027-02-28']]);
    expect(actionText(handover[1]!)).toBe('Übergabeprotokoll anlegen und abschließen: npm run new -- handover --id uebergabe-stelle-1-001 --department fb1 --post stelle-1-001');
    const past = nextSteps(coverage([{ check: 'profile', kind: 'missing' }]), d('2026-09-30'), today, 6);
    expect(past.map((s) => [s.action, s.due])).toEqual([['create-profile', '2026-11-28']]);
    const talks = nextSteps(coverage([]), d('2027-06-15'), today, 6);
    expect(talks).toEqual([{ action: 'debriefing', due: '2026-12-15' }]);
  });

  it('shows the steps with their deadlines in the Markdown and HTML reports', () => {
    const result = audit(REGISTER);
    const md = formatAuditMarkdown(result);
    expect(md).toContain('### Was jetzt zu tun ist');
    expect(md).toContain('1. Stellenprofil anlegen: `npm run new -- post --id stelle-1-009 --department FB` – bis 01.12.2026');
    const html = formatAuditHtml(result);
    expect(html).toContain('<th>Was jetzt zu tun ist</th>');
    expect(html).toContain('<li>Übergabeprotokoll anlegen und abschließen: <code>npm run new -- handover --id uebergabe-stelle-1-001 --department fb1 --post stelle-1-001</code> – <strong>bis 28.02.2027</strong></li>');
  });
});
