/**
 * `npm run bench -- [--articles 1000] [--runs 3] [--seed 1] [--skip-build]`
 *
 * Generates a wiki of N articles plus a register of N/5 rows (cached by generator version,
 * N and seed under node_modules/.cache/stellenwissen-bench/), then measures
 * `npm run validate`, `npm run audit` and – unless --skip-build – `npm run build` on it and
 * prints a Markdown table (median, min–max, peak RSS) with the environment.
 * Timing uses hyperfine when installed (else an own loop); peak memory comes from
 * /usr/bin/time -v. Progress lines appear only on a terminal (never in CI logs or pipes).
 * Exit status: 0 measured, 2 usage error or a measured command failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Option } from 'commander';
import { createProgram, EXIT, runCli, wholeNumber } from '../src/cli/run';
import { UsageError } from '../src/knowledge';
import {
  GENERATOR_VERSION, generateWiki, MAX_ARTICLES, MIN_ARTICLES, OUTPUT_LAYOUT, REFERENCE_DATE, writeGeneratedWiki,
} from '../src/bench/generate';

const ROOT = resolve(__dirname, '..');
const CACHE_ROOT = join(ROOT, 'node_modules/.cache/stellenwissen-bench');
const TIME = '/usr/bin/time';

const program = createProgram('bench', 'Misst validate, audit und den Seitenbau auf einem erzeugten Wiki mit N Artikeln.')
  .addOption(new Option('--articles <anzahl>', 'Anzahl der erzeugten Artikel').argParser(wholeNumber('--articles', MIN_ARTICLES, MAX_ARTICLES)).default(1000))
  .addOption(new Option('--runs <anzahl>', 'Läufe je Messung').argParser(wholeNumber('--runs', 1, 100)).default(3))
  .addOption(new Option('--seed <zahl>', 'Startwert des Generators').argParser(wholeNumber('--seed', 0, 2 ** 32 - 1)).default(1))
  .addOption(new Option('--skip-build', 'den Seitenbau nicht messen'));

interface Options { articles: number; runs: number; seed: number; skipBuild?: boolean }

const tty = process.stderr.isTTY === true;
/** Progress for a person at a terminal; silent in CI logs and pipes. */
function progress(text: string): void {
  if (tty) process.stderr.write(`\u001b[2m… ${text}\u001b[22m\n`);
}

interface Measurement {
  what: string;
  /** Wall-clock seconds of each run. */
  times: number[];
  /** Peak resident set size in bytes (largest process), if measured. */
  peakRss?: number;
  note?: string;
}

// ------------------------------------------------------------- the wiki

/** Returns the cached wiki folder for (version, N, seed), generating it on first use. */
function benchWiki(articles: number, seed: number): { dir: string; generated: boolean; seconds: number } {
  const dir = join(CACHE_ROOT, `v${GENERATOR_VERSION}-n${articles}-s${seed}`);
  if (existsSync(join(dir, '.complete'))) return { dir, generated: false, seconds: 0 };
  progress(`erzeuge ${articles} Artikel (Startwert ${seed}) …`);
  const started = performance.now();
  mkdirSync(CACHE_ROOT, { recursive: true });
  const temp = mkdtempSync(join(CACHE_ROOT, 'tmp-'));
  writeGeneratedWiki(temp, generateWiki({ articles, seed }));
  writeFileSync(join(temp, '.complete'), '');
  rmSync(dir, { recursive: true, force: true });
  renameSync(temp, dir);
  return { dir, generated: true, seconds: (performance.now() - started) / 1000 };
}

// ------------------------------------------------------------- running commands

const shellQuote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

interface Run { status: number | null; seconds: number; peakRss?: number; stderr: string }

/** One run, wrapped in /usr/bin/time -v when available (for the peak RSS). */
function runOnce(command: string[], env: NodeJS.ProcessEnv): Run {
  const withTime = existsSync(TIME);
  const argv = withTime ? [TIME, '-v', ...command] : command;
  const started = performance.now();
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const rss = withTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '') : null;
  return { status: result.status, seconds, peakRss: rss ? Number(rss[1]) * 1024 : undefined, stderr: result.stderr ?? '' };
}

function failIfBad(what: string, run: Run, okCodes: number[]): void {
  if (run.status !== null && okCodes.includes(run.status)) return;
  const tail = run.stderr.split('\n').filter((l) => l.trim() !== '' && !/^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)/.test(l)).slice(-8).join('\n');
  throw new UsageError(`„${what}“ ist fehlgeschlagen (Exit-Status ${run.status ?? 'Signal'}); erwartet: ${okCodes.join(' oder ')}.\n${tail}`);
}

