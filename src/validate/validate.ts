import type { CalendarDate } from '../core/dates';
import { compareFindings, type Finding } from '../core/finding';
import { RULES } from './rules/index';
import type { Report, Rule, RuleContext } from './rules/rule';
import type { Wiki } from '../core/wiki';

export interface ValidationResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  articles: number;
}

function toFinding(rule: Rule, report: Report): Finding {
  return {
    file: report.article.file,
    line: report.line,
    column: report.column,
    severity: rule.severity,
    rule: rule.id,
    message: report.message,
  };
}

/** Runs every rule over a loaded wiki; findings are sorted by file, line, column. */
export function validateWiki(wiki: Wiki, today: CalendarDate, rules: readonly Rule[] = RULES): ValidationResult {
  const context: RuleContext = { wiki, today };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const reports = rule.scope === 'file'
      ? wiki.articles.flatMap((article) => rule.check(article, context))
      : rule.check(context);
    for (const report of reports) findings.push(toFinding(rule, report));
  }
  findings.sort(compareFindings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, errors, warnings: findings.length - errors, articles: wiki.articles.length };
}
