/**
 * Running a command N times for `npm run bench`: wall-clock time of each run (hyperfine
 * when installed, else an own loop) and peak memory from /usr/bin/time -v. A command that
 * exits with an unexpected status is a usage error with the last lines of its stderr.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { counted } from '../core/german';
import { UsageError } from '../core/wiki';

/** The project folder: where the measured npm scripts run. */
export const ROOT = resolve(__dirname, '../..');
/** GNU time, for the peak resident set size. */
export const TIME = '/usr/bin/time';

/** Progress for a person at a terminal (the caller decides where it goes). */
export type Progress = (text: string) => void;

/** How every command is measured in one bench run. */
export interface MeasureSettings {
  runs: number;
  /** Time with hyperfine (else an own loop). */
  hyperfine: boolean;
  progress: Progress;
}

export interface Measurement {
  what: string;
  /** Wall-clock seconds of each run. */
  times: number[];
  /** Peak resident set size in bytes (largest process), if measured. */
  peakRss?: number;
  note?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `3 Läufe`, `1 Lauf`. */
export const runsText = (runs: number) => counted(runs, 'Lauf', 'Läufe');

const shellQuote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

export interface Run { status: number | null; seconds: number; peakRss?: number; stderr: string }

/** One run, wrapped in /usr/bin/time -v when available (for the peak RSS). */
export function runOnce(command: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Run {
  const withTime = existsSync(TIME);
  const argv = withTime ? [TIME, '-v', ...command] : command;
  const started = performance.now();
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const rss = withTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '') : null;
  return { status: result.status, seconds, peakRss: rss ? Number(rss[1]) * 1024 : undefined, stderr: result.stderr ?? '' };
}

/** The last lines of a failed command's stderr, without the /usr/bin/time -v report. */
export function stderrTail(stderr: string): string {
  return stderr.split('\n').filter((l) => l.trim() !== '' && !/^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)/.test(l)).slice(-8).join('\n');
}

export function failIfBad(what: string, run: Run, okCodes: number[]): void {
  if (run.status !== null && okCodes.includes(run.status)) return;
  throw new UsageError(`„${what}“ ist fehlgeschlagen (Exit-Status ${run.status ?? 'Signal'}); erwartet: ${okCodes.join(' oder ')}.\n${stderrTail(run.stderr)}`);
}

export function hyperfineVersion(): string | undefined {
  const result = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Measures a command `settings.runs` times: with hyperfine if present (plus one run under
 * /usr/bin/time -v for memory, which also checks the exit status first), else an own loop.
 * `prepare` runs before each run (not timed).
 */
export function measure(settings: MeasureSettings, what: string, command: string[], okCodes: number[], prepare?: string[]): Measurement {
  const { runs, progress } = settings;
  const env = { ...process.env, NO_COLOR: '1' };
  const prepareRun = () => {
    if (prepare) failIfBad(`${what} (Vorbereitung)`, runOnce(prepare, env), [0]);
  };
  progress(`${what}: Probelauf (Exit-Status, Speicher) …`);
  prepareRun();
  const check = runOnce(command, env);
  failIfBad(what, check, okCodes);
  if (settings.hyperfine) {
    progress(`${what}: hyperfine, ${runsText(runs)} …`);
    const jsonDir = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-'));
    try {
      const json = join(jsonDir, 'hyperfine.json');
      const prepareArgs = prepare ? ['--prepare', prepare.map(shellQuote).join(' ')] : [];
      const result = spawnSync('hyperfine', ['--runs', String(runs), '--style', 'none', '--ignore-failure', ...prepareArgs, '--export-json', json, command.map(shellQuote).join(' ')], {
        cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'],
      });
      if (result.status !== 0) throw new UsageError(`hyperfine ist fehlgeschlagen (Exit-Status ${result.status}): ${result.stderr.trim()}`);
      const data = JSON.parse(readFileSync(json, 'utf8')) as { results: Array<{ times: number[]; exit_codes?: Array<number | null> }> };
      const first = data.results[0]!;
      const bad = (first.exit_codes ?? []).find((code) => code === null || !okCodes.includes(code));
      if (bad !== undefined) throw new UsageError(`„${what}“ ist unter hyperfine fehlgeschlagen (Exit-Status ${bad ?? 'Signal'}).`);
      return { what, times: first.times, peakRss: check.peakRss };
    } finally {
      rmSync(jsonDir, { recursive: true, force: true });
    }
  }
  const times: number[] = [];
  let peak = check.peakRss;
  for (let i = 1; i <= runs; i++) {
    progress(`${what}: Lauf ${i}/${runs} …`);
    prepareRun();
    const run = runOnce(command, env);
    failIfBad(what, run, okCodes);
    times.push(run.seconds);
    if (run.peakRss !== undefined) peak = Math.max(peak ?? 0, run.peakRss);
  }
  return { what, times, peakRss: peak };
}
