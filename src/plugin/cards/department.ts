import { type CheckId } from '../../coverage/coverage';
import { stringValue, type Article } from '../../core/article';
import { byId, digitalOf, type LinkRef, type SiteContext } from './context';
import type { DepartmentProblem } from '../../plan/plan';

export interface DepartmentCard {
  type: 'department';
  posts: Array<LinkRef & { criticality?: string; coverage: number; missing: CheckId[] }>;
  processes: Array<LinkRef & { owner?: LinkRef; digital?: string; bundle?: string }>;
  /** Its part of the digitalisation plan (§8), when its front matter is valid. */
  plan?: { capacity: number | null; digicheck: string | null; digicheckDue: string | null; problems: DepartmentProblem[] };
}

/** A department's card: its posts with their coverage (by id) and its processes (by title). */
export function departmentCard(department: Article, ctx: SiteContext): DepartmentCard {
  const id = stringValue(department, 'id')!;
  const plan = ctx.planDepartments.get(id);
  return {
    type: 'department',
    posts: (ctx.postsByDepartment.get(id) ?? []).map((p) => {
      const c = ctx.coverageOf.get(stringValue(p, 'id')!)!;
      return { ...ctx.link(p), criticality: stringValue(p, 'criticality'), coverage: c.coverage, missing: c.missing };
    }).sort(byId),
    processes: (ctx.processesByDepartment.get(id) ?? []).map((p) => {
      const { status, bundle } = digitalOf(p);
      return { ...ctx.link(p), owner: ctx.postLink(stringValue(p, 'owner')), digital: status, bundle };
    }).sort((a, b) => a.title.localeCompare(b.title, 'de')),
    plan: plan && { capacity: plan.capacity, digicheck: plan.digicheck, digicheckDue: plan.digicheckDue, problems: plan.problems },
  };
}
