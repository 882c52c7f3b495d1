import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFinding } from '../src/validate/format/text';
import { formatWatchUpdate, watchReadyLine } from '../src/validate/format/watch';
import { IncrementalValidation } from '../src/validate/watch';
import { loadWiki } from '../src/core/load/load-wiki';
import { validateWiki } from '../src/validate/validate';
import { MINI_WIKI, overlayWiki, ROOT } from './helpers';

const TODAY = { year: 2026, month: 11, day: 28 };
const BROKEN_LINE = /stelle-1-002\.md:9:1 error „criticality“ \(Kritikalität\) hat den ungültigen Wert „sehr-hoch“ – erlaubt sind: high, medium, low\. \[schema\]/;

function edit(root: string, path: string, from: string, to: string): void {
  const file = join(root, path);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
}

/** The incremental result must always equal a fresh full run over the files on disk. */
function expectSameAsFullRun(session: IncrementalValidation, root: string): void {
  const full = validateWiki(loadWiki(root, root), TODAY);
  expect(session.result.findings.map(formatFinding)).toEqual(full.findings.map(formatFinding));
  expect(session.result.articles).toBe(full.articles);
}

describe('IncrementalValidation', () => {
  it('re-reads a changed file and reports its findings, then that it is fine again', () => {
    const root = overlayWiki({});
    const session = new IncrementalValidation(root, TODAY, { cwd: root });
    expect(session.result.findings).toEqual([]);

    edit(root, 'fb1/stelle-1-002.md', 'criticality: medium', 'criticality: sehr-hoch');
    const broken = session.update([join(root, 'fb1/stelle-1-002.md')], TODAY);
    expect(broken.files.map((f) => [f.file, f.change, f.findings.map((x) => x.rule)])).toEqual([['fb1/stelle-1-002.md', 'changed', ['schema']]]);
    expectSameAsFullRun(session, root);

    edit(root, 'fb1/stelle-1-002.md', 'criticality: sehr-hoch', 'criticality: medium');
    const fixed = session.update([join(root, 'fb1/stelle-1-002.md')], TODAY);
    expect(fixed.files).toEqual([{ file: 'fb1/stelle-1-002.md', change: 'changed', findings: [], hadFindings: true }]);
    const lines = formatWatchUpdate(fixed, '12:00:00').map((l) => l.text);
    expect(lines).toEqual([
      '[12:00:00] fb1/stelle-1-002.md (geändert)',
      'fb1/stelle-1-002.md: wieder in Ordnung (keine Befunde mehr).',
      '6 Artikel geprüft: keine Fehler (0 Fehler, 0 Warnungen).',
    ]);
  });

  it('reports cross-file findings of unchanged files: a copied article and its original', () => {
    const root = overlayWiki({});
    const session = new IncrementalValidation(root, TODAY, { cwd: root });
    cpSync(join(root, 'fb1/anleitung-ablage.md'), join(root, 'fb1/kopie.md'));
    const added = session.update([join(root, 'fb1/kopie.md')], TODAY);
    expect(added.files.map((f) => [f.file, f.change, f.findings.map((x) => x.rule)])).toEqual([
      ['fb1/anleitung-ablage.md', undefined, ['duplicate-id']],
      ['fb1/kopie.md', 'added', ['duplicate-id']],
    ]);
    expectSameAsFullRun(session, root);

    rmSync(join(root, 'fb1/kopie.md'));
    const removed = session.update([join(root, 'fb1/kopie.md')], TODAY);
    expect(removed.files.map((f) => [f.file, f.change, f.findings.length])).toEqual([
      ['fb1/anleitung-ablage.md', undefined, 0],
      ['fb1/kopie.md', 'removed', 0],
    ]);
    expect(formatWatchUpdate(removed, 't').map((l) => l.text).slice(1, 3)).toEqual([
      'fb1/anleitung-ablage.md: wieder in Ordnung (keine Befunde mehr).',
      'fb1/kopie.md: entfernt – seine Befunde entfallen.',
    ]);
    expectSameAsFullRun(session, root);
  });

  it('follows removed and renamed folders and a deleted post that others reference', () => {
    const root = overlayWiki({});
    const session = new IncrementalValidation(root, TODAY, { cwd: root });
    rmSync(join(root, 'fb1/stelle-1-001.md'));
    const gone = session.update([join(root, 'fb1/stelle-1-001.md')], TODAY);
    expect(gone.files.find((f) => f.file === 'fb1/stelle-1-001.md')?.change).toBe('removed');
    expect(gone.files.some((f) => f.change === undefined && f.findings.some((x) => x.rule === 'reference'))).toBe(true);
    expectSameAsFullRun(session, root);

    renameSync(join(root, 'fb1'), join(root, 'fb2'));
    const renamed = session.update([join(root, 'fb1'), join(root, 'fb2'), join(root, 'fb2/index.md')], TODAY);
    expect(renamed.files.filter((f) => f.change === 'removed')).toHaveLength(5);
    expect(renamed.files.filter((f) => f.change === 'added')).toHaveLength(5);
    expect(formatWatchUpdate(renamed, 't')[0].text).toBe('[t] 10 Dateien: 5 neu, 5 entfernt');
    expectSameAsFullRun(session, root);
  });

  it('ignores paths the wiki skips and paths outside it', () => {
    const root = overlayWiki({ '_entwurf/notiz.md': 'kein Front Matter', 'fb1/bild.txt': 'x' });
    const session = new IncrementalValidation(root, TODAY, { cwd: root });
    const update = session.update([join(root, '_entwurf/notiz.md'), join(root, 'fb1/bild.txt'), join(dirname(root), 'anderswo.md')], TODAY);
    expect(update.files).toEqual([]);
    expectSameAsFullRun(session, root);
  });
});

