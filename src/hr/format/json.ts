import type { AuditResult } from '../audit';

/** `--format json`: exactly the contract's shape (knowledge-model.md §5, `departure_source` §6). */
export function formatAuditJson(result: AuditResult): string {
  const { today, horizon, lead, summary } = result;
  const flagged = result.flagged.map(({ post, holder, departure, departure_source, reason, months_left, coverage, missing }) => ({
    post, holder, departure, departure_source, reason, months_left, coverage, missing,
  }));
  return `${JSON.stringify({ today, horizon, lead, flagged, summary }, null, 2)}\n`;
}
