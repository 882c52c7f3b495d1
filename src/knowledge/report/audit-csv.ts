import { stringify } from 'csv-stringify/sync';
import type { AuditResult } from '../audit';
import { rowCells } from './audit-rows';

/** `--format csv`: opens correctly in German Excel (`;`, UTF-8 BOM, CRLF, German headers, DD.MM.YYYY). */
export function formatAuditCsv(result: AuditResult): string {
  const header = ['Austrittsdatum', 'Monate bis Austritt', 'Stelle', 'Bezeichnung', 'Fachbereich', 'Stelleninhaber', 'Grund', 'Abdeckung (%)', 'Fehlende Prüfungen', 'Was fehlt'];
  const rows = result.flagged.map((row) => {
    const c = rowCells(row);
    return [c.departure, c.months, c.post, c.title, c.department, c.holder, c.reason, String(row.coverage), c.missing, c.details.join(' | ')];
  });
  // A leading apostrophe keeps Excel from reading a cell such as "=…" as a formula.
  const safe = (value: string) => (/^[=+@\t\r]/.test(value) ? `'${value}` : value);
  return `\uFEFF${stringify([header, ...rows].map((r) => r.map(safe)), { delimiter: ';', record_delimiter: 'windows' })}`;
}