/** `node --import tsx scripts/validate.ts`, with tsx resolved from the repo (cwd may be anywhere). */
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;

interface Proc {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  errors: () => string;
  /** Resolves once stdout after `from` matches, rejects after `ms`. */
  waitFor: (pattern: RegExp, from: number, ms: number) => Promise<number>;
  exited: Promise<number | null>;
}

function start(args: string[], cwd: string): Proc {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DOCS_DIR;
  delete env.FORCE_COLOR;
  const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'scripts/validate.ts'), ...args], { cwd, env });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (c: string) => { stdout += c; for (const l of listeners) l(); });
  child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  const exited = new Promise<number | null>((resolvePromise) => child.on('close', (code) => resolvePromise(code)));
  const waitFor = (pattern: RegExp, from: number, ms: number) => new Promise<number>((resolvePromise, reject) => {
    const check = () => {
      const match = pattern.exec(stdout.slice(from));
      if (!match) return false;
      listeners.delete(check);
      clearTimeout(timer);
      resolvePromise(from + match.index + match[0].length);
      return true;
    };
    const timer = setTimeout(() => {
      listeners.delete(check);
      reject(new Error(`Zeitüberschreitung (${ms} ms) beim Warten auf ${pattern}.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, ms);
    listeners.add(check);
    void exited.then(() => { if (listeners.has(check)) { listeners.delete(check); clearTimeout(timer); reject(new Error(`Prozess beendet, ohne ${pattern}.\nstdout:\n${stdout}\nstderr:\n${stderr}`)); } });
    check();
  });
  return { child, output: () => stdout, errors: () => stderr, waitFor, exited };
}

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`Zeitüberschreitung: ${what}`)), ms))]);
}

const running: Proc[] = [];
afterEach(() => {
  for (const proc of running.splice(0)) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
});

describe('npm run validate -- --watch', () => {
  it('prints findings of a broken file as it is saved, says when it is fine again, and exits 0 on Ctrl+C', async () => {
    const root = overlayWiki({});
    const proc = start(['--watch', '--docs', basename(root), '--today', '2026-11-28'], dirname(root));
    running.push(proc);
    let at = await proc.waitFor(/^6 Artikel geprüft: keine Fehler \(0 Fehler, 0 Warnungen\)\.\n/m, 0, 30_000);
    at = await proc.waitFor(new RegExp(`^${watchReadyLine(basename(root)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`, 'm'), at, 30_000);
    expect(proc.output()).toContain(`Überwache ${basename(root)}/ … (Strg+C beendet)`);

    edit(root, 'fb1/stelle-1-002.md', 'criticality: medium', 'criticality: sehr-hoch');
    at = await proc.waitFor(BROKEN_LINE, at, 10_000);
    expect(proc.output()).toContain(`${basename(root)}/fb1/stelle-1-002.md:9:1 error`);
    at = await proc.waitFor(/^6 Artikel geprüft: 1 Fehler, 0 Warnungen\.\n/m, at, 5_000);

    edit(root, 'fb1/stelle-1-002.md', 'criticality: sehr-hoch', 'criticality: medium');
    at = await proc.waitFor(/stelle-1-002\.md: wieder in Ordnung \(keine Befunde mehr\)\.\n/, at, 10_000);
    await proc.waitFor(/^6 Artikel geprüft: keine Fehler/m, at, 5_000);

    proc.child.kill('SIGINT');
    expect(await bounded(proc.exited, 10_000, 'Ende nach SIGINT')).toBe(0);
    expect(proc.output()).toMatch(/Überwachung beendet\.\n$/);
    expect(proc.errors()).toBe('');
  }, 90_000);

  it('refuses --watch with --format json, and a missing wiki folder, with exit 2', async () => {
    const json = start(['--watch', '--format', 'json', '--docs', MINI_WIKI], ROOT);
    const missing = start(['--watch', '--docs', join(dirname(MINI_WIKI), 'gibt-es-nicht')], ROOT);
    running.push(json, missing);
    expect(await bounded(json.exited, 30_000, 'json')).toBe(2);
    expect(json.errors()).toBe('validate: --watch gibt Text aus; --format json geht nur ohne --watch.\n');
    expect(await bounded(missing.exited, 30_000, 'missing')).toBe(2);
    expect(missing.errors()).toMatch(/^validate: Wiki-Ordner nicht gefunden: .*gibt-es-nicht\n$/);
    expect(missing.output()).toBe('');
  }, 60_000);
});
