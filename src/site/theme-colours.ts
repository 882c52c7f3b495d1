import { join } from 'node:path';
import { darkModePrimary, primaryShades } from '../core/colours';
import type { WikiConfig } from '../core/config';
import { writeFileAtomic } from '../core/fs-atomic';

/**
 * The stylesheet of the wiki's primary colour: Infima's seven `--ifm-color-primary*`
 * variables for light mode and, derived so that links reach 4.5 : 1 on the dark
 * background, for dark mode. `!important` because with `future.v4` Docusaurus turns
 * Infima's cascade layer into selectors like `:root:not(#\#):not(#\#)`, which beat a plain
 * `:root` (checked in the browser: test/e2e/wiki-settings.e2e.test.ts).
 */
export function primaryColourCss(hex: string): string {
  const block = (selector: string, colour: string) => {
    const lines = Object.entries(primaryShades(colour)).map(([suffix, value]) => `  --ifm-color-primary${suffix}: ${value} !important;`);
    return `${selector} {\n${lines.join('\n')}\n}\n`;
  };
  return `/* Generated from primary_color in stellenwissen.config.yaml (src/site/theme-colours.ts). */\n${block(':root', hex)}${block("[data-theme='dark']", darkModePrimary(hex))}`;
}

/**
 * Writes the stylesheet into the build's generated files and returns its path. A file, not
 * an inline style, so a stricter CSP (style-src without 'unsafe-inline',
 * deploy/content-security-policy.txt) keeps the colour.
 */
export function writeThemeColours(config: Pick<WikiConfig, 'primaryColor'>, generatedFilesDir: string): string {
  const path = join(generatedFilesDir, 'stellenwissen', 'primary-colour.css');
  writeFileAtomic(path, primaryColourCss(config.primaryColor));
  return path;
}
