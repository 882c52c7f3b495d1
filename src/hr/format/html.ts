import type { AuditResult, AuditSort, FlaggedRow } from '../audit';
import { CHECK_IDS } from '../../coverage/coverage';
import { addMonths, compareDates, parseIsoDate, type CalendarDate } from '../../core/dates';
import { changeLines, encodingLine, FORECAST_COLUMNS, FORECAST_EMPTY, forecastCells, forecastTitle, forecastYears, horizonEnd, rowCells } from './rows';
import { actionWords, dueText } from '../action-texts';
import { RISK_LEVEL_LABELS, riskLevel, type RiskLevel } from '../risk';
import type { PlannedAction } from '../actions';
import { germanDate } from '../../core/german';
import { CHECK_LABELS } from '../../coverage/texts';
import { escapeHtml } from '../../core/escape-html';
import { figures, reportPage } from '../../core/report-html';

export interface HtmlOptions {
  /** Base URL of the intranet wiki; posts link to `<siteUrl>/<department>/<id>`. */
  siteUrl?: string;
}


/** Coverage tones: each at least 3 : 1 against white and the bar's track #eee (WCAG 1.4.11). */
export const COLOURS = { low: '#c0392b', mid: '#8a5a00', full: '#2e7d32' };
/** Besides its colour each tone has a pattern, so the timeline never relies on colour alone. */
const PATTERNS: Record<keyof typeof COLOURS, string> = {
  low: '<path d="M0 6L6 0M-1 1L1 -1M5 7L7 5" stroke="#fff" stroke-width="1.5"/>',
  mid: '<circle cx="3" cy="3" r="1.2" fill="#fff"/>',
  full: '',
};
type Tone = keyof typeof COLOURS;
/** A departure already past: the figure, a row's note and (capitalised) a group's heading. */
const DEPARTED = 'bereits ausgeschieden';
const toneOf = (coverage: number, flagged: boolean): Tone => (!flagged ? 'full' : coverage < 50 ? 'low' : 'mid');
const fillOf = (tone: Tone) => (PATTERNS[tone] ? `url(#muster-${tone})` : COLOURS[tone]);
/** The patterns, defined once in the document (in the timeline, which every report has; the other charts and the swatches refer to them). */
const patternDefs = () => `<defs>${(Object.keys(COLOURS) as Tone[]).filter((t) => PATTERNS[t]).map((t) => `<pattern id="muster-${t}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${COLOURS[t]}"/>${PATTERNS[t]}</pattern>`).join('')}</defs>`;
/** A legend swatch: the tone's colour and pattern (defined once, in the timeline), hidden from screen readers (the text says it). */
const swatch = (tone: Tone) => `<svg class="swatch" aria-hidden="true" width="14" height="14" viewBox="0 0 14 14"><rect width="14" height="14" fill="${fillOf(tone)}"/></svg>`;

interface Quarter {
  label: string;
  year: number;
  start: CalendarDate;
}

function quarters(today: CalendarDate, end: CalendarDate, earliest: CalendarDate): Quarter[] {
  const first = compareDates(earliest, today) < 0 ? earliest : today;
  const list: Quarter[] = [];
  let start: CalendarDate = { year: first.year, month: Math.floor((first.month - 1) / 3) * 3 + 1, day: 1 };
  while (compareDates(start, end) <= 0) {
    list.push({ label: `Q${quarterOf(start)}`, year: start.year, start });
    start = addMonths(start, 3);
  }
  return list;
}

const quarterOf = (date: CalendarDate) => Math.floor((date.month - 1) / 3) + 1;
/** Quarters since year 0: consecutive quarters differ by one. */
const quarterNumber = (date: CalendarDate) => date.year * 4 + quarterOf(date) - 1;

/** The tones from the bottom of a bar up, with what each means (the legend says the same with its pattern). */
const TIMELINE_TONES: Array<[Tone, string]> = [['low', 'Abdeckung unter 50 %'], ['mid', 'Abdeckung 50–99 %'], ['full', 'abgesichert']];
/** How each tone's pattern looks, in words, for the legends. */
const PATTERN_WORDS: Record<Tone, string> = { low: 'schraffiert', mid: 'gepunktet', full: 'voll' };
const legendItem = (tone: Tone, meaning: string) => `${swatch(tone)}${escapeHtml(`${meaning} (${PATTERN_WORDS[tone]})`)}`;

