/**
 * The shell of our self-contained HTML reports (HR's audit, the CDO's plan): one file with no
 * external assets, German, printable, with the styles every report shares.
 */

import { escapeHtml } from './escape-html';

/** Styles of every report: text, key figures, tables, footer, print. */
const BASE_CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem;color:#1c1e21;max-width:1400px}
h1{font-size:1.6rem;margin-bottom:.2rem}
.note{color:#555}
.figures{display:flex;flex-wrap:wrap;gap:1rem;margin:1.5rem 0}
.figure{border:1px solid #ddd;border-radius:8px;padding:.8rem 1.2rem;min-width:9rem}
.figure b{display:block;font-size:1.8rem}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.5rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}
td ul,td ol{margin:0;padding-left:1.1rem}
td{overflow-wrap:anywhere;hyphens:auto}
.num{text-align:right}`;

/** The closing styles: footer and print (after the report's own, so that print wins). */
const END_CSS = `footer{margin-top:2rem;color:#555;font-size:.85rem}
@media print{body{margin:0}a{color:inherit;text-decoration:none}}`;

/** Key figures as boxes: the number large, its label below. */
export function figures(items: ReadonlyArray<readonly [string, number | string]>): string {
  return `<div class="figures">${items.map(([label, value]) => `<div class="figure"><b>${escapeHtml(String(value))}</b>${escapeHtml(label)}</div>`).join('')}</div>`;
}

/** A whole report: `title` (escaped) in the tab, `css` the report's own styles, `body` its HTML. */
export function reportPage(title: string, css: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
${BASE_CSS}
${css}
${END_CSS}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
