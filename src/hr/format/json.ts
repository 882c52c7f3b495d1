import type { AuditResult } from '../audit';
import { actionText } from '../action-texts';

/** `--format json`: exactly the contract's shape (knowledge-model.md §5, `departure_source` §6, `risk` and `forecast` §7). */
export function formatAuditJson(result: AuditResult): string {
  const { today, horizon, lead, summary, forecast, changes } = result;
  const flagged = result.flagged.map(({ post, holder, departure, departure_source, reason, months_left, coverage, missing, risk, actions }) => ({
    post, holder, departure, departure_source, reason, months_left, coverage, missing, risk,
    actions: actions.map((step) => ({ action: step.action, text: actionText(step), due: step.due })),
  }));
  return `${JSON.stringify({ today, horizon, lead, flagged, summary, forecast, ...(changes ? { changes } : {}) }, null, 2)}\n`;
}
