import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWiki, OUTPUT_LAYOUT, REFERENCE_DATE, writeGeneratedWiki } from '../src/bench/generate';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseIsoDate } from '../src/core/dates';
import { parseRegister } from '../src/hr/register';
import { validateWiki } from '../src/validate/validate';
import { ROOT, tempDir } from './helpers';

function cli(script: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const wiki = generateWiki({ articles: 200, seed: 7 });
let written: string | undefined;
/** The generated wiki on disk, written once for all tests that need it. */
function writtenWiki(): string {
  if (!written) {
    written = tempDir();
    writeGeneratedWiki(written, wiki);
  }
  return written;
}

describe('the benchmark wiki generator', () => {
  it('is deterministic: the same seed gives identical files, another seed different ones', () => {
    const again = generateWiki({ articles: 200, seed: 7 });
    expect([...again.files.entries()]).toEqual([...wiki.files.entries()]);
    expect(again.register).toBe(wiki.register);
    expect(again.staff).toBe(wiki.staff);
    const other = generateWiki({ articles: 200, seed: 8 });
    expect(other.register).not.toBe(wiki.register);
    const differing = [...other.files.entries()].filter(([path, text]) => wiki.files.get(path) !== text);
    expect(differing.length).toBeGreaterThan(150);
  });

  it('writes the type mix of the brief for N=200', () => {
    expect(wiki.files.size).toBe(200);
    expect(wiki.manifest.counts).toEqual({ department: 2, post: 70, process: 90, handover: 10, guide: 28 });
    const types = new Map<string, number>();
    for (const text of wiki.files.values()) {
      const type = /^type: (\w+)$/m.exec(text)![1]!;
      types.set(type, (types.get(type) ?? 0) + 1);
    }
    expect(Object.fromEntries(types)).toEqual(wiki.manifest.counts);
    const all = [...wiki.files.values()].join('\n');
    expect(all).toContain('```mermaid');
    expect(all).toMatch(/^- \[x\] /m);
    expect(all).toMatch(/^\|---\|---\|$/m);
    expect(all).toContain('deputies: []');
    expect(all).toContain('performers: []');
    expect(all).not.toContain('TODO:');
  });

  it('averages 3.5–5.5 KB per article', () => {
    const bytes = [...wiki.files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const average = bytes / wiki.files.size;
    expect(average).toBeGreaterThan(3500);
    expect(average).toBeLessThan(5500);
  });

  it('validates without errors; the only findings are the designed overdue reviews and the plan\'s hints (bundles ended or over capacity)', () => {
    const docs = join(writtenWiki(), OUTPUT_LAYOUT.docs);
    const result = validateWiki(loadWiki(docs, docs), parseIsoDate(REFERENCE_DATE)!);
    expect(result.errors).toBe(0);
    expect(result.findings.every((f) => (f.rule === 'stale' || f.rule === 'plan') && f.severity === 'warning')).toBe(true);
    expect(result.findings.filter((f) => f.rule === 'stale').map((f) => f.file).sort()).toEqual(wiki.manifest.stale);
    expect(result.findings.some((f) => f.rule === 'plan' && f.message.includes('überlastet'))).toBe(true);
    expect(wiki.manifest.stale.length).toBeGreaterThan(10);
  });

  it('writes a register of N/5 fictional rows that the audit reads and partly flags', () => {
    expect(wiki.register.startsWith('\uFEFFStelle;Stelleninhaber;Austrittsdatum;Grund\r\n')).toBe(true);
    const register = parseRegister(wiki.register);
    expect(register.problems).toEqual([]);
    expect(register.rows).toHaveLength(40);
    expect(register.rows.every((row) => /^Person \d{4}$/.test(row.holder))).toBe(true);

    const out = writtenWiki();
    const { code, stdout, stderr } = cli('scripts/audit.ts', [
      '--register', join(out, OUTPUT_LAYOUT.register), '--docs', join(out, OUTPUT_LAYOUT.docs), '--today', REFERENCE_DATE, '--format', 'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { flagged: Array<{ missing: string[] }> };
    expect(report.flagged.length).toBeGreaterThan(0);
    expect(report.flagged.length).toBeLessThan(40);
    const missing = new Set(report.flagged.flatMap((row) => row.missing));
    for (const check of ['deputies', 'processes', 'freshness', 'handover']) expect(missing).toContain(check);
  });

  it('writes a staff export of N/2 rows with birth dates: every post once, most departures from the birth date', () => {
    expect(wiki.staff.startsWith('\uFEFFStelle;Name;Geburtsdatum;Austrittsdatum;Grund\r\n')).toBe(true);
    const staff = parseRegister(wiki.staff);
    expect(staff.problems).toEqual([]);
    expect(staff.rows).toHaveLength(100);
    expect(wiki.manifest.staffRows).toBe(100);
    const posts = [...wiki.files.keys()].filter((path) => /\/stelle-\d+-\d{3}\.md$/.test(path)).map((path) => path.replace(/^.*\/|\.md$/g, ''));
    expect(new Set(staff.rows.map((row) => row.post))).toEqual(new Set([...posts, ...staff.rows.map((row) => row.post).filter((post) => /-9\d\d$/.test(post))]));
    const fromBirth = staff.rows.filter((row) => row.departureSource === 'birth_date');
    expect(fromBirth.length).toBeGreaterThan(80);
    expect(fromBirth.every((row) => row.reason === 'retirement')).toBe(true);
    expect(staff.rows.some((row) => row.departureSource === 'register' && row.reason !== 'retirement')).toBe(true);

    const out = writtenWiki();
    const { code, stdout, stderr } = cli('scripts/audit.ts', [
      '--register', join(out, OUTPUT_LAYOUT.staff), '--docs', join(out, OUTPUT_LAYOUT.docs), '--today', REFERENCE_DATE, '--format', 'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { forecast: Array<{ year: number; departures: number }> };
    expect(new Set(report.forecast.map((row) => row.year)).size).toBeGreaterThanOrEqual(5);
    // The birth dates reach no output (contract §6), in neither notation.
    const births = wiki.staff.split('\r\n').slice(1, -1).map((line) => line.split(';')[2]!);
    for (const birth of births) {
      const [day, month, year] = birth.split('.');
      expect(stdout).not.toContain(`${year}-${month}-${day}`);
    }
  });

  it('the CLI writes docs/ and the register, and refuses a non-empty --out with exit 2', () => {
    const out = tempDir();
    const ok = cli('scripts/generate-wiki.ts', ['--articles', '50', '--out', out, '--seed', '3']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(Object.values(OUTPUT_LAYOUT).sort());
    const again = generateWiki({ articles: 50, seed: 3 });
    expect(readFileSync(join(out, OUTPUT_LAYOUT.register), 'utf8')).toBe(again.register);
    expect(readFileSync(join(out, OUTPUT_LAYOUT.staff), 'utf8')).toBe(again.staff);
    expect(ok.stdout).toContain(`${OUTPUT_LAYOUT.staff} (25 Zeilen)`);

    const busy = tempDir();
    writeFileSync(join(busy, 'notiz.txt'), 'bleibt');
    const refused = cli('scripts/generate-wiki.ts', ['--articles', '50', '--out', busy]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^generate-wiki: Der Zielordner „.*“ ist nicht leer/);
    expect(readdirSync(busy)).toEqual(['notiz.txt']);

    const wrong = cli('scripts/generate-wiki.ts', ['--articles', 'viele', '--out', tempDir()]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--articles erwartet eine ganze Zahl');
  });
});
