import type { AuditResult } from '../audit';
import { formatAuditCsv } from './csv';
import { formatAuditHtml } from './html';
import { formatAuditJson } from './json';
import { formatAuditMarkdown } from './md';
import { formatAuditTable } from './table';
import type { Paint } from '../../core/paint';

/** The report formats of `npm run audit --format` (contract §5). */
export const AUDIT_FORMATS = ['table', 'csv', 'json', 'md', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditRenderOptions {
  /** Address of the intranet wiki, for links in the HTML report. */
  siteUrl?: string;
  /** Colours for the terminal table (none: plain text). */
  paint?: Paint;
  /** Width of the terminal table. */
  width?: number;
}

/** The audit result in one of its formats. */
export function formatAudit(result: AuditResult, format: AuditFormat, options: AuditRenderOptions = {}): string {
  switch (format) {
    case 'json': return formatAuditJson(result);
    case 'csv': return formatAuditCsv(result);
    case 'md': return formatAuditMarkdown(result);
    case 'html': return formatAuditHtml(result, { siteUrl: options.siteUrl });
    case 'table': return formatAuditTable(result, options.paint, options.width);
  }
}
