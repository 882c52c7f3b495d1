import { stringify } from 'csv-stringify/sync';

/**
 * CSV as German Excel opens it by double-click: `;` between cells, UTF-8 with BOM
 * (else umlauts break), CRLF line ends. Cells are taken as they are: pass them through
 * `excelText` (or `excelDigits`) first.
 */
export function toExcelCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${stringify(rows.map((r) => [...r]), { delimiter: ';', record_delimiter: 'windows' })}`;
}

/** A leading apostrophe keeps Excel from reading a cell such as "=…" as a formula. */
export function excelText(value: string): string {
  return /^[=+@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A long digit string (a 14-digit LeiKa key) as text: Excel would show it as a number
 * in scientific notation (9,9E+13). `="…"` is Excel's way to write a text cell in CSV;
 * only plain digits ever become such a formula.
 */
export function excelDigits(value: string): string {
  return /^\d{12,}$/.test(value) ? `="${value}"` : excelText(value);
}
