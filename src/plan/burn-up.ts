import { escapeHtml } from '../core/escape-html';
import { parseIsoDate } from '../core/dates';
import { bundleOf, bundleRange } from './bundles';
import { share, type Plan } from './plan';

/**
 * The burn-up of the plan: per half-year the share of processes that are done by its end if
 * every bundle keeps to plan, and where the wiki stands today. Processes done without a
 * bundle count from the start; processes not done without one never arrive (the line stays
 * below 100 % by the unplanned share).
 */
export interface BurnUp {
  points: Array<{ bundle: string; planned: number }>;
  /** The half-year of the check date and the share done today. */
  today: { bundle: string; share: number };
  processes: number;
}

export function burnUp(plan: Plan): BurnUp {
  const current = bundleOf(parseIsoDate(plan.today)!);
  const planned = plan.processes.filter((p) => p.bundle !== null).map((p) => p.bundle!);
  const first = [current, ...planned].reduce((a, b) => (b < a ? b : a));
  const last = [current, ...planned].reduce((a, b) => (b > a ? b : a));
  const total = plan.processes.length;
  const early = plan.processes.filter((p) => p.done && p.bundle === null).length;
  const points = bundleRange(first, last).map((bundle) => ({ bundle, planned: share(early + planned.filter((b) => b <= bundle).length, total) }));
  return { points, today: { bundle: current, share: plan.summary.share }, processes: total };
}

const STEP = 44;
const HEIGHT = 180;
const LEFT = 40;
const TOP = 12;

/**
 * The burn-up as inline SVG (HTML report and /digitalisierung): the planned share as a line
 * with a dot per half-year, today's share as a diamond with its number. One image with a
 * summary for screen readers; the figures are in the table beside it (burnUpTable).
 */
export function burnUpSvg(data: BurnUp): string {
  const width = LEFT + data.points.length * STEP + 8;
  const y = (percent: number) => (TOP + HEIGHT - (percent / 100) * HEIGHT).toFixed(1);
  const x = (i: number) => LEFT + i * STEP + STEP / 2;
  const grid = [0, 25, 50, 75, 100].map((p) => `<line x1="${LEFT}" x2="${width - 8}" y1="${y(p)}" y2="${y(p)}" stroke="#ddd"/><text x="${LEFT - 6}" y="${Number(y(p)) + 4}" text-anchor="end" font-size="11">${p} %</text>`).join('');
  const line = data.points.map((p, i) => `${x(i)},${y(p.planned)}`).join(' ');
  const dots = data.points.map((p, i) => `<circle cx="${x(i)}" cy="${y(p.planned)}" r="3" fill="#1f5f99"><title>${escapeHtml(`${p.bundle}: geplant ${p.planned} %`)}</title></circle>`).join('');
  const labels = data.points.map((p, i) => (i % 2 === 0 || data.points.length <= 12 ? `<text x="${x(i)}" y="${TOP + HEIGHT + 16}" text-anchor="middle" font-size="11">${escapeHtml(p.bundle)}</text>` : '')).join('');
  const at = data.points.findIndex((p) => p.bundle === data.today.bundle);
  const tx = x(at);
  const ty = Number(y(data.today.share));
  const today = `<path d="M${tx} ${ty - 7}L${tx + 7} ${ty}L${tx} ${ty + 7}L${tx - 7} ${ty}Z" fill="#b3261e"/><text x="${tx + 10}" y="${ty - 6}" font-size="12" fill="#b3261e">heute ${data.today.share} %</text>`;
  const planNow = data.points[at]!.planned;
  const label = `Burn-up des Digitalisierungsplans, ${data.points[0]!.bundle} bis ${data.points.at(-1)!.bundle}: geplant sind bis Ende ${data.today.bundle} ${planNow} % der ${data.processes} Prozesse digital, heute sind es ${data.today.share} %; am Ende des Plans ${data.points.at(-1)!.planned} %.`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" width="${width}" height="${TOP + HEIGHT + 28}" viewBox="0 0 ${width} ${TOP + HEIGHT + 28}">${grid}<polyline points="${line}" fill="none" stroke="#1f5f99" stroke-width="2"/>${dots}${labels}${today}</svg>`;
}

/** The burn-up's figures as a table (for screen readers and print). */
export function burnUpTable(data: BurnUp): string {
  const rows = data.points.map((p) => `<tr><td>${escapeHtml(p.bundle)}</td><td class="num">${p.planned} %</td><td class="num">${p.bundle === data.today.bundle ? `${data.today.share} %` : ''}</td></tr>`).join('');
  return `<table class="burn-up"><caption>Geplanter Anteil digitaler Prozesse je Halbjahr</caption><thead><tr><th scope="col">Halbjahr</th><th scope="col" class="num">geplant</th><th scope="col" class="num">erreicht (heute)</th></tr></thead><tbody>${rows}</tbody></table>`;
}
