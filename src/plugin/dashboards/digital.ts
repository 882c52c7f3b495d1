import { stringValue } from '../../core/article';
import { digitalOf, groupBy, type LinkRef, type SiteContext } from '../cards/context';

export interface DigitalPlanData {
  bundles: string[];
  departments: Array<LinkRef & { processes: number; digitalOrOnline: number; share: number }>;
  processes: Array<LinkRef & { department: string; departmentTitle: string; status?: string; bundle?: string }>;
}

/** The half-year bundles the plan always shows, even when no process is in them yet. */
const FIRST_BUNDLE_YEAR = 2025;
const LAST_BUNDLE_YEAR = 2034;

/** /digitalisierung: processes by bundle, and the share digital or online per department. */
export function digitalPlan(ctx: SiteContext): DigitalPlanData {
  const processes = ctx.processes.map((p) => {
    const { status, bundle } = digitalOf(p);
    const department = stringValue(p, 'department') ?? '';
    return { ...ctx.link(p), department, departmentTitle: ctx.departmentTitle(department), status, bundle };
  }).sort((a, b) => (a.bundle ?? '9999').localeCompare(b.bundle ?? '9999') || a.title.localeCompare(b.title, 'de'));
  const bundles: string[] = [];
  for (let year = FIRST_BUNDLE_YEAR; year <= LAST_BUNDLE_YEAR; year++) bundles.push(`${year}-H1`, `${year}-H2`);
  for (const b of processes.map((p) => p.bundle).filter((b): b is string => !!b)) if (!bundles.includes(b)) bundles.push(b);
  bundles.sort();
  const processesOf = groupBy(processes, (p) => p.department);
  return {
    bundles,
    departments: ctx.departments.map((d) => {
      const own = processesOf.get(d.id) ?? [];
      const digitalOrOnline = own.filter((p) => p.status === 'digital' || p.status === 'online').length;
      return { ...d, processes: own.length, digitalOrOnline, share: own.length === 0 ? 0 : Math.round((digitalOrOnline * 100) / own.length) };
    }),
    processes,
  };
}
