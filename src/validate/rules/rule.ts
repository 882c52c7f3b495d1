import type { Article } from '../../core/article';
import type { CalendarDate } from '../../core/dates';
import type { RuleId, Severity } from '../../core/finding';
import type { Wiki } from '../../core/wiki';

export interface RuleContext {
  wiki: Wiki;
  today: CalendarDate;
}

/** What a rule reports: a position in an article and a German message. */
export interface Report {
  article: Article;
  line: number;
  column: number;
  message: string;
}

/**
 * A documented example that drives the rule's tests: `files` are laid over the
 * small valid wiki in test/fixtures/mini-wiki (empty string = file removed), and
 * `expected` are this rule's findings exactly as `validate` prints them.
 */
export interface RuleExample {
  title: string;
  files: Record<string, string>;
  today?: string;
  expected: string[];
}

interface RuleBase {
  id: RuleId;
  severity: Severity;
  examples: RuleExample[];
}

/** A rule that looks at one article at a time (its findings can be cached per file). */
export interface FileRule extends RuleBase {
  scope: 'file';
  check(article: Article, context: RuleContext): Report[];
}

/** A rule that compares articles (always recomputed over the whole wiki). */
export interface WikiRule extends RuleBase {
  scope: 'wiki';
  check(context: RuleContext): Report[];
}

export type Rule = FileRule | WikiRule;
