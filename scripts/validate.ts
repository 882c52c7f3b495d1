/** `npm run validate -- [--docs DIR] [--today YYYY-MM-DD] [--format text|json|gitlab] [--watch] [--no-cache]` */
import { relative } from 'node:path';
import { watch } from 'chokidar';
import { Option } from 'commander';
import pc from 'picocolors';
import { loadWikiForCommand, noCacheOption } from '../src/cli/load';
import { choiceOption, createProgram, docsOption, EXIT, parseToday, runCli, todayOption } from '../src/cli/run';
import { formatFinding, formatSummary } from '../src/validate/format/text';
import { formatFindingsGitlab } from '../src/validate/format/gitlab';
import { formatFindingsJson } from '../src/validate/format/json';
import { formatWatchUpdate, watchReadyLine, type WatchLine } from '../src/validate/format/watch';
import { IncrementalValidation } from '../src/validate/watch';
import { isWikiPath, UsageError } from '../src/core/wiki';
import { localToday, type CalendarDate } from '../src/core/dates';
import { validateWiki, type ValidationResult } from '../src/validate/validate';
import { type Finding } from '../src/core/finding';

/** Changes arriving within this many milliseconds are checked together (an editor's save is often several events). */
const DEBOUNCE_MS = 200;

const program = createProgram('validate', 'Prüft alle Artikel des Wikis gegen Schemas und Regeln.')
  .addOption(docsOption())
  .addOption(todayOption())
  .addOption(choiceOption('--format <format>', 'Ausgabeformat', ['text', 'json', 'gitlab'], 'text'))
  .addOption(new Option('--watch', 'nach der ersten Prüfung geänderte Dateien laufend neu prüfen (Strg+C beendet)'))
  .addOption(noCacheOption());

type Options = { docs: string; today?: string; format: 'text' | 'json' | 'gitlab'; watch?: boolean; cache: boolean };

const colour = process.stdout.isTTY === true && pc.isColorSupported;
const paint = (line: string, severity: string) =>
  !colour ? line : line.replace(` ${severity} `, ` ${severity === 'error' ? pc.red(severity) : pc.yellow(severity)} `);

function printText(result: ValidationResult): void {
  const lines = result.findings.map((f: Finding) => paint(formatFinding(f), f.severity));
  lines.push(colour ? pc.bold(formatSummary(result)) : formatSummary(result));
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printWatchLines(lines: WatchLine[]): void {
  const out = lines.map((line, i) => {
    if (!colour) return line.text;
    if (line.severity) return paint(line.text, line.severity);
    if (line.ok) return pc.green(line.text);
    return i === 0 ? pc.dim(line.text) : pc.bold(line.text);
  });
  process.stdout.write(`${out.join('\n')}\n`);
}

function clock(): string {
  return new Date().toLocaleTimeString('de-DE', { hour12: false });
}

/**
 * `--watch`: the first full run, then re-checks of changed files until Ctrl+C (or SIGTERM),
 * which ends with exit 0. Findings never end the watch.
 */
function watchWiki(docs: string, fixedToday: CalendarDate | undefined): Promise<number> {
  const today = () => fixedToday ?? localToday();
  const session = new IncrementalValidation(docs, today());
  printText(session.result);

  return new Promise((resolvePromise) => {
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      timer = undefined;
      const paths = [...pending];
      pending.clear();
      try {
        const update = session.update(paths, today());
        if (update.files.length > 0) printWatchLines(formatWatchUpdate(update, clock()));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`validate: Prüfung nach Änderung fehlgeschlagen: ${message}\n`);
      }
    };
    const schedule = (path: string) => {
      pending.add(path);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, DEBOUNCE_MS);
    };

    const watcher = watch(docs, {
      ignoreInitial: true,
      // Skip what the wiki skips (`_`/`.` names, node_modules) and files other than Markdown.
      ignored: (path, stats) => {
        const rel = relative(docs, path);
        if (rel === '') return false;
        if (!isWikiPath(rel, 'dir')) return true;
        return stats?.isFile() === true && !isWikiPath(rel, 'file');
      },
    });
    for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, schedule);
    watcher.on('error', (error) => {
      process.stderr.write(`validate: Fehler beim Überwachen: ${error instanceof Error ? error.message : String(error)}\n`);
    });
    watcher.on('ready', () => process.stdout.write(`${colour ? pc.cyan(watchReadyLine(docs)) : watchReadyLine(docs)}\n`));

    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      if (timer) clearTimeout(timer);
      void watcher.close().then(() => {
        process.stdout.write('Überwachung beendet.\n');
        resolvePromise(EXIT.ok);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

void runCli(program, async () => {
  const options = program.opts<Options>();
  const today = parseToday(options.today);
  if (options.watch) {
    if (options.format !== 'text') throw new UsageError(`--watch gibt Text aus; --format ${options.format} geht nur ohne --watch.`);
    return watchWiki(options.docs, options.today === undefined ? undefined : today);
  }
  const wiki = await loadWikiForCommand(options.docs, { cache: options.cache, label: 'Prüfe' });
  const result = validateWiki(wiki, today);
  if (options.format === 'json') {
    process.stdout.write(`${formatFindingsJson(result)}\n`);
  } else if (options.format === 'gitlab') {
    process.stdout.write(`${formatFindingsGitlab(result)}\n`);
  } else {
    printText(result);
  }
  return result.errors > 0 ? EXIT.findings : EXIT.ok;
});
