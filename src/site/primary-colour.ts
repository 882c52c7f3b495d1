import { darkModePrimary, primaryShades } from '../core/colours';

// Pure (no file system), so the editor's preview (src/editing/client/) bundles it too.

/**
 * The lightest dark-mode surface a link sits on: a striped table row in a metadata card
 * (Infima's `--ifm-table-stripe-background`, 7 % white, over the card's #1c1e21). Measured
 * against the page alone, links in tables and in the navbar (#242526) stayed below 4.5 : 1.
 */
export const DARK_LINK_SURFACE = '#2c2e31';

/** The dark-mode primary: lighter until links reach 4.5 : 1 on every dark surface. */
export function darkPrimary(hex: string): string {
  return darkModePrimary(hex, DARK_LINK_SURFACE);
}

/**
 * The stylesheet of the wiki's primary colour: Infima's seven `--ifm-color-primary*`
 * variables for light mode and, derived so that links reach 4.5 : 1 on the dark surfaces,
 * for dark mode. Plain, unlayered rules: with native cascade layers (src/site/css-layers.ts)
 * they beat Infima's layer without `!important` (checked in the browser:
 * test/e2e/wiki-settings.e2e.test.ts, test/e2e/accessibility.e2e.test.ts).
 */
export function primaryColourCss(hex: string): string {
  const block = (selector: string, colour: string) => {
    const lines = Object.entries(primaryShades(colour)).map(([suffix, value]) => `  --ifm-color-primary${suffix}: ${value};`);
    return `${selector} {\n${lines.join('\n')}\n}\n`;
  };
  return `/* Generated from primary_color in stellenwissen.config.yaml (src/site/theme-colours.ts). */\n${block(':root', hex)}${block("[data-theme='dark']", darkPrimary(hex))}`;
}
