import Table from 'cli-table3';
import { PLAIN, type Paint } from '../../core/paint';
import type { Plan } from '../plan';
import { departmentProblemText, planSummaryLine, PROBLEM_LABELS, processProblemText, statusLabel } from '../texts';

/** A wrapping terminal table whose last column takes the rest of `width`. */
function problemTable(head: string[], widths: number[], width: number): Table.Table {
  const fixed = widths.reduce((a, b) => a + b, 0) + head.length + 1;
  return new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: [...widths, Math.max(30, width - fixed)] });
}

/** `--format table`: the summary, then every process and department with a problem; colours only at a TTY. */
export function formatPlanTable(plan: Plan, paint: Paint = PLAIN, width = 120): string {
  const out = [paint.bold(planSummaryLine(plan))];
  const processes = plan.processes.filter((p) => p.problems.length > 0);
  if (processes.length > 0) {
    const table = problemTable(['Prozess', 'Fachbereich', 'Bündel', 'Stand', 'Problem'], [32, 24, 9, 12], width);
    for (const p of processes) {
      const problems = p.problems.map((id) => `${paint.red(PROBLEM_LABELS[id])}: ${processProblemText(p, id)}`).join('\n');
      table.push([`${p.id}\n${p.title}`, p.department, p.bundle ?? '–', statusLabel(p), problems]);
    }
    out.push(table.toString());
  }
  const departments = plan.departments.filter((d) => d.problems.length > 0);
  if (departments.length > 0) {
    const table = problemTable(['Fachbereich', 'Digital', 'Kapazität', 'DigiCheck', 'Problem'], [32, 10, 11, 12], width);
    for (const d of departments) {
      const problems = d.problems.map((id) => `${paint.yellow(PROBLEM_LABELS[id])}: ${departmentProblemText(plan, d, id)}`).join('\n');
      table.push([`${d.id}\n${d.title}`, `${d.done}/${d.processes} (${d.share} %)`, d.capacity === null ? '–' : `${d.capacity} PT`, d.digicheck ?? '–', problems]);
    }
    out.push(table.toString());
  }
  if (processes.length === 0 && departments.length === 0) out.push('Keine Probleme im Plan.');
  return `${out.join('\n')}\n`;
}
