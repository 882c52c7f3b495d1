import { type CheckId } from '../../coverage/coverage';
import { stringValue, type Article } from '../../core/article';
import { byId, digitalOf, type LinkRef, type SiteContext } from './context';

export interface DepartmentCard {
  type: 'department';
  posts: Array<LinkRef & { criticality?: string; coverage: number; missing: CheckId[] }>;
  processes: Array<LinkRef & { owner?: LinkRef; digital?: string; bundle?: string }>;
}

/** A department's card: its posts with their coverage (by id) and its processes (by title). */
export function departmentCard(department: Article, ctx: SiteContext): DepartmentCard {
  const id = stringValue(department, 'id')!;
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
  };
}
