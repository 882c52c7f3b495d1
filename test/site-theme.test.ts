import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { primaryShades } from '../src/core/colours';
import { siteLogo, TOOL_LOGO } from '../src/site/logo';
import { darkPrimary, primaryColourCss, writeThemeColours } from '../src/site/theme-colours';
import { tempDir } from './helpers';

describe('the site\'s primary colour stylesheet', () => {
  it('sets all seven Infima variables for light and dark mode, as plain rules (native cascade layers, no !important)', () => {
    const css = primaryColourCss('#8c1d3a');
    const light = primaryShades('#8c1d3a');
    const dark = primaryShades(darkPrimary('#8c1d3a'));
    const blocks = css.split(/(?=:root|\[data-theme)/).slice(1);
    expect(blocks.map((b) => b.split(' {')[0])).toEqual([':root', "[data-theme='dark']"]);
    for (const [block, shades] of [[blocks[0], light], [blocks[1], dark]] as const) {
      for (const [suffix, value] of Object.entries(shades)) expect(block).toContain(`  --ifm-color-primary${suffix}: ${value};\n`);
      expect(block.match(/--ifm-color-primary/g)).toHaveLength(7);
      expect(block).not.toContain('!important');
    }
  });

  it('is written as a file into the generated files (no inline style)', () => {
    const dir = tempDir();
    const path = writeThemeColours({ primaryColor: '#1d5a8c' }, dir);
    expect(path).toBe(join(dir, 'stellenwissen', 'primary-colour.css'));
    expect(readFileSync(path, 'utf8')).toBe(primaryColourCss('#1d5a8c'));
  });
});

describe('the navbar logo', () => {
  it('is the tool\'s without a logo of the wiki', () => {
    expect(siteLogo({ alt: 'Stellenwissen' }, tempDir())).toEqual({ alt: 'Stellenwissen', src: TOOL_LOGO });
  });

  it('copies only the wiki\'s logo into a static folder of its own, named by its content', () => {
    const wiki = tempDir();
    const cache = tempDir();
    writeFileSync(join(wiki, 'Wappen.PNG'), 'png-bytes');
    const logo = siteLogo({ alt: 'Wappen', file: join(wiki, 'Wappen.PNG') }, cache);
    expect(logo.src).toMatch(/^img\/wiki-logo-[0-9a-f]{12}\.png$/);
    expect(readFileSync(join(logo.staticDir!, logo.src), 'utf8')).toBe('png-bytes');
    writeFileSync(join(wiki, 'Wappen.PNG'), 'other-bytes');
    const changed = siteLogo({ alt: 'Wappen', file: join(wiki, 'Wappen.PNG') }, cache);
    expect(changed.src).not.toBe(logo.src);
    expect(changed.staticDir).not.toBe(logo.staticDir);
  });
});
