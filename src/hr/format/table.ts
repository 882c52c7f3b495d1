import Table from 'cli-table3';
import type { AuditResult } from '../audit';
import { changeLines, hasComputedDepartures, RETIREMENT_MARK, RETIREMENT_NOTE, rowCells, summaryLine } from './rows';
import { RISK_LEVEL_LABELS } from '../risk';
import { PLAIN, type Paint } from '../../core/paint';

/** `--format table`: a terminal table; colours only when the caller passes them (a TTY). */
export function formatAuditTable(result: AuditResult, paint: Paint = PLAIN, width = 120): string {
  const trend = changeLines(result);
  const summary = paint.bold(summaryLine(result)) + (trend ? `\n${trend.title}:\n${trend.lines.map(([label, text]) => `  ${label}: ${text}`).join('\n')}` : '');
  if (result.flagged.length === 0) return `${summary}\nKeine Stelle auffällig.\n`;
  const table = new Table({
    head: ['Austritt', 'Mon.', 'Stelle', 'Inhaber/in', 'Abd.', 'Risiko', 'Es fehlt'],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [13, 6, 30, 18, 6, 10, Math.max(30, width - 97)],
  });
  for (const row of result.flagged) {
    const c = rowCells(row);
    const coverage = row.coverage < 50 ? paint.red(c.coverage) : row.coverage < 100 ? paint.yellow(c.coverage) : paint.green(c.coverage);
    const level = RISK_LEVEL_LABELS[row.risk.level];
    const risk = `${row.risk.level === 'high' ? paint.red(level) : row.risk.level === 'medium' ? paint.yellow(level) : level}\n${row.risk.score} = ${row.risk.attrition}×${row.risk.position}`;
    table.push([`${c.departure}${c.departureNote ? RETIREMENT_MARK : ''}`, c.months, `${c.post}\n${c.title}`, c.holder, coverage, risk, c.details.join('\n')]);
  }
  return `${summary}\n${table.toString()}\n${hasComputedDepartures(result) ? `${RETIREMENT_NOTE}\n` : ''}`;
}
