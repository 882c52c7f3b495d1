import { DEPARTMENT_PROBLEMS, PROCESS_PROBLEMS, type Plan } from '../plan';
import { departmentProblemText, planSummaryLine, PROBLEM_HEADINGS, processProblemText } from '../texts';
import { BUNDLE_COLUMNS, bundleCells, DEPARTMENT_COLUMNS, departmentCells } from './rows';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(columns: readonly string[], rows: string[][], numeric: (column: string) => boolean): string[] {
  return [
    `| ${columns.join(' | ')} |`,
    `|${columns.map((c) => (numeric(c) ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

const NUMERIC = /Prozesse|digital$|Anteil|Aufwand|Kapazität/;

/** `--format md`: summary, departments, bundles and every problem with what to do – for a ticket or the minutes. */
export function formatPlanMarkdown(plan: Plan): string {
  const lines = ['## Digitalisierungsplan', '', planSummaryLine(plan), ''];
  lines.push('### Fortschritt je Fachbereich', '', ...table(DEPARTMENT_COLUMNS, plan.departments.map(departmentCells), (c) => NUMERIC.test(c)));
  lines.push('', '### Digitalbündel je Fachbereich', '');
  if (plan.bundles.length === 0) lines.push('Noch kein Prozess ist einem Digitalbündel zugeordnet.');
  else lines.push(...table(BUNDLE_COLUMNS, plan.bundles.flatMap((b) => b.departments.map((d) => bundleCells(b, d))), (c) => NUMERIC.test(c)));
  for (const id of PROCESS_PROBLEMS) {
    const processes = plan.processes.filter((p) => p.problems.includes(id));
    if (processes.length === 0) continue;
    lines.push('', `### ${PROBLEM_HEADINGS[id]} (${processes.length})`, '');
    for (const p of processes) lines.push(`- **\`${p.id}\`** ${p.title} (${p.department}): ${processProblemText(p, id)}`);
  }
  for (const id of DEPARTMENT_PROBLEMS) {
    const departments = plan.departments.filter((d) => d.problems.includes(id));
    if (departments.length === 0) continue;
    lines.push('', `### ${PROBLEM_HEADINGS[id]} (${departments.length})`, '');
    for (const d of departments) lines.push(`- **\`${d.id}\`** ${d.title}: ${departmentProblemText(plan, d, id)}`);
  }
  return `${lines.join('\n')}\n`;
}
