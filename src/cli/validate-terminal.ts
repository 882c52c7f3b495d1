/**
 * `npm run validate` on the terminal: findings in colour when the terminal has it, and the
 * `--watch` loop (chokidar, debounced) that re-checks changed files until Ctrl+C.
 */
import { relative } from 'node:path';
import { watch } from 'chokidar';
import pc from 'picocolors';
import { localToday, type CalendarDate } from '../core/dates';
import type { Finding } from '../core/finding';
import { germanTime } from '../core/german';
import { isWikiPath } from '../core/wiki';
import { formatFinding, formatSummary } from '../validate/format/text';
import { formatWatchUpdate, watchReadyLine, type WatchLine } from '../validate/format/watch';
import type { ValidationResult } from '../validate/validate';
import { IncrementalValidation } from '../validate/watch';
import { EXIT } from './run';

/** Changes arriving within this many milliseconds are checked together (an editor's save is often several events). */
const DEBOUNCE_MS = 200;

const colour = process.stdout.isTTY === true && pc.isColorSupported;
const paint = (line: string, severity: string) =>
  !colour ? line : line.replace(` ${severity} `, ` ${severity === 'error' ? pc.red(severity) : pc.yellow(severity)} `);

export function printText(result: ValidationResult): void {
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

/**
 * `--watch`: the first full run, then re-checks of changed files until Ctrl+C (or SIGTERM),
 * which ends with exit 0. Findings never end the watch.
 */
export function watchWiki(docs: string, fixedToday: CalendarDate | undefined): Promise<number> {
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
        if (update.files.length > 0) printWatchLines(formatWatchUpdate(update, germanTime(new Date())));
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
