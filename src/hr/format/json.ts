import type { AuditResult } from '../audit';

/** `--format json`: exactly the contract's shape (knowledge-model.md §5, `departure_source` §6, `risk` and `forecast` §7). */
export function formatAuditJson(result: AuditResult): string {
  const { today, horizon, lead, summary, forecast, changes } = result;
  const flagged = result.flagged.map(({ post, holder, departure, departure_source, reason, months_left, coverage, missing, risk }) => ({
    post, holder, departure, departure_source, reason, months_left, coverage, missing, risk,
  }));
  return `${JSON.stringify({ today, horizon, lead, flagged, summary, forecast, ...(changes ? { changes } : {}) }, null, 2)}\n`;
}
