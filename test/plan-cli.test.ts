import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlayWiki, ROOT, tempDir } from './helpers';

function plan(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/plan.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SAMPLE = ['--docs', join(ROOT, 'docs'), '--today', '2026-12-02'];

describe('npm run plan', () => {
  it('on the sample wiki: problems, so exit 1, in every format; JSON has exactly the keys of §8', () => {
    const json = plan([...SAMPLE, '--format', 'json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(1);
    const data = JSON.parse(json.stdout);
    expect(Object.keys(data)).toEqual(['today', 'bundles', 'processes', 'departments', 'summary']);
    expect(Object.keys(data.bundles[0])).toEqual(['bundle', 'processes', 'done', 'effort', 'departments']);
    expect(Object.keys(data.bundles[0].departments[0])).toEqual(['department', 'processes', 'done', 'effort', 'capacity', 'overloaded']);
    expect(Object.keys(data.processes[0])).toEqual(['id', 'department', 'status', 'bundle', 'effort', 'problems']);
    expect(Object.keys(data.departments[0])).toEqual(['id', 'processes', 'done', 'share', 'capacity', 'digicheck', 'problems']);
    // The sample shows each kind the CDO acts on: overdue, overloaded, a DigiCheck missing and one due.
    const problems = data.summary.problems;
    for (const id of ['overdue', 'overloaded', 'no-digicheck', 'digicheck-due', 'no-effort']) expect(problems[id], id).toBeGreaterThan(0);

    const table = plan(SAMPLE);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/^Digitalisierungsplan am 02\.12\.2026: \d+ von 48 Prozessen digital oder online/);
    expect(table.stdout).toContain('überlastet');

    const csv = plan([...SAMPLE, '--format', 'csv']);
    expect(csv.stdout.startsWith('\uFEFFKennung;Titel;Fachbereich;Digitalisierungsstand;Digitalbündel;Aufwand (Personentage);Probleme\r\n')).toBe(true);
    expect(csv.stdout).toContain('\r\nFachbereiche\r\n');
    expect(csv.stdout).toMatch(/;12\.03\.2024;12\.03\.2026;DigiCheck fällig\r\n/);

    const md = plan([...SAMPLE, '--format', 'md']);
    expect(md.stdout).toContain('### Überlastete Fachbereiche');
    expect(md.stdout).toContain('| fb32-ordnung |');
  });

  it('--format html writes one self-contained report with --out, atomically, and names it on stderr', () => {
    const dir = tempDir();
    const out = join(dir, 'plan.html');
    const { code, stdout, stderr } = plan([...SAMPLE, '--format', 'html', '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Bericht geschrieben: ${out} (48 Prozesse, 15 digital oder online)\n`);
    expect(readdirSync(dir)).toEqual(['plan.html']);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const heading of ['Fortschritt gegen den Plan', 'Fortschritt je Fachbereich', 'Aufwand und Kapazität je Digitalbündel und Fachbereich', 'Was zu tun ist', 'Digitalbündel mit ihren Prozessen']) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Burn-up des Digitalisierungsplans');
  });

  it('exit 0 without problems; exit 2 with one German line for a bad date, format or folder, and nothing written', () => {
    const clean = overlayWiki({
      'fb1/index.md': 'REPLACE:reviewed: 2026-06-01\n=>reviewed: 2026-06-01\ndigicheck: 2026-01-01\n',
      'fb1/antrag-bearbeiten.md': 'REPLACE:status: partial=>status: online',
    });
    const ok = plan(['--docs', clean, '--today', '2026-12-02']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Keine Probleme im Plan.');

    const out = join(tempDir(), 'nie.html');
    for (const args of [['--today', '2026-13-01'], ['--format', 'pdf'], ['--docs', join(ROOT, 'gibt-es-nicht')]]) {
      const bad = plan([...SAMPLE, ...args, '--out', out]);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(bad.stderr).toMatch(/^plan: /);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('an unwritable --out is exit 2 and leaves no file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'datei'), 'x');
    const bad = plan([...SAMPLE, '--out', join(dir, 'datei', 'plan.txt')]);
    expect(bad.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['datei']);
  });
});
