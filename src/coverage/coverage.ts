import { stringValue, validFrontMatter, type Article } from '../core/article';
import { addMonths, compareDates, formatIsoDate, type CalendarDate } from '../core/dates';
import { findingsByFile, FRONT_MATTER_RULES, hasValidFrontMatter, type Finding, type RuleId } from '../core/finding';
import type { TaskItem } from '../core/markdown/remark';
import { isStale, reviewDue } from '../core/review-dates';
import { findSection, missingSections } from '../core/required-sections';
import type { ValidationResult } from '../validate/validate';
import type { Wiki } from '../core/wiki';
import type { ArticleType } from '../core/schema/schemas';
import { performedByAnother } from '../core/performers';

/** The six coverage checks of the contract (knowledge-model.md §4), in order. */
export const CHECK_IDS = ['profile', 'sections', 'deputies', 'processes', 'freshness', 'handover'] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export type CheckState = 'pass' | 'fail' | 'n/a';

export interface ArticleRef {
  id: string;
  title: string;
  /** Page path relative to the site root, e.g. `fb32-ordnung/stelle-32-004`. */
  path: string;
}

/** Why a check failed, as data; texts.ts turns it into German. */
export type Gap =
  | { check: 'profile'; kind: 'missing' }
  | { check: 'profile'; kind: 'invalid'; problems: number }
  | { check: 'sections'; kind: 'incomplete'; sections: string[]; placeholders: number }
  | { check: 'deputies'; kind: 'none' }
  | { check: 'processes'; kind: 'none' }
  | { check: 'processes'; kind: 'single-performer'; process: ArticleRef }
  | { check: 'freshness'; kind: 'stale'; article: ArticleRef; due: string }
  | { check: 'handover'; kind: 'missing'; departure: string; daysLeft: number }
  | { check: 'handover'; kind: 'incomplete'; departure: string; daysLeft: number; handover: ArticleRef; open: number };

export interface PostCoverage {
  post: string;
  /** The post article, when one exists. */
  article: ArticleRef | undefined;
  department: string | undefined;
  criticality: string | undefined;
  checks: Record<CheckId, CheckState>;
  gaps: Gap[];
  /** passed ÷ applicable checks, whole percent rounded down. */
  coverage: number;
  missing: CheckId[];
}

/** Everything coverage needs from one loaded and validated wiki, indexed once. */
export interface CoverageIndex {
  wiki: Wiki;
  findingsByFile: Map<string, Finding[]>;
  processesByOwner: Map<string, Article[]>;
  /** Processes naming the post among their performers (each process once per post). */
  processesByPerformer: Map<string, Article[]>;
  handoversByPost: Map<string, Article[]>;
}

/**
 * The rules whose findings coverage reads (everything else it works out itself): the audit
 * runs only these, the site all. Differential test in test/coverage.test.ts.
 */
export const COVERAGE_RULES: readonly RuleId[] = [...FRONT_MATTER_RULES, 'placeholder'];

/** The article types whose Markdown bodies coverage reads (sections and placeholders of posts, handovers' checklists). */
export const COVERAGE_BODIES: readonly ArticleType[] = ['post', 'handover'];

/** `validation` must hold at least the findings of COVERAGE_RULES. */
export function buildCoverageIndex(wiki: Wiki, validation: ValidationResult): CoverageIndex {
  const byFile = findingsByFile(validation.findings);
  const processesByOwner = new Map<string, Article[]>();
  const processesByPerformer = new Map<string, Article[]>();
  const handoversByPost = new Map<string, Article[]>();
  for (const article of wiki.articles) {
    if (!hasValidFrontMatter(article, findingsOf(article, byFile))) continue;
    const process = validFrontMatter(article, 'process');
    if (process) {
      push(processesByOwner, process.owner, article);
      for (const performer of new Set(process.performers)) push(processesByPerformer, performer, article);
    }
    const handover = validFrontMatter(article, 'handover');
    if (handover) push(handoversByPost, handover.post, article);
  }
  return { wiki, findingsByFile: byFile, processesByOwner, processesByPerformer, handoversByPost };
}

function push(map: Map<string, Article[]>, key: string | undefined, article: Article): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list) list.push(article);
  else map.set(key, [article]);
}

/** Whether an article's front matter is usable: valid, and no `yaml` or `schema` finding names it. */
export function isUsable(index: CoverageIndex, article: Article): boolean {
  return hasValidFrontMatter(article, findingsOf(article, index.findingsByFile));
}

function findingsOf(article: Article, index: Map<string, Finding[]>): Finding[] {
  return index.get(article.file) ?? [];
}

/**
 * Id, title and page path as Docusaurus routes it: folder + id, or just the folder for a
 * category index – a file named `index.md`, `README.md` or like its folder (`x/x.md`).
 */
