import type { Finding } from '../../core/finding';
import { counted } from '../../core/german';
import type { ValidationResult } from '../validate';

/** `file:line:col severity message [rule]` — the contract's line format. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} [${f.rule}]`;
}

/** The summary line after the findings. */
export function formatSummary(result: ValidationResult): string {
  const counts = `${counted(result.errors, 'Fehler', 'Fehler')}, ${counted(result.warnings, 'Warnung', 'Warnungen')}`;
  const checked = `${result.articles} Artikel geprüft`;
  return result.errors === 0 ? `${checked}: keine Fehler (${counts}).` : `${checked}: ${counts}.`;
}

export function formatFindingsText(result: ValidationResult): string {
  return [...result.findings.map(formatFinding), formatSummary(result)].join('\n');
}
