import { escapeHtml } from '../../core/escape-html';
import { groupBy } from '../../core/group-by';
import { germanDate } from '../../core/german';
import { figures, reportPage } from '../../core/report-html';
import { bundleLabel, FIELD_TITLES } from '../../core/schema/labels';
import { burnUp, burnUpSvg, burnUpTable } from '../burn-up';
import { DEPARTMENT_PROBLEMS, PROCESS_PROBLEMS, type Plan, type PlanBundle, type PlanProcess } from '../plan';
import { departmentProblemText, planSummaryLine, PROBLEM_HEADINGS, PROBLEM_LABELS, processProblemText, statusLabel } from '../texts';
import { departmentTitles, problemList } from './rows';

const CSS = `.bar{display:inline-block;width:6rem;height:.6rem;background:#eee;border-radius:3px;overflow:hidden;margin-right:.4rem;vertical-align:middle}
.bar span{display:block;height:100%;background:#2e7d32}
.problem{color:#b3261e;font-weight:600}
.burn-up-wrap{display:flex;flex-wrap:wrap;gap:2rem;align-items:flex-start}
.burn-up-wrap table{width:auto}
caption{text-align:left;font-weight:600;padding:.3rem 0}
.ids{font-family:ui-monospace,Consolas,monospace;font-size:.9em}
.bundle-processes{content-visibility:auto;contain-intrinsic-size:auto 600px}
@media print{h2,h3{break-after:avoid}tr{break-inside:avoid}.bundle-processes{content-visibility:visible}}`;

const num = (n: number | null) => `<td class="num">${n === null ? '–' : n}</td>`;
const problemCell = (labels: string) => `<td>${labels === '' ? '' : `<span class="problem">${escapeHtml(labels)}</span>`}</td>`;

