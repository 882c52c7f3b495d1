/**
 * `npm run bench -- [--articles 1000] [--runs 3] [--seed 1] [--skip-build | --build-only] [--skip-baseline]`
 *
 * Generates a wiki of N articles plus a register of N/5 rows (cached by generator version,
 * N and seed under node_modules/.cache/stellenwissen-bench/), then measures
 * `npm run validate` and `npm run audit`, each cold (`--no-cache`) and warm, and
 * `npm run import` of the MoJ handbook from test/corpora and of a large generated Word
 * document, the analysis cache's hit rate after touching a report module (and, as a
 * control, a parsing module), and the search index built in-process with recall/precision
 * of compound splitting on test/fixtures/compound-evaluation.tsv (not with --build-only), and
 * – unless --skip-build – `npm run build` on it, then the built site's
 * search in Chromium (first result on a fresh page, and the size of what was fetched until
 * then), and prints a Markdown table (median, min–max, peak RSS) with the environment and
 * the goals.
 * The build is compared with a baseline (unless --skip-baseline): plain Docusaurus + Faster +
 * @easyops-cn/docusaurus-search-local building the same docs folder (bench/plain-docusaurus/,
 * installed on first use with `npm ci` into its own node_modules). Both builds run alternately,
 * under the same conditions, and the ratio of the medians is printed (goal: ≤ 1.2×).
 * Timing uses hyperfine when installed (else an own loop); peak memory comes from
 * /usr/bin/time -v. Progress lines appear only on a terminal (never in CI logs or pipes).
 * The measuring lives in src/bench/ (benchmark.ts and one module per measurement).
 * Exit status: 0 measured, 2 usage error or a measured command failed.
 */
import { Option } from 'commander';
import { runBenchmark, type BenchOptions } from '../src/bench/benchmark';
import { MAX_ARTICLES, MIN_ARTICLES } from '../src/bench/generate';
import { createProgram, EXIT, runCli, wholeNumber } from '../src/cli/run';

const program = createProgram('bench', 'Misst validate, audit und den Seitenbau auf einem erzeugten Wiki mit N Artikeln.')
  .addOption(new Option('--articles <anzahl>', 'Anzahl der erzeugten Artikel').argParser(wholeNumber('--articles', MIN_ARTICLES, MAX_ARTICLES)).default(1000))
  .addOption(new Option('--runs <anzahl>', 'Läufe je Messung').argParser(wholeNumber('--runs', 1, 100)).default(3))
  .addOption(new Option('--seed <zahl>', 'Startwert des Generators').argParser(wholeNumber('--seed', 0, 2 ** 32 - 1)).default(1))
  .addOption(new Option('--skip-build', 'den Seitenbau nicht messen'))
  .addOption(new Option('--build-only', 'nur den Seitenbau messen (ohne validate und audit)'))
  .addOption(new Option('--skip-baseline', 'den Vergleichsbau mit reinem Docusaurus nicht messen'));

const tty = process.stderr.isTTY === true;
/** Progress for a person at a terminal; silent in CI logs and pipes. */
function progress(text: string): void {
  if (tty) process.stderr.write(`\u001b[2m… ${text}\u001b[22m\n`);
}

void runCli(program, async () => {
  process.stdout.write(await runBenchmark(program.opts<BenchOptions>(), progress));
  return EXIT.ok;
});
