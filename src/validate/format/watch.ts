import type { Severity } from '../../core/finding';
import type { FileChange, WatchUpdate } from '../watch';
import { formatFinding, formatSummary } from './text';

/** One output line of `validate --watch`; `severity` lets the CLI colour finding lines. */
export interface WatchLine {
  text: string;
  severity?: Severity;
  ok?: boolean;
}

const CHANGE_WORDS: Record<FileChange, string> = { added: 'neu', changed: 'geändert', removed: 'entfernt' };

/** The status line once the first run is done and the watcher is ready. */
export function watchReadyLine(docs: string): string {
  return `Überwache ${docs.replace(/[\\/]+$/, '')}/ … (Strg+C beendet)`;
}

/**
 * The lines printed after a change: a header with the time and the files touched,
 * then per reported file either its findings (contract line format) or one line saying
 * it is fine, then the summary of the whole wiki.
 */
export function formatWatchUpdate(update: WatchUpdate, time: string): WatchLine[] {
  const touched = update.files.filter((f) => f.change !== undefined);
  const names = touched.length <= 3
    ? touched.map((f) => `${f.file} (${CHANGE_WORDS[f.change!]})`).join(', ')
    : `${touched.length} Dateien: ${(['added', 'changed', 'removed'] as const)
      .map((c) => [c, touched.filter((f) => f.change === c).length] as const)
      .filter(([, n]) => n > 0)
      .map(([c, n]) => `${n} ${CHANGE_WORDS[c]}`)
      .join(', ')}`;
  const lines: WatchLine[] = [{ text: `[${time}] ${names || 'Befunde anderer Dateien geändert'}` }];
  for (const report of update.files) {
    if (report.findings.length > 0) {
      for (const finding of report.findings) lines.push({ text: formatFinding(finding), severity: finding.severity });
    } else if (report.change === 'removed') {
      lines.push({ text: `${report.file}: entfernt${report.hadFindings ? ' – seine Befunde entfallen' : ''}.`, ok: true });
    } else if (report.hadFindings) {
      lines.push({ text: `${report.file}: wieder in Ordnung (keine Befunde mehr).`, ok: true });
    } else {
      lines.push({ text: `${report.file}: in Ordnung (keine Befunde).`, ok: true });
    }
  }
  lines.push({ text: formatSummary(update.result) });
  return lines;
}
