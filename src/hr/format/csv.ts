import type { AuditResult } from '../audit';
import { CHANGE_LABELS, changeLines, DEPARTURE_SOURCE_LABELS, encodingLine, FORECAST_COLUMNS, FORECAST_EMPTY, forecastCells, forecastTitle, RISK_COLUMNS, rowCells } from './rows';
import { RISK_LEVEL_LABELS } from '../risk';
import { excelText, toExcelCsv } from '../../core/excel-csv';
import { FIELD_TITLES } from '../../core/schema/labels';
import { REGISTER_TITLES } from '../register';

/**
 * `--format csv`: opens correctly in German Excel (`;`, UTF-8 BOM, CRLF, German headers, DD.MM.YYYY).
 * After an empty row, one line names the register's encoding (Excel's sort and filter stop at the gap);
 * after another, the ten-year forecast as a table of its own.
 */
export function formatAuditCsv(result: AuditResult): string {
  const header = [
    REGISTER_TITLES.departure, 'Austritt laut', 'Monate bis Austritt', REGISTER_TITLES.post, 'Bezeichnung', FIELD_TITLES.department,
    REGISTER_TITLES.holder, REGISTER_TITLES.reason, 'Abdeckung (%)', ...RISK_COLUMNS, 'Fehlende Prüfungen', 'Was fehlt',
  ];
  const rows = result.flagged.map((row) => {
    const c = rowCells(row);
    const { attrition, position, score, level } = row.risk;
    return [
      c.departure, DEPARTURE_SOURCE_LABELS[row.departure_source], c.months, c.post, c.title, c.department, c.holder, c.reason, String(row.coverage),
      String(attrition), String(position), String(score), RISK_LEVEL_LABELS[level], c.missing, c.details.join(' | '),
    ];
  });
  // The forecast below its own gap: one file for Excel, and its sort and filter never mix the two tables.
  const forecast = result.forecast.length === 0 ? [[FORECAST_EMPTY]] : [[...FORECAST_COLUMNS], ...result.forecast.map(forecastCells)];
  const trend = changeLines(result);
  // With --compare: one row per changed post (what changed, the post, coverage before and now).
  const changes = result.changes && trend
    ? [[], [trend.title], ['Veränderung', 'Stelle', 'Abdeckung vorher (%)', 'Abdeckung jetzt (%)'],
      ...result.changes.new.map((post) => [CHANGE_LABELS.new, post, '', '']),
      ...result.changes.resolved.map((post) => [CHANGE_LABELS.resolved, post, '', '']),
      ...result.changes.coverage.map((c) => [CHANGE_LABELS.coverage, c.post, String(c.before), String(c.after)])]
    : [];
  return toExcelCsv([header, ...rows, [], [encodingLine(result)], [], [forecastTitle(result)], ...forecast, ...changes].map((r) => r.map(excelText)));
}
