import { excelText, toExcelCsv } from '../../core/excel-csv';
import type { Plan } from '../plan';
import { planSummaryLine } from '../texts';
import { BUNDLE_COLUMNS, bundleCells, DEPARTMENT_COLUMNS, departmentCells, PROCESS_COLUMNS, processCells } from './rows';

/**
 * `--format csv`: one file for German Excel (`;`, UTF-8 BOM, CRLF, German headers, DD.MM.YYYY),
 * like the audit's: the processes first (Excel's sort and filter work on the first table),
 * then after an empty row each the departments and the bundles per department.
 */
export function formatPlanCsv(plan: Plan): string {
  const rows: string[][] = [
    [...PROCESS_COLUMNS], ...plan.processes.map(processCells),
    [], [planSummaryLine(plan)],
    [], ['Fachbereiche'], [...DEPARTMENT_COLUMNS], ...plan.departments.map(departmentCells),
    [], ['Digitalbündel je Fachbereich'], [...BUNDLE_COLUMNS], ...plan.bundles.flatMap((b) => b.departments.map((d) => bundleCells(b, d))),
  ];
  return toExcelCsv(rows.map((r) => r.map(excelText)));
}
