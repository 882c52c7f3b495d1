import { stringValue } from '../../core/article';
import { burnUp, burnUpSvg } from '../../plan/burn-up';
import type { DepartmentProblem, PlanSummary, ProcessProblem } from '../../plan/plan';
import { digitalOf, type LinkRef, type SiteContext } from '../cards/context';

export interface DigitalPlanData {
  /** The build date the plan was computed on. */
  today: string;
  bundles: string[];
  departments: Array<LinkRef & { processes: number; digitalOrOnline: number; share: number; capacity: number | null; digicheck: string | null; digicheckDue: string | null; problems: DepartmentProblem[] }>;
  processes: Array<LinkRef & { department: string; departmentTitle: string; status?: string; bundle?: string; effort: number | null; problems: ProcessProblem[] }>;
  /** Bundle × department where the effort exceeds the capacity, as `"<bundle> <department>"` → effort and capacity. */
  overloaded: Record<string, { effort: number; capacity: number }>;
  summary: PlanSummary;
  /** The burn-up chart (src/plan/burn-up.ts, the same as in the council's report); empty without processes. */
  burnUpSvg: string;
}

/** The half-year bundles the plan always shows, even when no process is in them yet. */
const FIRST_BUNDLE_YEAR = 2025;
const LAST_BUNDLE_YEAR = 2034;

/** /digitalisierung: the plan of `npm run plan` (no personal data is involved), with links to the articles. */
export function digitalPlan(ctx: SiteContext): DigitalPlanData {
  const { plan } = ctx;
  const processes = ctx.processes.map((p) => {
    const { status, bundle } = digitalOf(p);
    const department = stringValue(p, 'department') ?? '';
    const inPlan = ctx.planProcesses.get(p.file);
    return { ...ctx.link(p), department, departmentTitle: ctx.departmentTitle(department), status, bundle, effort: inPlan?.effort ?? null, problems: inPlan?.problems ?? [] };
  }).sort((a, b) => (a.bundle ?? '9999').localeCompare(b.bundle ?? '9999') || a.title.localeCompare(b.title, 'de'));
  const bundles: string[] = [];
  for (let year = FIRST_BUNDLE_YEAR; year <= LAST_BUNDLE_YEAR; year++) bundles.push(`${year}-H1`, `${year}-H2`);
  for (const b of processes.map((p) => p.bundle).filter((b): b is string => !!b)) if (!bundles.includes(b)) bundles.push(b);
  bundles.sort();
  const overloaded: DigitalPlanData['overloaded'] = {};
  for (const b of plan.bundles) for (const d of b.departments) if (d.overloaded) overloaded[`${b.bundle} ${d.department}`] = { effort: d.effort, capacity: d.capacity! };
  const curve = burnUp(plan);
  return {
    today: plan.today,
    bundles,
    // The plan's figures (valid processes, share rounded down), so the page says what `npm run plan` says.
    departments: ctx.departments.map((d) => {
      const p = ctx.planDepartments.get(d.id);
      return {
        ...d, processes: p?.processes ?? 0, digitalOrOnline: p?.done ?? 0, share: p?.share ?? 0,
        capacity: p?.capacity ?? null, digicheck: p?.digicheck ?? null, digicheckDue: p?.digicheckDue ?? null, problems: p?.problems ?? [],
      };
    }),
    processes,
    overloaded,
    summary: plan.summary,
    burnUpSvg: curve.processes === 0 ? '' : burnUpSvg(curve),
  };
}