function hyperfineVersion(): string | undefined {
  const result = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Measures a command `runs` times: with hyperfine if present (plus one run under
 * /usr/bin/time -v for memory, which also checks the exit status first), else an own loop.
 */
function measure(what: string, command: string[], runs: number, okCodes: number[], hyperfine: boolean): Measurement {
  const env = { ...process.env, NO_COLOR: '1' };
  progress(`${what}: Probelauf (Exit-Status, Speicher) …`);
  const check = runOnce(command, env);
  failIfBad(what, check, okCodes);
  if (hyperfine) {
    progress(`${what}: hyperfine, ${runs} ${runs === 1 ? 'Lauf' : 'Läufe'} …`);
    const jsonDir = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-'));
    try {
      const json = join(jsonDir, 'hyperfine.json');
      const result = spawnSync('hyperfine', ['--runs', String(runs), '--style', 'none', '--ignore-failure', '--export-json', json, command.map(shellQuote).join(' ')], {
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
    const run = runOnce(command, env);
    failIfBad(what, run, okCodes);
    times.push(run.seconds);
    if (run.peakRss !== undefined) peak = Math.max(peak ?? 0, run.peakRss);
  }
  return { what, times, peakRss: peak };
}

/** The site build: every run with its own generated-files and output folder and no persistent bundler cache. */
function measureBuild(docs: string, runs: number): Measurement {
  const times: number[] = [];
  let peak: number | undefined;
  for (let i = 1; i <= runs; i++) {
    progress(`npm run build: Lauf ${i}/${runs} …`);
    const temp = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-build-'));
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NO_COLOR: '1',
        NODE_ENV: 'production',
        DOCS_DIR: docs,
        DOCUSAURUS_GENERATED_FILES_DIR_NAME: join(temp, '.docusaurus'),
        DOCUSAURUS_NO_PERSISTENT_CACHE: '1',
      };
      const run = runOnce(['npm', 'run', 'build', '--', '--out-dir', join(temp, 'build')], env);
      failIfBad('npm run build', run, [0]);
      times.push(run.seconds);
      if (run.peakRss !== undefined) peak = Math.max(peak ?? 0, run.peakRss);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  return { what: 'npm run build (Docusaurus Faster, ohne Bundler-Cache)', times, peakRss: peak };
}

// ------------------------------------------------------------- output

const seconds = (s: number) => `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
const megabytes = (bytes: number | undefined) => (bytes === undefined ? '–' : bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (${type()} ${release()})`;
  } catch {
    // not Linux
  }
  return `${type()} ${release()}`;
}

function table(rows: Measurement[]): string {
  const lines = ['| Messung | Median | Min–Max | Spitzen-RSS |', '|---|---:|---:|---:|'];
  for (const row of rows) {
    const min = Math.min(...row.times);
    const max = Math.max(...row.times);
    lines.push(`| ${row.what} | ${seconds(median(row.times))} | ${seconds(min)} – ${seconds(max)} | ${megabytes(row.peakRss)} |`);
  }
  return lines.join('\n');
}

void runCli(program, () => {
  const options = program.opts<Options>();
  const hyperfine = hyperfineVersion();
  const wiki = benchWiki(options.articles, options.seed);
  const docs = join(wiki.dir, OUTPUT_LAYOUT.docs);
  const register = join(wiki.dir, OUTPUT_LAYOUT.register);
  const today = ['--today', REFERENCE_DATE];

  const rows: Measurement[] = [
    measure('npm run validate (kalt)', ['npm', 'run', 'validate', '--', '--docs', docs, ...today], options.runs, [0], hyperfine !== undefined),
    measure(`npm run audit (${Math.floor(options.articles / 5)} Registerzeilen, JSON)`, ['npm', 'run', 'audit', '--', '--register', register, '--docs', docs, ...today, '--format', 'json'], options.runs, [0, 1], hyperfine !== undefined),
  ];
  if (!options.skipBuild) rows.push(measureBuild(docs, options.runs));

  const cpuList = cpus();
  const out = [
    `## Messung: ${options.articles} Artikel (Startwert ${options.seed}), ${options.runs} ${options.runs === 1 ? 'Lauf' : 'Läufe'} je Messung`,
    '',
    table(rows),
    '',
    `- Wiki: ${options.articles} erzeugte Artikel, Register mit ${Math.floor(options.articles / 5)} Zeilen, Prüfdatum ${REFERENCE_DATE}` +
      (wiki.generated ? ` (eben erzeugt in ${seconds(wiki.seconds)})` : ' (aus dem Cache)') + `: ${wiki.dir}`,
    `- Umgebung: ${cpuList[0]?.model.trim() ?? 'unbekannte CPU'}, ${availableParallelism()} Kerne, ${megabytes(totalmem())} RAM, Node ${process.version}, ${osName()}`,
    `- Zeitmessung: ${hyperfine ?? 'eigene Schleife (hyperfine nicht gefunden)'}${options.skipBuild ? '' : '; Seitenbau mit eigener Schleife'}; Spitzen-RSS: ${existsSync(TIME) ? `${TIME} -v (größter einzelner Prozess${hyperfine ? '; validate/audit aus einem zusätzlichen Probelauf' : ''})` : 'nicht gemessen (/usr/bin/time fehlt)'}`,
    '- Jede Zeit enthält den Start von npm und tsx. validate hat noch keinen Cache, jeder Lauf ist kalt; `--no-cache` und der warme Lauf kommen mit dem Cache.',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
});
