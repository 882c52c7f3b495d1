import { formatGermanDate } from '../core/dates';
import { counted, germanDate } from '../core/german';
import { DIGITAL_STATUS_LABELS } from '../core/generated/labels';
import { bundleSpan } from './bundles';
import type { DepartmentProblem, Plan, PlanDepartment, PlanProcess, ProblemId, ProcessProblem } from './plan';

/** The German wording of the plan's problems, in one place (like the coverage gaps in coverage/texts.ts). */
export const PROBLEM_LABELS: Record<ProblemId, string> = {
  overdue: 'überfällig',
  unplanned: 'ohne Digitalbündel',
  'no-effort': 'ohne Aufwand',
  'knowledge-at-risk': 'Wissen an einer Stelle',
  overloaded: 'überlastet',
  'no-digicheck': 'kein DigiCheck',
  'digicheck-due': 'DigiCheck fällig',
};

/** Headings of the report sections that list the processes or departments with a problem. */
export const PROBLEM_HEADINGS: Record<ProblemId, string> = {
  overdue: 'Überfällige Prozesse (Digitalbündel abgelaufen, noch nicht digital)',
  unplanned: 'Prozesse ohne Digitalbündel',
  'no-effort': 'Geplante Prozesse ohne geschätzten Aufwand',
  'knowledge-at-risk': 'Geplante Prozesse, deren Wissen an einer Stelle hängt',
  overloaded: 'Überlastete Fachbereiche (Aufwand über der Kapazität eines Digitalbündels)',
  'no-digicheck': 'Fachbereiche ohne DigiCheck',
  'digicheck-due': 'Fachbereiche, deren DigiCheck fällig ist',
};

/** „digital“, „teilweise digital“ …, or „nicht angegeben“ for a process without `digital`. */
export function statusLabel(process: PlanProcess): string {
  return process.status === null ? 'nicht angegeben' : DIGITAL_STATUS_LABELS[process.status];
}

/** One sentence per problem of a process: what is wrong and what to do. */
export function processProblemText(process: PlanProcess, problem: ProcessProblem): string {
  switch (problem) {
    case 'overdue': {
      const end = bundleSpan(process.bundle!)!.end;
      return `Digitalbündel ${process.bundle} endete am ${formatGermanDate(end)}, der Prozess ist noch ${statusLabel(process)}: Stand nachtragen oder ein späteres Bündel planen.`;
    }
    case 'unplanned': return 'Kein Digitalbündel geplant: im nächsten DigiCheck einem Halbjahr zuordnen (digital.bundle).';
    case 'no-effort': return 'Kein Aufwand geschätzt: Personentage eintragen (digital.effort), sonst lässt sich die Last des Bündels nicht prüfen.';
    case 'knowledge-at-risk': return 'Nur die verantwortliche Stelle kann ihn ausführen: vor der Digitalisierung eine zweite ausführende Stelle einarbeiten (performers).';
  }
}

/** The department bundles over capacity, as „2027-H1: 45 von 30 Personentagen“. */
export function overloadText(plan: Plan, department: string): string {
  const parts = plan.bundles.flatMap((b) => b.departments.filter((d) => d.department === department && d.overloaded).map((d) => `${b.bundle}: ${d.effort} von ${d.capacity} Personentagen`));
  return parts.join(', ');
}

/** One sentence per problem of a department. */
export function departmentProblemText(plan: Plan, department: PlanDepartment, problem: DepartmentProblem): string {
  switch (problem) {
    case 'overloaded': return `Mehr Aufwand geplant, als neben der Tagesarbeit leistbar ist (${overloadText(plan, department.id)}): Prozesse auf spätere Bündel verteilen oder die Kapazität klären.`;
    case 'no-digicheck': return 'Noch kein DigiCheck: Termin für die Analyse der Prozesse vereinbaren (digicheck).';
    case 'digicheck-due': return `Letzter DigiCheck am ${germanDate(department.digicheck!)}, fällig seit ${germanDate(department.digicheckDue!)}: wiederholen.`;
  }
}

/** „Stand am 01.12.2026: 12 von 48 Prozessen digital (25 %), 3 Probleme“ – the plan's first line in every format. */
export function planSummaryLine(plan: Plan): string {
  const s = plan.summary;
  const problems = Object.values(s.problems).reduce((a, b) => a + b, 0);
  return `Digitalisierungsplan am ${germanDate(plan.today)}: ${s.done} von ${s.processes} Prozessen digital oder online (${s.share} %), ${s.effort} Personentage Aufwand offen, ${problems === 0 ? 'keine Probleme' : counted(problems, 'Problem', 'Probleme')}.`;
}