export function articleRef(article: Article): ArticleRef {
  const id = stringValue(article, 'id') ?? article.relPath;
  const parts = article.relPath.split('/');
  const stem = parts[parts.length - 1]!.replace(/\.md$/, '').toLowerCase();
  const folder = parts.length > 1 ? parts[parts.length - 2]!.toLowerCase() : undefined;
  const dir = parts.length > 1 ? `${parts.slice(0, -1).join('/')}/` : '';
  const isIndex = stem === 'index' || stem === 'readme' || stem === folder;
  return { id, title: stringValue(article, 'title') ?? id, path: isIndex ? dir : `${dir}${id}` };
}

export interface CoverageOptions {
  today: CalendarDate;
  /** The holder's departure from the HR register; without it `handover` does not apply. */
  departure?: CalendarDate;
  /** Months before a departure from which a handover is required (default 6). */
  lead?: number;
}

function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

/** The task items under a handover's `## Checkliste` (contract §2). */
export function checklistOf(handover: Article): TaskItem[] {
  return findSection(handover, 'Checkliste')?.tasks ?? [];
}

function isComplete(handover: Article): boolean {
  return validFrontMatter(handover, 'handover')?.status === 'done' && checklistOf(handover).every((t) => t.checked);
}

/** The six checks for one post id. */
export function computeCoverage(index: CoverageIndex, postId: string, options: CoverageOptions): PostCoverage {
  const { wiki } = index;
  const { today, departure, lead = 6 } = options;
  const post = wiki.posts.get(postId);
  const checks = Object.fromEntries(CHECK_IDS.map((c) => [c, 'fail'])) as Record<CheckId, CheckState>;
  const gaps: Gap[] = [];
  const handoverApplies = departure !== undefined && compareDates(departure, addMonths(today, lead)) <= 0;
  if (!handoverApplies) checks.handover = 'n/a';

  const profileOk = post !== undefined && hasValidFrontMatter(post, findingsOf(post, index.findingsByFile));
  if (!post) gaps.push({ check: 'profile', kind: 'missing' });
  else if (!profileOk) {
    gaps.push({ check: 'profile', kind: 'invalid', problems: findingsOf(post, index.findingsByFile).filter((f) => FRONT_MATTER_RULES.includes(f.rule)).length });
  }

  if (post && profileOk) {
    checks.profile = 'pass';

    const findings = findingsOf(post, index.findingsByFile);
    const missing = missingSections(post).map((gap) => gap.title);
    const placeholders = findings.filter((f) => f.rule === 'placeholder').length;
    if (missing.length === 0 && placeholders === 0) checks.sections = 'pass';
    else gaps.push({ check: 'sections', kind: 'incomplete', sections: missing, placeholders });

    const deputies = (validFrontMatter(post, 'post')?.deputies ?? []).filter((d) => d !== postId && wiki.posts.has(d));
    if (deputies.length > 0) checks.deputies = 'pass';
    else gaps.push({ check: 'deputies', kind: 'none' });

    const owned = index.processesByOwner.get(postId) ?? [];
    const alone = owned.filter((p) => !performedByAnother(wiki, p));
    if (owned.length === 0) gaps.push({ check: 'processes', kind: 'none' });
    for (const process of alone) gaps.push({ check: 'processes', kind: 'single-performer', process: articleRef(process) });
    if (owned.length > 0 && alone.length === 0) checks.processes = 'pass';

    const stale = [post, ...owned].filter((a) => isStale(a, today));
    for (const article of stale) {
      gaps.push({ check: 'freshness', kind: 'stale', article: articleRef(article), due: formatIsoDate(reviewDue(article)!) });
    }
    if (stale.length === 0) checks.freshness = 'pass';
  }

  if (handoverApplies && departure) {
    const daysLeft = daysBetween(today, departure);
    const departureIso = formatIsoDate(departure);
    const handovers = index.handoversByPost.get(postId) ?? [];
    const mustBeComplete = compareDates(departure, addMonths(today, 1)) <= 0;
    const complete = handovers.find(isComplete);
    if (profileOk && handovers.length > 0 && (!mustBeComplete || complete)) checks.handover = 'pass';
    else if (handovers.length === 0) gaps.push({ check: 'handover', kind: 'missing', departure: departureIso, daysLeft });
    else if (mustBeComplete && !complete) {
      const handover = handovers[0];
      gaps.push({ check: 'handover', kind: 'incomplete', departure: departureIso, daysLeft, handover: articleRef(handover), open: checklistOf(handover).filter((t) => !t.checked).length });
    }
  }

  // When the profile fails, every other check fails too (contract §4).
  if (!profileOk) for (const check of CHECK_IDS) if (checks[check] !== 'n/a') checks[check] = 'fail';

  const applicable = CHECK_IDS.filter((c) => checks[c] !== 'n/a');
  const passed = applicable.filter((c) => checks[c] === 'pass').length;
  return {
    post: postId,
    article: post ? articleRef(post) : undefined,
    department: post ? stringValue(post, 'department') : undefined,
    criticality: post ? stringValue(post, 'criticality') : undefined,
    checks,
    gaps,
    coverage: Math.floor((passed * 100) / applicable.length),
    missing: applicable.filter((c) => checks[c] === 'fail'),
  };
}
