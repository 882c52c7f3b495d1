import type { Finding } from '../finding';
import type { ValidationResult } from '../validate';

/** `file:line:col severity message [rule]` — the contract's line format. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} [${f.rule}]`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The summary line after the findings. */
export function formatSummary(result: ValidationResult): string {
  const counts = `${plural(result.errors, 'Fehler', 'Fehler')}, ${plural(result.warnings, 'Warnung', 'Warnungen')}`;
  const checked = `${result.articles} Artikel geprüft`;
  return result.errors === 0 ? `${checked}: keine Fehler (${counts}).` : `${checked}: ${counts}.`;
}

export function formatFindingsText(result: ValidationResult): string {
  return [...result.findings.map(formatFinding), formatSummary(result)].join('\n');
}
