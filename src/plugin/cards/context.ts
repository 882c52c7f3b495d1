import { articleRef, buildCoverageIndex, computeCoverage, isUsable, type CoverageIndex, type PostCoverage } from '../../coverage/coverage';
import { buildPlan, type Plan, type PlanDepartment, type PlanProcess } from '../../plan/plan';
import { type CalendarDate } from '../../core/dates';
import { stringValue, type Article } from '../../core/article';
import { type ValidationResult } from '../../validate/validate';
import { groupBy } from '../../core/group-by';
import { type Wiki } from '../../core/wiki';

/** A link to an article's page under the site's base URL. */
export interface LinkRef {
  id: string;
  title: string;
  permalink: string;
  department?: string;
}

/**
 * What every card and dashboard reads, derived once per build: the coverage relations
 * (owner/performer → processes), each post's coverage and the articles grouped by
 * department – so no card scans the whole wiki.
 */
export interface SiteContext {
  wiki: Wiki;
  index: CoverageIndex;
  today: CalendarDate;
  /** Articles with a type and an id: those that get a card. */
  usable: Article[];
  /** The usable process articles, in wiki order. */
  processes: Article[];
  processesByDepartment: Map<string, Article[]>;
  postsByDepartment: Map<string, Article[]>;
  coverageOf: Map<string, PostCoverage>;
  link(article: Article): LinkRef;
  /** The link to a post by id, when the post exists. */
  postLink(id: string | undefined): LinkRef | undefined;
  postLinks(ids: string[]): LinkRef[];
  departmentTitle(id: string | undefined): string;
  /** Every department, ordered by id. */
  departments: LinkRef[];
  /** The digitalisation plan on the build date (knowledge-model.md §8), as `npm run plan` computes it. */
  plan: Plan;
  /** The plan's entries by process file and by department id. */
  planProcesses: Map<string, PlanProcess>;
  planDepartments: Map<string, PlanDepartment>;
}

export function createSiteContext(wiki: Wiki, validation: ValidationResult, today: CalendarDate, baseUrl: string): SiteContext {
  const index = buildCoverageIndex(wiki, validation);
  const usable = wiki.articles.filter((a) => a.type !== undefined && stringValue(a, 'id') !== undefined);
  const processes = usable.filter((a) => a.type === 'process');
  const link = (article: Article): LinkRef => {
    const ref = articleRef(article);
    return { id: ref.id, title: ref.title, permalink: `${baseUrl}${ref.path}`, department: stringValue(article, 'department') };
  };
  const postLink = (id: string | undefined): LinkRef | undefined => {
    const post = id ? wiki.posts.get(id) : undefined;
    return post ? link(post) : undefined;
  };
  const plan = buildPlan(wiki, today, (article) => isUsable(index, article));
  return {
    wiki,
    index,
    today,
    usable,
    processes,
    processesByDepartment: groupByDepartment(processes),
    postsByDepartment: groupByDepartment([...wiki.posts.values()]),
    coverageOf: new Map([...wiki.posts.keys()].map((id) => [id, computeCoverage(index, id, { today })])),
    link,
    postLink,
    postLinks: (ids) => ids.map(postLink).filter((l): l is LinkRef => l !== undefined),
    departmentTitle: (id) => {
      const department = id ? wiki.departments.get(id) : undefined;
      return (department && stringValue(department, 'title')) || id || '';
    },
    departments: [...wiki.departments.values()].map(link).sort(byId),
    plan,
    planProcesses: new Map(plan.processes.map((p) => [p.file, p])),
    planDepartments: new Map(plan.departments.map((d) => [d.id, d])),
  };
}

/** Orders by id the way people read numbered ids (`stelle-2` before `stelle-10`). */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id.localeCompare(b.id, 'de', { numeric: true });
}

function groupByDepartment(articles: Article[]): Map<string, Article[]> {
  return groupBy(articles.filter((a) => stringValue(a, 'department') !== undefined), (a) => stringValue(a, 'department')!);
}

/** A process's digital status and bundle, when written as text. */
export function digitalOf(process: Article): { status?: string; bundle?: string } {
  const digital = process.data?.digital as { status?: unknown; bundle?: unknown } | undefined;
  return {
    status: typeof digital?.status === 'string' ? digital.status : undefined,
    bundle: typeof digital?.bundle === 'string' ? digital.bundle : undefined,
  };
}
