import { validFrontMatter, type Article } from '../core/article';
import { addMonths, compareDates, formatIsoDate, parseIsoDate, type CalendarDate } from '../core/dates';
import type { Wiki } from '../core/wiki';
import { performedByAnother } from '../core/performers';
import { DEFAULT_DIGICHECK_MONTHS } from '../core/schema/schemas';
import { groupBy } from '../core/group-by';
import { bundleEnded } from './bundles';

/**
 * The digitalisation plan (knowledge-model.md §8) from a loaded wiki: per process, bundle and
 * department what is done, what it costs against the department's capacity, and the problems.
 * The objects carry titles for the reports; format/json.ts prints exactly the contract's keys.
 */

/** Problem ids in the order of §8 (`problems` lists them in this order). */
export const PROCESS_PROBLEMS = ['overdue', 'unplanned', 'no-effort', 'knowledge-at-risk'] as const;
export const DEPARTMENT_PROBLEMS = ['overloaded', 'no-digicheck', 'digicheck-due'] as const;
export const PROBLEM_IDS = [...PROCESS_PROBLEMS, ...DEPARTMENT_PROBLEMS] as const;
export type ProcessProblem = (typeof PROCESS_PROBLEMS)[number];
export type DepartmentProblem = (typeof DEPARTMENT_PROBLEMS)[number];
export type ProblemId = ProcessProblem | DepartmentProblem;

export type DigitalStatus = 'analog' | 'partial' | 'digital' | 'online';

export interface PlanProcess {
  id: string;
  department: string;
  status: DigitalStatus | null;
  bundle: string | null;
  effort: number | null;
  problems: ProcessProblem[];
  title: string;
  file: string;
  done: boolean;
}

export interface PlanBundleDepartment {
  department: string;
  processes: number;
  done: number;
  effort: number;
  capacity: number | null;
  overloaded: boolean;
}

export interface PlanBundle {
  bundle: string;
  processes: number;
  done: number;
  effort: number;
  departments: PlanBundleDepartment[];
}

export interface PlanDepartment {
  id: string;
  processes: number;
  done: number;
  share: number;
  capacity: number | null;
  digicheck: string | null;
  problems: DepartmentProblem[];
  title: string;
  /** When the DigiCheck is to be repeated (`digicheck` + `digicheck_months`), if there was one. */
  digicheckDue: string | null;
}

export interface PlanSummary {
  processes: number;
  done: number;
  share: number;
  /** Person-days of the processes not done. */
  effort: number;
  departments: number;
  bundles: number;
  /** Department bundles whose effort exceeds the capacity. */
  overloaded_bundles: number;
  /** How many processes (process problems) or departments (department problems) have each problem. */
  problems: Record<ProblemId, number>;
}

export interface Plan {
  today: string;
  bundles: PlanBundle[];
  processes: PlanProcess[];
  departments: PlanDepartment[];
  summary: PlanSummary;
}

/** `done` ÷ `total` in whole percent rounded down; 0 when there is nothing. */
export function share(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done * 100) / total);
}

export function isDone(status: DigitalStatus | null): boolean {
  return status === 'digital' || status === 'online';
}

/**
 * The plan on `today`. `usable` says whether an article's front matter is valid (no `yaml` or
 * `schema` finding): only those processes and departments count.
 */
