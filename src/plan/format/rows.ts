import { germanDate } from '../../core/german';
import { FIELD_TITLES } from '../../core/schema/labels';
import type { Plan, PlanBundle, PlanBundleDepartment, PlanDepartment, PlanProcess, ProblemId } from '../plan';
import { PROBLEM_LABELS, statusLabel } from '../texts';

/** The columns the CSV, Markdown and HTML reports share, with one cell function each: no header written twice. */

export const PROCESS_COLUMNS = [FIELD_TITLES.id, FIELD_TITLES.title, FIELD_TITLES.department, FIELD_TITLES['digital.status'], FIELD_TITLES['digital.bundle'], FIELD_TITLES['digital.effort'], 'Probleme'] as const;

export function processCells(p: PlanProcess): string[] {
  return [p.id, p.title, p.department, statusLabel(p), p.bundle ?? '', p.effort === null ? '' : String(p.effort), problemList(p.problems)];
}

export const DEPARTMENT_COLUMNS = [FIELD_TITLES.id, FIELD_TITLES.title, 'Prozesse', 'davon digital', 'Anteil (%)', FIELD_TITLES.digital_capacity, FIELD_TITLES.digicheck, 'DigiCheck fällig am', 'Probleme'] as const;

export function departmentCells(d: PlanDepartment): string[] {
  return [
    d.id, d.title, String(d.processes), String(d.done), String(d.share), d.capacity === null ? '' : String(d.capacity),
    d.digicheck === null ? '' : germanDate(d.digicheck), d.digicheckDue === null ? '' : germanDate(d.digicheckDue), problemList(d.problems),
  ];
}

export const BUNDLE_COLUMNS = [FIELD_TITLES['digital.bundle'], FIELD_TITLES.department, 'Prozesse', 'davon digital', 'Aufwand offen (Personentage)', 'Kapazität (Personentage)', 'Überlastet'] as const;

export function bundleCells(b: PlanBundle, d: PlanBundleDepartment): string[] {
  return [b.bundle, d.department, String(d.processes), String(d.done), String(d.effort), d.capacity === null ? '' : String(d.capacity), d.overloaded ? 'ja' : 'nein'];
}

/** „überfällig, Wissen an einer Stelle“, or empty. */
export function problemList(problems: readonly ProblemId[]): string {
  return problems.map((id) => PROBLEM_LABELS[id]).join(', ');
}

/** Departments by id, for their titles in the bundle tables. */
export function departmentTitles(plan: Plan): Map<string, string> {
  return new Map(plan.departments.map((d) => [d.id, d.title]));
}
