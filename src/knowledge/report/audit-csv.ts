import type { AuditResult } from '../audit';
import { rowCells } from './audit-rows';
import { excelText, toExcelCsv } from './excel-csv';

/** `--format csv`: opens correctly in German Excel (`;`, UTF-8 BOM, CRLF, German headers, DD.MM.YYYY). */
export function formatAuditCsv(result: AuditResult): string {
  const header = ['Austrittsdatum', 'Monate bis Austritt', 'Stelle', 'Bezeichnung', 'Fachbereich', 'Stelleninhaber', 'Grund', 'Abdeckung (%)', 'Fehlende Prüfungen', 'Was fehlt'];
  const rows = result.flagged.map((row) => {
    const c = rowCells(row);
    return [c.departure, c.months, c.post, c.title, c.department, c.holder, c.reason, String(row.coverage), c.missing, c.details.join(' | ')];
  });
  return toExcelCsv([header, ...rows].map((r) => r.map(excelText)));
}
