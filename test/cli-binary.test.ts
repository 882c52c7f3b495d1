import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlayWiki, ROOT } from './helpers';

const BIN = join(ROOT, 'bin/stellenwissen.cjs');
const run = (command: string, args: string[], cwd = ROOT) => {
  const env = { ...process.env };
  delete env.DOCS_DIR;
  delete env.FORCE_COLOR;
  return spawnSync(process.execPath, [command, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
};
const viaBinary = (args: string[], cwd?: string) => run(BIN, args, cwd);
const viaNpmScript = (script: string, args: string[], cwd?: string) => run(join(ROOT, 'scripts/run.cjs'), [script, ...args], cwd);

describe('the stellenwissen binary', () => {
  it('lists its commands in German; without a command it exits 2', () => {
    const help = viaBinary(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['validate', 'audit', 'plan', 'new', 'review', 'import', 'export', 'migrate', 'edit', 'start', 'build', 'serve']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    }
    const none = viaBinary([]);
    expect(none.status).toBe(2);
    expect(none.stdout).toContain('Aufruf: stellenwissen <befehl> [optionen]');
  });

  it('refuses an unknown command with one German line and exit 2', () => {
    const result = viaBinary(['prüfe']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual(['stellenwissen: unbekannter Befehl „prüfe“. Befehle: init, validate, audit, plan, new, review, import, export, editor-config, migrate, edit, start, build, serve (stellenwissen --help).']);
  });

  it('runs validate like the npm script: same output and exit code, with and without errors', () => {
    const broken = overlayWiki({ 'fb1/stelle-1-002.md': 'REPLACE:criticality: medium=>criticality: sehr-hoch' });
    for (const [args, status] of [[['--docs', 'test/fixtures/mini-wiki', '--today', '2026-11-28'], 0], [['--docs', broken, '--today', '2026-11-28'], 1]] as const) {
      const binary = viaBinary(['validate', ...args]);
      const script = viaNpmScript('validate', [...args]);
      expect(binary.status).toBe(status);
      expect(binary.status).toBe(script.status);
      expect(binary.stdout).toBe(script.stdout);
      expect(binary.stderr).toBe(script.stderr);
    }
  }, 120_000);

  it('passes options through: a command\'s own help, and its usage errors (exit 2)', () => {
    expect(viaBinary(['audit', '--help']).stdout).toBe(viaNpmScript('audit', ['--help']).stdout);
    const wrong = viaBinary(['export', '--format', 'xml']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe(viaNpmScript('export', ['--format', 'xml']).stderr);
  }, 120_000);

  it('runs migrate: its own German help, like the npm script', () => {
    const help = viaBinary(['migrate', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Stellt das Wiki auf den Vertrag des installierten Pakets um');
    expect(help.stdout).toMatch(/^  --dry-run +nur zeigen, was sich ändern würde; nichts schreiben$/m);
    expect(help.stdout).toBe(viaNpmScript('migrate', ['--help']).stdout);
  }, 120_000);

  it('hands the site commands to Docusaurus in the current folder', () => {
    const result = viaBinary(['build', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/build \[options\] \[siteDir\]/);
  }, 60_000);
});
