import type { Article } from './article';

/** The eight rule ids of the contract (knowledge-model.md §3, `plan` in §8). */
export const RULE_IDS = [
  'yaml',
  'schema',
  'duplicate-id',
  'reference',
  'sections',
  'placeholder',
  'stale',
  'plan',
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

/** The findings of each file (by `Finding.file`, the path as shown), in their order. */
export function findingsByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  return byFile;
}

/** The rules that judge the front matter itself; an article with one of their findings has no usable data. */
export const FRONT_MATTER_RULES: readonly RuleId[] = ['yaml', 'schema'];

/**
 * Whether an article's front matter can be used (coverage, process register): it passed the
 * schema and no `yaml` or `schema` finding names it. `findings` are the article's own.
 */
export function hasValidFrontMatter(article: Pick<Article, 'schema'>, findings: readonly Finding[]): boolean {
  return article.schema?.valid === true && !findings.some((f) => FRONT_MATTER_RULES.includes(f.rule));
}