function departmentsSection(plan: Plan): string {
  const rows = plan.departments.map((d) => `<tr><th scope="row"><span class="ids">${escapeHtml(d.id)}</span><br>${escapeHtml(d.title)}</th>`
    + `${num(d.processes)}${num(d.done)}<td class="num"><span class="bar" aria-hidden="true"><span style="width:${d.share}%"></span></span>${d.share} %</td>`
    + `${num(d.capacity)}<td>${d.digicheck === null ? '–' : escapeHtml(germanDate(d.digicheck))}</td><td>${d.digicheckDue === null ? '–' : escapeHtml(germanDate(d.digicheckDue))}</td>`
    + `${problemCell(problemList(d.problems))}</tr>`).join('\n');
  return `<h2 id="fachbereiche">Fortschritt je Fachbereich</h2>
<table><thead><tr><th scope="col">Fachbereich</th><th scope="col" class="num">Prozesse</th><th scope="col" class="num">digital oder online</th><th scope="col" class="num">Anteil</th><th scope="col" class="num">${escapeHtml(FIELD_TITLES.digital_capacity)}</th><th scope="col">${escapeHtml(FIELD_TITLES.digicheck)}</th><th scope="col">DigiCheck fällig am</th><th scope="col">Probleme</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function capacitySection(plan: Plan): string {
  if (plan.bundles.length === 0) return '';
  const titles = departmentTitles(plan);
  const rows = plan.bundles.flatMap((b) => b.departments.map((d) => `<tr><td>${escapeHtml(b.bundle)}</td><td>${escapeHtml(titles.get(d.department) ?? d.department)}</td>`
    + `${num(d.processes)}${num(d.done)}${num(d.effort)}${num(d.capacity)}<td>${d.overloaded ? `<span class="problem">${escapeHtml(PROBLEM_LABELS.overloaded)}</span>` : d.capacity === null ? 'keine Kapazität angegeben' : 'leistbar'}</td></tr>`)).join('\n');
  return `<h2 id="kapazitaet">Aufwand und Kapazität je Digitalbündel und Fachbereich</h2>
<p class="note">Aufwand der noch nicht digitalen Prozesse in Personentagen gegen die Kapazität, die der Fachbereich je Halbjahr neben der Tagesarbeit aufbringen kann.</p>
<table><thead><tr><th scope="col">Digitalbündel</th><th scope="col">Fachbereich</th><th scope="col" class="num">Prozesse</th><th scope="col" class="num">digital oder online</th><th scope="col" class="num">Aufwand offen</th><th scope="col" class="num">Kapazität</th><th scope="col">Bewertung</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function processRow(p: PlanProcess, titles: Map<string, string>): string {
  return `<tr><td><span class="ids">${escapeHtml(p.id)}</span><br>${escapeHtml(p.title)}</td><td>${escapeHtml(titles.get(p.department) ?? p.department)}</td><td>${escapeHtml(statusLabel(p))}</td>${num(p.effort)}${problemCell(problemList(p.problems))}</tr>`;
}

const PROCESS_HEAD = '<thead><tr><th scope="col">Prozess</th><th scope="col">Fachbereich</th><th scope="col">Stand</th><th scope="col" class="num">Aufwand (Personentage)</th><th scope="col">Probleme</th></tr></thead>';

function bundlesSection(plan: Plan): string {
  if (plan.bundles.length === 0) return '<h2 id="buendel">Digitalbündel</h2>\n<p>Noch kein Prozess ist einem Digitalbündel zugeordnet.</p>';
  const titles = departmentTitles(plan);
  const byBundle = groupBy(plan.processes.filter((p) => p.bundle !== null), (p) => p.bundle!);
  const section = (b: PlanBundle, i: number) => `<h3 id="buendel-${i}">${escapeHtml(`${b.bundle} (${bundleLabel(b.bundle)}): ${b.processes} Prozesse, ${b.done} digital oder online, ${b.effort} Personentage offen`)}</h3>
<table class="bundle-processes" aria-labelledby="buendel-${i}">${PROCESS_HEAD}<tbody>${byBundle.get(b.bundle)!.map((p) => processRow(p, titles)).join('')}</tbody></table>`;
  return `<h2 id="buendel">Digitalbündel mit ihren Prozessen</h2>\n${plan.bundles.map(section).join('\n')}`;
}

function problemSections(plan: Plan): string {
  const out: string[] = [];
  for (const id of PROCESS_PROBLEMS) {
    const list = plan.processes.filter((p) => p.problems.includes(id));
    if (list.length > 0) out.push(`<h3>${escapeHtml(`${PROBLEM_HEADINGS[id]} (${list.length})`)}</h3>\n<ul>${list.map((p) => `<li><span class="ids">${escapeHtml(p.id)}</span> ${escapeHtml(p.title)} (${escapeHtml(p.department)}): ${escapeHtml(processProblemText(p, id))}</li>`).join('')}</ul>`);
  }
  for (const id of DEPARTMENT_PROBLEMS) {
    const list = plan.departments.filter((d) => d.problems.includes(id));
    if (list.length > 0) out.push(`<h3>${escapeHtml(`${PROBLEM_HEADINGS[id]} (${list.length})`)}</h3>\n<ul>${list.map((d) => `<li>${escapeHtml(d.title)} (<span class="ids">${escapeHtml(d.id)}</span>): ${escapeHtml(departmentProblemText(plan, d, id))}</li>`).join('')}</ul>`);
  }
  return `<h2 id="probleme">Was zu tun ist</h2>\n${out.length === 0 ? '<p>Der Plan hat keine Probleme.</p>' : out.join('\n')}`;
}

/** `--format html`: the plan status for the council – one self-contained, printable file without personal data. */
export function formatPlanHtml(plan: Plan): string {
  const s = plan.summary;
  const curve = burnUp(plan);
  const body = `<h1>Digitalisierungsplan: Stand am ${escapeHtml(germanDate(plan.today))}</h1>
<p class="note">${escapeHtml(planSummaryLine(plan))} Halbjahres-Digitalbündel: 1. Halbjahr vom 1. Januar bis 30. Juni, 2. Halbjahr vom 1. Juli bis 31. Dezember.</p>
${figures([
    ['Prozesse', s.processes],
    ['digital oder online', `${s.done} (${s.share} %)`],
    ['Personentage offen', s.effort],
    [PROBLEM_LABELS.overdue, s.problems.overdue],
    ['überlastete Bündel', s.overloaded_bundles],
    [PROBLEM_LABELS['knowledge-at-risk'], s.problems['knowledge-at-risk']],
    ['DigiCheck fehlt oder fällig', s.problems['no-digicheck'] + s.problems['digicheck-due']],
  ])}
<h2 id="burn-up">Fortschritt gegen den Plan</h2>
<div class="burn-up-wrap">${curve.processes === 0 ? '<p>Das Wiki hat noch keine Prozesse.</p>' : `${burnUpSvg(curve)}${burnUpTable(curve)}`}</div>
${departmentsSection(plan)}
${capacitySection(plan)}
${problemSections(plan)}
${bundlesSection(plan)}
<footer>Erstellt mit Stellenwissen aus den Prozessartikeln des Wikis am ${escapeHtml(germanDate(plan.today))}. Enthält keine Personaldaten.</footer>`;
  return reportPage(`Digitalisierungsplan – Stand am ${germanDate(plan.today)}`, CSS, body);
}
