/** The seven rule ids of the contract (knowledge-model.md §3). */
export const RULE_IDS = [
  'yaml',
  'schema',
  'duplicate-id',
  'reference',
  'sections',
  'placeholder',
  'stale',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning';

/** One validation finding; `file` is the path as shown to the user. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: RuleId;
  message: string;
}

/** A finding before it is attached to a file: what a rule module reports. */
export interface Position {
  line: number;
  column: number;
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);
}
