/**
 * Decap's colours on its own page (not the preview frame: that is cms.css), raised to WCAG 2.1
 * AA contrast (1.4.3, axe `color-contrast`). Decap styles with emotion, from one palette
 * (decap-cms-ui-default `styles.js`); five of its colours (and the header's own grey) fail where
 * they are used: the grey of texts, inactive links, „Sortieren nach“ and of the default buttons'
 * background, the red of errors and of the „Ungespeicherte Änderungen“ badge, the active blue
 * on the Markdown toolbar, the teal of the publish button and the light teal's text. Rather than
 * chase every component by its generated class name, each of these colours is replaced in the
 * rules emotion inserts (accessibility.ts) – so states this project's tests never open
 * (editorial workflow) are covered too.
 */

/** Decap's failing colour → the darker shade used instead (`#rrggbb`, lower case). */
export const PALETTE: Readonly<Record<string, string>> = {
  // colorsRaw.gray → Decap's own darker grey of field labels (colors.controlLabel)
  '#798291': '#5d626f',
  // the header's buttons („Inhalte“, „Medien“; Header.js writes this grey itself)
  '#7b8290': '#5d626f',
  // colorsRaw.red (redDark #d60032 stays below 4.5 : 1 on the danger badge's #fbe0d7)
  '#ff003b': '#c4002e',
  // colorsRaw.blue (colors.active): the active side of the Markdown switch on the toolbar's #dfdfe3
  '#3a69c7': '#315cb3',
  // colorsRaw.teal → colorsRaw.tealDark
  '#17a2b8': '#117888',
  // buttons.lightTeal's text on colorsRaw.tealLight
  '#1195aa': '#0e6b79',
};

/**
 * Where Decap's source puts each colour (text on background, or white text on it): the pairs
 * test/e2e/editor-accessibility.e2e.test.ts checks with src/core/colours.ts.
 */
export const PALETTE_USES: Array<{ colour: string; on: string }> = [
  // grey text on white, on the page's grayLight, on the disabled button, on blueLight
  { colour: '#798291', on: '#ffffff' },
  { colour: '#798291', on: '#eff0f4' },
  { colour: '#798291', on: '#e8f5fe' },
  { colour: '#7b8290', on: '#ffffff' },
  // white text on the default grey button
  { colour: '#ffffff', on: '#798291' },
  // red text on white, on redLight, on the danger badge; white on a field label with errors
  { colour: '#ff003b', on: '#ffffff' },
  { colour: '#ff003b', on: '#fcefea' },
  { colour: '#ff003b', on: '#fbe0d7' },
  { colour: '#ffffff', on: '#ff003b' },
  // the active blue on the Markdown toolbar (and on white, blueLight; white on it stays ≥ 4.5)
  { colour: '#3a69c7', on: '#dfdfe3' },
  // white on the publish button, teal text on white and on grayLight
  { colour: '#ffffff', on: '#17a2b8' },
  { colour: '#17a2b8', on: '#ffffff' },
  { colour: '#17a2b8', on: '#eff0f4' },
  { colour: '#1195aa', on: '#ddf5f9' },
];

/** A colour after the replacement. */
export const recoloured = (hex: string): string => PALETTE[hex.toLowerCase()] ?? hex.toLowerCase();

/** A CSS rule with Decap's failing colours replaced (hex literals only: that is how emotion writes them). */
export function recolour(rule: string): string {
  return rule.replace(/#[0-9a-fA-F]{6}\b/g, (hex) => PALETTE[hex.toLowerCase()] ?? hex);
}