export function buildPlan(wiki: Wiki, today: CalendarDate, usable: (article: Article) => boolean): Plan {
  const processes = wiki.articles.filter((a) => a.type === 'process' && usable(a)).map((a) => planProcess(wiki, a, today));
  processes.sort((a, b) => compareBundles(a.bundle, b.bundle) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const departmentArticles = new Map<string, Article>();
  for (const [id, article] of wiki.departments) if (usable(article)) departmentArticles.set(id, article);
  const ids = new Set([...departmentArticles.keys(), ...processes.map((p) => p.department)]);
  const capacityOf = (id: string) => {
    const article = departmentArticles.get(id);
    return (article && validFrontMatter(article, 'department')?.digital_capacity) ?? null;
  };

  const bundles = bundlesOf(processes, capacityOf);
  const overloaded = new Set(bundles.flatMap((b) => b.departments.filter((d) => d.overloaded).map((d) => d.department)));
  const byDepartment = groupBy(processes, (p) => p.department);
  const departments = [...ids].sort().map((id) => planDepartment(id, departmentArticles.get(id), byDepartment.get(id) ?? [], overloaded.has(id), today));

  const done = processes.filter((p) => p.done).length;
  const problems = Object.fromEntries(PROBLEM_IDS.map((id) => [id, 0])) as Record<ProblemId, number>;
  for (const item of [...processes, ...departments]) for (const id of item.problems) problems[id] += 1;
  return {
    today: formatIsoDate(today),
    bundles,
    processes,
    departments,
    summary: {
      processes: processes.length,
      done,
      share: share(done, processes.length),
      effort: sumEffort(processes),
      departments: departments.length,
      bundles: bundles.length,
      overloaded_bundles: bundles.reduce((n, b) => n + b.departments.filter((d) => d.overloaded).length, 0),
      problems,
    },
  };
}

/** True when the plan reports any problem (exit status 1). */
export function hasProblems(plan: Plan): boolean {
  return PROBLEM_IDS.some((id) => plan.summary.problems[id] > 0);
}

/** Bundles ascending, a process without one after all. */
function compareBundles(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Summed effort of the processes that are not done (§8: "effort everywhere"). */
function sumEffort(processes: readonly PlanProcess[]): number {
  return processes.reduce((n, p) => (p.done ? n : n + (p.effort ?? 0)), 0);
}

function planProcess(wiki: Wiki, article: Article, today: CalendarDate): PlanProcess {
  const data = validFrontMatter(article, 'process')!;
  const status = data.digital?.status ?? null;
  const bundle = data.digital?.bundle ?? null;
  const effort = data.digital?.effort ?? null;
  const done = isDone(status);
  const problems: ProcessProblem[] = [];
  if (!done) {
    if (bundle !== null && bundleEnded(bundle, today)) problems.push('overdue');
    if (bundle === null) problems.push('unplanned');
    if (bundle !== null && effort === null) problems.push('no-effort');
    if (bundle !== null && !performedByAnother(wiki, article)) problems.push('knowledge-at-risk');
  }
  return { id: data.id, department: data.department, status, bundle, effort, problems, title: data.title, file: article.file, done };
}

function bundlesOf(processes: readonly PlanProcess[], capacityOf: (department: string) => number | null): PlanBundle[] {
  const byBundle = groupBy(processes.filter((p) => p.bundle !== null), (p) => p.bundle!);
  return [...byBundle.keys()].sort().map((bundle) => {
    const own = byBundle.get(bundle)!;
    const byDepartment = groupBy(own, (p) => p.department);
    const departments = [...byDepartment.keys()].sort().map((department) => {
      const list = byDepartment.get(department)!;
      const effort = sumEffort(list);
      const capacity = capacityOf(department);
      return { department, processes: list.length, done: list.filter((p) => p.done).length, effort, capacity, overloaded: capacity !== null && effort > capacity };
    });
    return { bundle, processes: own.length, done: own.filter((p) => p.done).length, effort: sumEffort(own), departments };
  });
}

function planDepartment(id: string, article: Article | undefined, own: readonly PlanProcess[], overloaded: boolean, today: CalendarDate): PlanDepartment {
  const data = article ? validFrontMatter(article, 'department') : undefined;
  const done = own.filter((p) => p.done).length;
  const digicheck = data?.digicheck ?? null;
  const checked = digicheck === null ? undefined : parseIsoDate(digicheck);
  const due = checked ? addMonths(checked, data?.digicheck_months ?? DEFAULT_DIGICHECK_MONTHS) : undefined;
  const problems: DepartmentProblem[] = [];
  if (overloaded) problems.push('overloaded');
  if (digicheck === null) problems.push('no-digicheck');
  else if (due && compareDates(due, today) < 0) problems.push('digicheck-due');
  return {
    id, processes: own.length, done, share: share(done, own.length), capacity: data?.digital_capacity ?? null, digicheck, problems,
    title: data?.title ?? id, digicheckDue: due ? formatIsoDate(due) : null,
  };
}