/** Inline SVG: departures per quarter, one segment per coverage tone (its title gives the count). */
function timeline(result: AuditResult): string {
  const today = parseIsoDate(result.today)!;
  const end = parseIsoDate(horizonEnd(result))!;
  const dates = result.considered.map((c) => parseIsoDate(c.departure)!);
  const earliest = dates.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b), today);
  const qs = quarters(today, end, earliest);
  const counts = qs.map(() => ({ low: 0, mid: 0, full: 0 }) as Record<Tone, number>);
  const first = quarterNumber(qs[0]!.start);
  result.considered.forEach((c, i) => {
    counts[Math.min(qs.length - 1, quarterNumber(dates[i]!) - first)]![toneOf(c.coverage, c.flagged)] += 1;
  });
  const totals = counts.map((c) => c.low + c.mid + c.full);
  const max = Math.max(1, ...totals);
  const barWidth = 36;
  const gap = 12;
  const height = 160;
  const unit = (height - 20) / max;
  const width = qs.length * (barWidth + gap) + gap;
  const bars = qs.map((q, i) => {
    const x = gap + i * (barWidth + gap);
    let below = 0;
    const segments = TIMELINE_TONES.filter(([tone]) => counts[i]![tone] > 0).map(([tone, meaning]) => {
      const n = counts[i]![tone];
      const y = height - (below + n) * unit;
      below += n;
      // A hair of white between segments, where the segment is tall enough to keep it.
      const h = n * unit > 2 ? n * unit - 1 : n * unit;
      return `<rect x="${x}" y="${y.toFixed(1)}" width="${barWidth}" height="${h.toFixed(1)}" fill="${fillOf(tone)}"><title>${escapeHtml(`${q.label} ${q.year}: ${n} ${n === 1 ? 'Austritt' : 'Austritte'}, ${meaning}`)}</title></rect>`;
    }).join('');
    const label = `<text x="${x + barWidth / 2}" y="${height + 14}" text-anchor="middle" font-size="11">${q.label}</text>`
      + `<text x="${x + barWidth / 2}" y="${height + 27}" text-anchor="middle" font-size="10" fill="#666">${q.year}</text>`;
    const count = totals[i]! > 0 ? `<text x="${x + barWidth / 2}" y="${(height - totals[i]! * unit - 4).toFixed(1)}" text-anchor="middle" font-size="10">${totals[i]}</text>` : '';
    return segments + label + count;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Austritte je Quartal nach Abdeckung" width="${width}" height="${height + 32}" viewBox="0 0 ${width} ${height + 32}">${patternDefs()}${bars}<line x1="0" y1="${height}" x2="${width}" y2="${height}" stroke="#888"/></svg>`;
}

/** Inline SVG: departures per year of the forecast, the not secured part patterned at the bottom of each bar. */
function forecastChart(result: AuditResult): string {
  const years = forecastYears(result);
  const totals = years.map((year) => {
    const rows = result.forecast.filter((r) => r.year === year);
    return { year, departures: rows.reduce((n, r) => n + r.departures, 0), notSecured: rows.reduce((n, r) => n + r.not_secured, 0) };
  });
  const max = Math.max(1, ...totals.map((t) => t.departures));
  const barWidth = 44;
  const gap = 16;
  const height = 160;
  const width = years.length * (barWidth + gap);
  const scale = (n: number) => (n / max) * height;
  const bars = totals.map((t, i) => {
    const x = i * (barWidth + gap);
    const open = scale(t.notSecured);
    const secured = scale(t.departures - t.notSecured);
    const label = `${t.year}: ${t.departures} Austritte, davon ${t.notSecured} nicht abgesichert`;
    return `<g><title>${escapeHtml(label)}</title>`
      + `<rect x="${x}" y="${(height - open).toFixed(1)}" width="${barWidth}" height="${open.toFixed(1)}" fill="${fillOf('low')}"/>`
      + `<rect x="${x}" y="${(height - open - secured).toFixed(1)}" width="${barWidth}" height="${secured.toFixed(1)}" fill="${fillOf('full')}"/>`
      + `<text x="${x + barWidth / 2}" y="${(height - open - secured - 4).toFixed(1)}" text-anchor="middle" font-size="12">${t.departures}</text>`
      + `<text x="${x + barWidth / 2}" y="${height + 16}" text-anchor="middle" font-size="12">${t.year}</text></g>`;
  }).join('');
  // The table after the chart says the same for screen readers: the chart is one image with a summary.
  const all = totals.reduce((n, t) => n + t.departures, 0);
  const open = totals.reduce((n, t) => n + t.notSecured, 0);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(`Austritte je Jahr ${years[0]} bis ${years.at(-1)}: ${all}, davon ${open} nicht abgesichert; Zahlen in der Tabelle darunter`)}" width="${width}" height="${height + 40}" viewBox="0 -16 ${width} ${height + 40}">${bars}<line x1="0" y1="${height}" x2="${width}" y2="${height}" stroke="#888"/></svg>`;
}

