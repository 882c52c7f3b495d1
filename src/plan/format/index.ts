import type { Paint } from '../../core/paint';
import type { Plan } from '../plan';
import { formatPlanCsv } from './csv';
import { formatPlanHtml } from './html';
import { formatPlanJson } from './json';
import { formatPlanMarkdown } from './md';
import { formatPlanTable } from './table';

/** The report formats of `npm run plan --format` (contract §8). */
export const PLAN_FORMATS = ['table', 'csv', 'json', 'md', 'html'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** The plan in one of its formats; `paint` and `width` only for the terminal table. */
export function formatPlan(plan: Plan, format: PlanFormat, options: { paint?: Paint; width?: number } = {}): string {
  switch (format) {
    case 'json': return formatPlanJson(plan);
    case 'csv': return formatPlanCsv(plan);
    case 'md': return formatPlanMarkdown(plan);
    case 'html': return formatPlanHtml(plan);
    case 'table': return formatPlanTable(plan, options.paint, options.width);
  }
}
