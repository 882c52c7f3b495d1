import { type CheckId } from '../../coverage/coverage';
import { formatIsoDate } from '../../core/dates';
import { gapText } from '../../coverage/texts';
import { stringValue } from '../../core/article';
import { isStale, reviewDue } from '../../core/review-dates';
import { byId, type LinkRef, type SiteContext } from '../cards/context';
import { groupBy } from '../../core/group-by';

export interface CoverageDashboardData {
  today: string;
  departments: Array<LinkRef & { posts: number; secured: number; average: number; withoutDeputy: number; singlePerformer: number }>;
  posts: Array<LinkRef & { department: string; departmentTitle: string; criticality?: string; coverage: number; missing: CheckId[]; gaps: string[] }>;
  overdue: Array<LinkRef & { type: string; departmentTitle: string; reviewed: string; due: string }>;
}

/** /wissenssicherung: coverage per department and per post (lowest first), overdue reviews (earliest first). */
export function coverageDashboard(ctx: SiteContext): CoverageDashboardData {
  const posts = [...ctx.wiki.posts.values()].map((p) => {
    const c = ctx.coverageOf.get(stringValue(p, 'id')!)!;
    const department = stringValue(p, 'department') ?? '';
    return { ...ctx.link(p), department, departmentTitle: ctx.departmentTitle(department), criticality: stringValue(p, 'criticality'), coverage: c.coverage, missing: c.missing, gaps: c.gaps.map(gapText) };
  }).sort((a, b) => a.coverage - b.coverage || byId(a, b));
  const overdue = ctx.usable.filter((a) => isStale(a, ctx.today)).map((a) => ({
    ...ctx.link(a),
    type: a.type!,
    departmentTitle: ctx.departmentTitle(stringValue(a, 'department')),
    reviewed: stringValue(a, 'reviewed')!,
    due: formatIsoDate(reviewDue(a)!),
  })).sort((a, b) => a.due.localeCompare(b.due));
  const postsOf = groupBy(posts, (p) => p.department);
  return {
    today: formatIsoDate(ctx.today),
    departments: ctx.departments.map((d) => {
      const own = postsOf.get(d.id) ?? [];
      return {
        ...d,
        posts: own.length,
        secured: own.filter((p) => p.missing.length === 0).length,
        average: own.length === 0 ? 0 : Math.floor(own.reduce((s, p) => s + p.coverage, 0) / own.length),
        withoutDeputy: own.filter((p) => p.missing.includes('deputies')).length,
        singlePerformer: own.filter((p) => p.missing.includes('processes')).length,
      };
    }),
    posts,
    overdue,
  };
}
