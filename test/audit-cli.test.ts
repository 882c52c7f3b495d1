import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
    [['--today', '31.12.2026'], /--today erwartet ein Datum im Format JJJJ-MM-TT/],
  ])('usage error %j: one German line, exit 2, no stack trace', (args, message) => {
    const needsRegister = !args.includes('--register');
    const { code, stderr } = audit([...(needsRegister ? ['--register', registerFile()] : []), '--docs', MINI_WIKI, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a register that is not UTF-8 (Excel ANSI export) with a hint', () => {
    const path = join(tempDir(), 'ansi.csv');
    writeFileSync(path, Buffer.from('Stelle;Austritt;Grund\nstelle-1-001;01.01.2027;K\xfcndigung\n', 'latin1'));
    const { code, stderr } = audit(['--register', path, ...BASE]);
    expect(code).toBe(2);
    expect(stderr).toContain('CSV UTF-8');
  });

  it('requires --register', () => {
    const { code, stderr } = audit(BASE);
    expect(code).toBe(2);
    expect(stderr).toContain('Pflichtoption „--register“ fehlt');
  });
});
