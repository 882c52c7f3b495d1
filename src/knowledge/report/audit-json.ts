import type { AuditResult } from '../audit';

/** `--format json`: exactly the contract's shape (knowledge-model.md §5). */
export function formatAuditJson(result: AuditResult): string {
  const { today, horizon, lead, summary } = result;
  const flagged = result.flagged.map(({ post, holder, departure, reason, months_left, coverage, missing }) => ({
    post, holder, departure, reason, months_left, coverage, missing,
  }));
  return `${JSON.stringify({ today, horizon, lead, flagged, summary }, null, 2)}\n`;
}
