import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINI_WIKI, ROOT, tempDir } from './helpers';

function audit(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/audit.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REGISTER = '\uFEFFStelle;Stelleninhaber;Austrittsdatum;Grund\r\nstelle-1-001;Beispiel, Anna;31.03.2027;Versetzung\r\nstelle-1-002;Muster, Jens;15.12.2026;Ruhestand\r\n';
const BASE = ['--docs', MINI_WIKI, '--today', '2026-11-28'];

function registerFile(content = REGISTER): string {
  const path = join(tempDir(), 'register.csv');
  writeFileSync(path, content);
  return path;
}

describe('npm run audit', () => {
  it('prints flagged posts and exits 1; the register is only read', () => {
    const register = registerFile();
    const before = statSync(register).mtimeMs;
    const { code, stdout, stderr } = audit(['--register', register, ...BASE]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('2 von 2 Austritten bis 28.11.2028 nicht abgesichert');
    expect(stdout).toContain('Muster, Jens');
    expect(readFileSync(register, 'utf8')).toBe(REGISTER);
    expect(statSync(register).mtimeMs).toBe(before);
  });

  it('--sort risk puts the highest knowledge-loss risk first; JSON carries it per row', () => {
    const register = registerFile();
    const byDeparture = JSON.parse(audit(['--register', register, ...BASE, '--format', 'json']).stdout);
    const byRisk = JSON.parse(audit(['--register', register, ...BASE, '--format', 'json', '--sort', 'risk']).stdout);
    expect(byDeparture.flagged.map((f: { post: string }) => f.post)).toEqual(['stelle-1-002', 'stelle-1-001']);
    expect(byRisk.flagged.map((f: { post: string; risk: { score: number; level: string } }) => [f.post, f.risk.score, f.risk.level])).toEqual([['stelle-1-001', 20, 'high'], ['stelle-1-002', 15, 'medium']]);
  });

  it('--compare reads an earlier JSON output and reports the changes; anything else is exit 2 in one line', () => {
    const previous = join(tempDir(), 'vorher.json');
    const earlier = audit(['--register', registerFile('post;departure;reason\nstelle-1-001;2027-03-31;other\nstelle-1-007;2027-01-01;other\n'), '--docs', MINI_WIKI, '--today', '2026-10-28', '--format', 'json', '--out', previous]);
    expect(earlier.code).toBe(1);
    const now = audit(['--register', registerFile(), ...BASE, '--format', 'json', '--compare', previous]);
    expect(now.code).toBe(1);
    expect(JSON.parse(now.stdout).changes).toEqual({ new: ['stelle-1-002'], resolved: ['stelle-1-007'], coverage: [] });
    const wrong = audit(['--register', registerFile(), ...BASE, '--compare', registerFile()]);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/^audit: --compare .*register\.csv: kein gültiges JSON – erwartet wird die JSON-Ausgabe einer früheren Auswertung/);
    expect(audit(['--register', registerFile(), ...BASE, '--compare', '/nicht/da.json']).stderr).toMatch(/--compare \/nicht\/da\.json: Datei nicht gefunden oder nicht lesbar\./);
  });

  it('exits 0 when nothing is flagged', () => {
    const { code, stdout } = audit(['--register', registerFile('post,departure,reason\nstelle-1-002,2029-01-01,retirement\n'), ...BASE, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).flagged).toEqual([]);
  });

  it('writes --out atomically with the same content as stdout', () => {
    const register = registerFile();
    const out = join(tempDir(), 'bericht', 'audit.html');
    const written = audit(['--register', register, ...BASE, '--format', 'html', '--out', out]);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain(`Bericht geschrieben: ${out}`);
    const printed = audit(['--register', register, ...BASE, '--format', 'html']);
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
  });

  it('rejects a bad register with every bad line, exit 2 and nothing written', () => {
    const out = join(tempDir(), 'audit.csv');
    const register = registerFile('Stelle;Austritt;Grund\nstelle-1-001;31.02.2027;Ruhestand\n;01.01.2027;Ruhestand\nstelle-1-002;01.01.2027;Urlaub\n');
    const { code, stdout, stderr } = audit(['--register', register, ...BASE, '--format', 'csv', '--out', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${register}:2: Austrittsdatum „31.02.2027“ ist kein gültiges Datum`);
    expect(stderr).toContain(`${register}:3: Stelle fehlt.`);
    expect(stderr).toContain(`${register}:4: Grund „Urlaub“ ist unbekannt`);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['--register', '/nicht/da.csv'], /Register nicht gefunden oder nicht lesbar: \/nicht\/da\.csv/],
    [['--horizon', 'zwölf'], /--horizon erwartet eine ganze Zahl von 0 bis 600; erhalten: „zwölf“/],
    [['--lead', '-1'], /--lead erwartet eine ganze Zahl/],
    [['--format', 'pdf'], /--format erwartet table oder csv oder json oder md oder html/],
    [['--sort', 'name'], /--sort erwartet departure oder risk; erhalten: „name“/],
    [['--today', '31.12.2026'], /--today erwartet ein Datum im Format JJJJ-MM-TT/],
  ])('usage error %j: one German line, exit 2, no stack trace', (args, message) => {
    const needsRegister = !args.includes('--register');
    const { code, stderr } = audit([...(needsRegister ? ['--register', registerFile()] : []), '--docs', MINI_WIKI, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads a Windows-1252 register (Excel „CSV (Trennzeichen-getrennt)“) and names the encoding', () => {
    const path = join(tempDir(), 'ansi.csv');
    // „Jörg“ Šmid €, Kündigung – 0x84, 0xF6, 0x93, 0x8A, 0x80, 0xFC
    writeFileSync(path, Buffer.from('Stelle;Name;Austritt;Grund\r\nstelle-1-001;\x84J\xf6rg\x93 \x8amid \x80;01.01.2027;K\xfcndigung\r\n', 'latin1'));
    const table = audit(['--register', path, ...BASE]);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('Register gelesen als Windows-1252.');
    expect(table.stdout).toContain('„Jörg“ Šmid €');
    const json = JSON.parse(audit(['--register', path, ...BASE, '--format', 'json']).stdout);
    expect(json.summary.register).toEqual({ encoding: 'windows-1252' });
    expect(json.flagged[0]).toMatchObject({ holder: '„Jörg“ Šmid €', reason: 'resignation', departure_source: 'register' });
    expect(JSON.parse(audit(['--register', registerFile(), ...BASE, '--format', 'json']).stdout).summary.register).toEqual({ encoding: 'utf-8' });
  });

  it('--columns maps the headers of any export; unused columns are never printed', () => {
    const register = registerFile('Personalnummer;Stellen-Nr. (Plan);Anschrift;Ende Beschäftigung;Grund\r\nPN-4711;stelle-1-002;Hauptstr. 7, 12345 Musterstadt;15.12.2026;Ruhestand\r\n');
    expect(audit(['--register', register, ...BASE]).stderr).toMatch(/^.*:1: Kopfzeile: Spalte fehlt – erwartet „post“ oder „stelle“/);
    for (const format of ['table', 'csv', 'json', 'md', 'html']) {
      const { code, stdout, stderr } = audit(['--register', register, ...BASE, '--format', format, '--columns', 'post=Stellen-Nr. (Plan),departure=Ende Beschäftigung']);
      expect([code, stderr], format).toEqual([1, '']);
      if (format === 'json') expect(JSON.parse(stdout).flagged.map((f: { post: string; departure: string }) => [f.post, f.departure])).toEqual([['stelle-1-002', '2026-12-15']]);
      expect(stdout, format).toContain('stelle-1-002');
      expect(stdout, format).not.toMatch(/PN-4711|Hauptstr|Musterstadt/);
    }
  });

  it.each([
    ['post=Stellen-Nr.,foo=Bar', /^audit: --columns: Spalte „foo“ ist unbekannt – erlaubt: post, holder, departure, reason, birth_date$/],
    ['post', /^audit: --columns erwartet „spalte=Kopfzeile“/],
  ])('--columns %j is a usage error: exit 2, one German line', (columns, message) => {
    const { code, stdout, stderr } = audit(['--register', registerFile(), ...BASE, '--columns', columns]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--columns naming a header the file lacks: exit 2, nothing written', () => {
    const register = registerFile();
    const out = join(tempDir(), 'audit.html');
    const { code, stderr } = audit(['--register', register, ...BASE, '--columns', 'departure=Austritt zum', '--format', 'html', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${register}:1: Kopfzeile: Die Spalte „Austritt zum“ aus --columns (departure) gibt es nicht. Gefunden: Stelle, Stelleninhaber, Austrittsdatum, Grund`);
    expect(existsSync(out)).toBe(false);
  });

  describe('birth dates', () => {
    // Fictional birth dates in both notations; none of these strings may leave the register.
    const BIRTH_REGISTER = '\uFEFFStelle;Stelleninhaber;Geburtsdatum;Austritt zum\r\nstelle-1-001;Beispiel, Anna;13.07.1961;\r\nstelle-1-008;Muster, Jens;1962-05-17;\r\nstelle-1-009;Probe, Eva;27.10.1963;31.12.2027\r\n';
    const BIRTH_STRINGS = ['13.07.1961', '1961-07-13', '13.7.1961', '1962-05-17', '17.05.1962', '27.10.1963', '1963-10-27', '1961', '1962', '1963'];
    const leaks = (text: string) => BIRTH_STRINGS.filter((b) => text.includes(b));

    it('rows with only a birth date depart at the Regelaltersgrenze; the birth date is in no output, file or cache', () => {
      const register = registerFile(BIRTH_REGISTER);
      const json = audit(['--register', register, ...BASE, '--format', 'json', '--horizon', '120']);
      expect(json.stderr).toBe('');
      expect(JSON.parse(json.stdout).flagged.map((f: Record<string, unknown>) => [f.post, f.departure, f.departure_source, f.reason])).toEqual([
        ['stelle-1-009', '2027-12-31', 'register', 'other'],
        ['stelle-1-001', '2028-01-31', 'birth_date', 'retirement'], // 1961: 66 + 6 months → 13.01.2028 – 1 day
        ['stelle-1-008', '2029-01-31', 'birth_date', 'retirement'], // 1962: 66 + 8 months → 17.01.2029 – 1 day
      ]);
      expect(leaks(json.stdout)).toEqual([]);
      for (const format of ['table', 'csv', 'md', 'html']) {
        const printed = audit(['--register', register, ...BASE, '--horizon', '120', '--format', format]);
        expect(printed.code, format).toBe(1);
        expect(printed.stdout, format).toContain('stelle-1-008');
        expect(leaks(printed.stdout + printed.stderr), format).toEqual([]);
      }
      const out = join(tempDir(), 'bericht.html');
      const written = audit(['--register', register, ...BASE, '--horizon', '120', '--format', 'html', '--out', out]);
      expect(leaks(written.stdout + written.stderr + readFileSync(out, 'utf8'))).toEqual([]);
      const cache = join(ROOT, 'node_modules/.cache/stellenwissen');
      const cached = existsSync(cache) ? readdirSync(cache, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
      for (const entry of cached) {
        const bytes = readFileSync(join(entry.parentPath, entry.name));
        expect(BIRTH_STRINGS.slice(0, 7).filter((b) => bytes.includes(b)), entry.name).toEqual([]);
      }
    });

    it('a bad birth date is named by line and column, never by value: exit 2', () => {
      const register = registerFile('Stelle;Geb.-Datum\nstelle-1-001;31.02.1961\nstelle-1-002;13.07.1961x\nstelle-1-003;\n');
      const { code, stdout, stderr } = audit(['--register', register, ...BASE, '--format', 'json']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`${register}:2: Geburtsdatum in Spalte „Geb.-Datum“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).`);
      expect(stderr).toContain(`${register}:3: Geburtsdatum in Spalte „Geb.-Datum“ ist kein gültiges Datum`);
      expect(stderr).toContain(`${register}:4: Austrittsdatum und Geburtsdatum fehlen.`);
      expect(leaks(stderr)).toEqual([]);
    });
  });

  it('requires --register', () => {
    const { code, stderr } = audit(BASE);
    expect(code).toBe(2);
    expect(stderr).toContain('Pflichtoption „--register“ fehlt');
  });
});