/** Fill of a portfolio cell by the level its score has; the high cells also get the hatching. */
const LEVEL_FILLS: Record<RiskLevel, string> = { high: '#f6d5d1', medium: '#f5e6c8', low: '#e3efe4' };

/**
 * The risk portfolio: a 5 × 5 matrix of attrition (across) and position (up) with the number
 * of flagged posts per cell; hovering or focusing a cell names its posts. The table beside it
 * says the same for screen readers (the matrix is one image for them).
 */
function riskPortfolio(result: AuditResult): string {
  const size = 56;
  const left = 64;
  const top = 8;
  const cells = new Map<string, string[]>();
  for (const row of result.flagged) {
    const key = `${row.risk.attrition}:${row.risk.position}`;
    const posts = cells.get(key);
    if (posts) posts.push(row.post);
    else cells.set(key, [row.post]);
  }
  const squares: string[] = [];
  for (let position = 5; position >= 1; position--) {
    for (let attrition = 1; attrition <= 5; attrition++) {
      const score = attrition * position;
      const level = riskLevel(score);
      const posts = cells.get(`${attrition}:${position}`) ?? [];
      const x = left + (attrition - 1) * size;
      const y = top + (5 - position) * size;
      const label = `Austritt ${attrition}, Stelle ${position} (Wert ${score}, ${RISK_LEVEL_LABELS[level]}): ${posts.length === 0 ? 'keine Stelle' : posts.join(', ')}`;
      // A cell with posts can be focused (its name lists them); an empty one is decoration.
      squares.push(`<g ${posts.length > 0 ? `tabindex="0" role="img" aria-label="${escapeHtml(label)}"` : 'aria-hidden="true"'}><title>${escapeHtml(label)}</title>`
        + `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="${LEVEL_FILLS[level]}" stroke="#fff" stroke-width="2"/>`
        + (level === 'high' ? `<rect x="${x + 3}" y="${y + 3}" width="${size - 6}" height="${size - 6}" fill="none" stroke="${COLOURS.low}" stroke-width="2" stroke-dasharray="4 3"/>` : '')
        + (posts.length > 0 ? `<text x="${x + size / 2}" y="${y + size / 2 + 6}" text-anchor="middle" font-size="18" font-weight="700">${posts.length}</text>` : '')
        + '</g>');
    }
  }
  const axis = [1, 2, 3, 4, 5];
  const labels = '<g aria-hidden="true">' + axis.map((n) => `<text x="${left + (n - 0.5) * size}" y="${top + 5 * size + 18}" text-anchor="middle" font-size="12">${n}</text><text x="${left - 10}" y="${top + (5.5 - n) * size + 4}" text-anchor="end" font-size="12">${n}</text>`).join('') + '</g>';
  const width = left + 5 * size + 8;
  const height = top + 5 * size + 44;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" role="group" aria-label="${escapeHtml(`Risikoportfolio: ${result.flagged.length} Stellen nach Austritt und Stelle; die Tabelle daneben nennt sie`)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${squares.join('')}${labels}`
    + `<g aria-hidden="true"><text x="${left + 2.5 * size}" y="${height - 4}" text-anchor="middle" font-size="12">Austritt (1 = fern, 5 = bald)</text>`
    + `<text x="12" y="${top + 2.5 * size}" text-anchor="middle" font-size="12" transform="rotate(-90 12 ${top + 2.5 * size})">Stelle (Kritikalität + Lücke)</text></g></svg>`;
  const filled = [...cells].map(([key, posts]) => {
    const [attrition, position] = key.split(':').map(Number) as [number, number];
    return { attrition, position, score: attrition * position, posts };
  }).sort((a, b) => b.score - a.score || b.attrition - a.attrition);
  const table = `<table class="portfolio">
<caption>Stellen je Feld</caption>
<thead><tr><th>Austritt × Stelle</th><th class="num">Wert</th><th>Risiko</th><th>Stellen</th></tr></thead>
<tbody>
${filled.map((c) => `<tr><td>${c.attrition} × ${c.position}</td><td class="num">${c.score}</td><td>${escapeHtml(RISK_LEVEL_LABELS[riskLevel(c.score)])}</td><td class="ids">${escapeHtml(c.posts.join(', '))}</td></tr>`).join('\n')}
</tbody>
</table>`;
  return `<h2>Risikoportfolio</h2>
<p class="note">Risiko des Wissensverlusts je auffälliger Stelle: Austritt (wie bald) mal Stelle (Kritikalität plus Lücke in der Abdeckung); gestrichelt umrandet die Felder mit hohem Risiko (Wert ab 16).</p>
<div class="portfolio-wrap">${svg}
${table}</div>
`;
}

function trendSection(result: AuditResult): string {
  const trend = changeLines(result);
  if (!trend) return '';
  return `<h2>${escapeHtml(trend.title)}</h2>\n<dl class="trend">${trend.lines.map(([label, text]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(text)}</dd>`).join('')}</dl>\n`;
}

function forecastSection(result: AuditResult): string {
  const title = `<h2>${escapeHtml(forecastTitle(result))}</h2>`;
  if (result.forecast.length === 0) return `${title}\n<p>${escapeHtml(FORECAST_EMPTY)}</p>`;
  const rows = result.forecast.map((row) => `<tr>${forecastCells(row).map((cell, i) => `<td${i >= 2 ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `${title}
${forecastChart(result)}
<p class="legend">${legendItem('low', 'nicht abgesichert')}${legendItem('full', 'abgesichert')} – Stand der Artikel am Stichtag</p>
<table>
<thead><tr>${FORECAST_COLUMNS.map((c, i) => `<th${i >= 2 ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function actionItem(step: PlannedAction): string {
  const { text, command } = actionWords(step);
  return `<li>${escapeHtml(text)}${command ? `: <code>${escapeHtml(command)}</code>` : ''} – <strong>${escapeHtml(dueText(step))}</strong></li>`;
}

function link(siteUrl: string | undefined, path: string | undefined, text: string): string {
  if (!siteUrl || path === undefined) return escapeHtml(text);
  return `<a href="${escapeHtml(`${siteUrl.replace(/\/$/, '')}/${path}`)}">${escapeHtml(text)}</a>`;
}

function flaggedRow(row: FlaggedRow, options: HtmlOptions): string {
  const c = rowCells(row);
  const article = row.detail.coverage.article;
  // No blanks between the cells: with 2,000 rows every text node counts when the browser opens the file.
  return `<tr><td>${escapeHtml(c.departure)}<br><small>${escapeHtml([row.months_left < 0 ? DEPARTED : `${row.months_left} Monate`, c.departureNote].filter(Boolean).join(' · '))}</small></td><td>${link(options.siteUrl, article?.path, c.title)}<br><small><code>${escapeHtml(row.post)}</code> · ${escapeHtml(c.department || '–')}</small></td><td>${escapeHtml(c.holder || '–')}<br><small>${escapeHtml(c.reason)}</small></td><td><div class="bar"><span class="${toneOf(row.coverage, true)}" style="width:${row.coverage}%"></span></div>${row.coverage} %</td><td>${escapeHtml(c.risk)}</td><td><ul>${c.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul></td><td><ol>${row.actions.map(actionItem).join('')}</ol></td></tr>`;
}

const FLAGGED_HEAD = '<thead><tr><th>Austritt</th><th>Stelle</th><th>Inhaber/in</th><th>Abdeckung</th><th>Risiko</th><th>Was fehlt</th><th>Was jetzt zu tun ist</th></tr></thead>';
/** Rows per table: the browser lays out only the tables on screen (`content-visibility`), so a long report opens at once. */
const ROWS_PER_TABLE = 100;
/** About a row's height, for the scroll bar before a table was laid out. */
const ROW_HEIGHT_PX = 140;

/** The heading of a group of flagged rows: the quarter of the departure, or the risk level with `--sort risk`. */
function groupTitle(row: FlaggedRow, sort: AuditSort): string {
  if (sort === 'risk') return `Risiko ${RISK_LEVEL_LABELS[row.risk.level]}`;
  if (row.months_left < 0) return DEPARTED.charAt(0).toUpperCase() + DEPARTED.slice(1);
  const date = parseIsoDate(row.departure)!;
  return `Austritt im ${quarterOf(date)}. Quartal ${date.year}`;
}

/**
 * The flagged rows under one heading per group (in the report's order, so each group is
 * one run of rows), each group in tables of at most ROWS_PER_TABLE rows with the same
 * fixed columns.
 */
function flaggedGroups(result: AuditResult, options: HtmlOptions): string {
  const groups: Array<{ title: string; rows: FlaggedRow[] }> = [];
  for (const row of result.flagged) {
    const title = groupTitle(row, result.sort);
    const last = groups.at(-1);
    if (last?.title === title) last.rows.push(row);
    else groups.push({ title, rows: [row] });
  }
  return groups.map((group, g) => {
    const id = `gruppe-${g + 1}`;
    const tables: string[] = [];
    for (let i = 0; i < group.rows.length; i += ROWS_PER_TABLE) {
      const rows = group.rows.slice(i, i + ROWS_PER_TABLE);
      tables.push(`<div class="rows" style="contain-intrinsic-size:auto ${rows.length * ROW_HEIGHT_PX}px"><table class="flagged" aria-labelledby="${id}">
${FLAGGED_HEAD}
<tbody>
${rows.map((row) => flaggedRow(row, options)).join('\n')}
</tbody>
</table></div>`);
    }
    return `<h3 id="${id}">${escapeHtml(`${group.title} (${group.rows.length})`)}</h3>\n${tables.join('\n')}`;
  }).join('\n');
}

/** `--format html`: one self-contained file (no external assets) for HR to open or mail. */
export function formatAuditHtml(result: AuditResult, options: HtmlOptions = {}): string {
  const s = result.summary;
  const keyFigures: Array<[string, number]> = [
    ['Austritte im Horizont', s.within_horizon],
    ['nicht abgesichert', s.flagged],
    ['abgesichert', s.secured],
    ['ohne Stellenprofil', s.not_in_wiki],
    [DEPARTED, s.departed],
  ];
  const byCheck = CHECK_IDS.map((check) => `<li>${escapeHtml(CHECK_LABELS[check])}: ${s.missing_by_check[check]}</li>`).join('');
  const css = `.portfolio-wrap{display:flex;flex-wrap:wrap;gap:2rem;align-items:flex-start}
.portfolio-wrap table{width:auto}
.ids{font-family:ui-monospace,Consolas,monospace;font-size:.9em}
svg g[tabindex]:focus{outline:3px solid #1c1e21}
.trend dt{font-weight:600;margin-top:.4rem}
.trend dd{margin-left:0}
.rows{content-visibility:auto}
.flagged{table-layout:fixed}
.flagged th:nth-child(1){width:7.5rem}
.flagged th:nth-child(2){width:18%}
.flagged th:nth-child(3){width:10%}
.flagged th:nth-child(4){width:7rem}
.flagged th:nth-child(5){width:8rem}
.flagged th:nth-child(6){width:24%}
.bar{width:6rem;height:.6rem;background:#eee;border-radius:3px;overflow:hidden;margin-bottom:.2rem}
.bar span{display:block;height:100%}
${(Object.keys(COLOURS) as Tone[]).map((tone) => `.bar .${tone}{background:${COLOURS[tone]}}`).join('\n')}
.legend .swatch{margin:0 .3rem 0 1rem;vertical-align:middle}`;
  return reportPage(`Wissenssicherung – Auswertung zum ${germanDate(result.today)}`, css, `<h1>Wissenssicherung: nicht abgesicherte Stellen</h1>
<p class="note">Stichtag ${escapeHtml(germanDate(result.today))} · Austritte bis ${escapeHtml(germanDate(horizonEnd(result)))} (${result.horizon} Monate) · Übergabe ab ${result.lead} Monaten vor dem Austritt verlangt · ${escapeHtml(encodingLine(result))}</p>
${figures(keyFigures)}
<h2>Austritte je Quartal</h2>
${timeline(result)}
<p class="legend">${TIMELINE_TONES.map(([tone, meaning]) => legendItem(tone, meaning)).join('')}</p>
${result.flagged.length === 0 ? '' : riskPortfolio(result)}<h2>Nicht abgesicherte Stellen (${result.flagged.length})</h2>
${result.flagged.length === 0 ? '<p>Alle Stellen mit Austritt im Horizont sind abgesichert.</p>' : flaggedGroups(result, options)}
<h2>Fehlende Prüfungen</h2>
<ul>${byCheck}</ul>
${trendSection(result)}${forecastSection(result)}
<footer>Vertraulich: enthält Personaldaten aus dem Personalregister. Nur für die Personalabteilung und die zuständigen Führungskräfte; nicht im Intranet ablegen. Erstellt mit Stellenwissen.</footer>`);
}
