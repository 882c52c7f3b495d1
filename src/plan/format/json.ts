import type { Plan } from '../plan';

/**
 * `--format json`: exactly the keys of knowledge-model.md §8, in its order; the titles and
 * files the other formats show stay out.
 */
export function planJson(plan: Plan): unknown {
  return {
    today: plan.today,
    bundles: plan.bundles.map((b) => ({
      bundle: b.bundle,
      processes: b.processes,
      done: b.done,
      effort: b.effort,
      departments: b.departments.map((d) => ({ department: d.department, processes: d.processes, done: d.done, effort: d.effort, capacity: d.capacity, overloaded: d.overloaded })),
    })),
    processes: plan.processes.map((p) => ({ id: p.id, department: p.department, status: p.status, bundle: p.bundle, effort: p.effort, problems: p.problems })),
    departments: plan.departments.map((d) => ({ id: d.id, processes: d.processes, done: d.done, share: d.share, capacity: d.capacity, digicheck: d.digicheck, problems: d.problems })),
    summary: plan.summary,
  };
}

export function formatPlanJson(plan: Plan): string {
  return `${JSON.stringify(planJson(plan), null, 2)}\n`;
}
