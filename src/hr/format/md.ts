import type { AuditResult } from '../audit';
import { actionWords, dueText } from '../action-texts';
import { germanDate } from '../../core/german';
import { AUDIT_COLUMNS, changeLines, FORECAST_COLUMNS, FORECAST_EMPTY, forecastCells, forecastTitle, hasComputedDepartures, RETIREMENT_MARK, RETIREMENT_NOTE, rowCells, summaryLine } from './rows';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `--format md`: a GFM table to paste into a ticket. */
export function formatAuditMarkdown(result: AuditResult): string {
  const lines = [
    `## Wissenssicherung: nicht abgesicherte Stellen`,
    '',
    summaryLine(result),
    '',
  ];
  if (result.flagged.length === 0) lines.push('Keine Stelle auffällig.');
  else flaggedTable(result, lines);
  if (result.flagged.length > 0) {
    lines.push('', '### Was jetzt zu tun ist', '');
    for (const row of result.flagged) {
      lines.push(`**\`${row.post}\`** (Austritt ${germanDate(row.departure)}):`, '');
      row.actions.forEach((step, i) => {
        const { text, command } = actionWords(step);
        lines.push(`${i + 1}. ${text}${command ? `: \`${command}\`` : ''} – ${dueText(step)}`);
      });
      lines.push('');
    }
    lines.pop();
  }
  const trend = changeLines(result);
  if (trend) lines.push('', `### ${trend.title}`, '', ...trend.lines.map(([label, text]) => `- **${label}:** ${text}`));
  lines.push('', `### ${forecastTitle(result)}`, '');
  if (result.forecast.length === 0) lines.push(FORECAST_EMPTY);
  else {
    lines.push(`| ${FORECAST_COLUMNS.join(' | ')} |`, `| --- | --- | ---: | ---: |`);
    for (const row of result.forecast) lines.push(`| ${forecastCells(row).map(cell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function flaggedTable(result: AuditResult, lines: string[]): void {
  lines.push(`| ${AUDIT_COLUMNS.join(' | ')} |`, `|${AUDIT_COLUMNS.map((c) => (c === 'Monate' || c === 'Abdeckung' ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const row of result.flagged) {
    const c = rowCells(row);
    const missing = c.details.length > 0 ? c.details.join('<br>') : c.missing;
    lines.push(`| ${[`${c.departure}${c.departureNote ? ` ${RETIREMENT_MARK}` : ''}`, c.months, `\`${c.post}\``, c.title, c.department, c.holder, c.reason, c.coverage, c.risk, missing].map(cell).join(' | ')} |`);
  }
  if (hasComputedDepartures(result)) lines.push('', `\\${RETIREMENT_NOTE}`);
}
