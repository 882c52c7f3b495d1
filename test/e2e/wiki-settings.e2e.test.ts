import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio, MIN_CONTRAST } from '../../src/core/colours';
import { darkPrimary } from '../../src/site/theme-colours';
import { MINI_WIKI, ROOT } from '../helpers';
import { launchBrowser, serve, startSite, type RunningSite } from './harness';
import { buildOwnWiki } from './own-wiki';

/**
 * A wiki of its own (not this repository's folder) with primary_color and logo in its
 * stellenwissen.config.yaml, built like a wiki made by `stellenwissen init`: its
 * docusaurus.config.ts is the tool's configuration for its folder.
 */
const COLOUR = '#8c1d3a';
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32"><rect width="32" height="32" fill="#8c1d3a"/></svg>\n';
const GUIDE = 'fb1/anleitung-ablage';

/** The mini wiki with a link in running text, a logo and a primary colour, built as a wiki of its own. */
function buildFarbenfeld(): string {
  const guide = readFileSync(join(MINI_WIKI, `${GUIDE}.md`), 'utf8');
  return buildOwnWiki({
    [`docs/${GUIDE}.md`]: `${guide}\nSiehe auch [Antrag bearbeiten](antrag-bearbeiten.md).\n`,
    'marke/wappen.svg': LOGO,
    'stellenwissen.config.yaml': `name: Stadt Farbenfeld\nprimary_color: "${COLOUR.toUpperCase()}"\nlogo: marke/wappen.svg\nlogo_alt: Wappen der Stadt Farbenfeld\n`,
  }).outDir;
}

/** Computed colours as the browser paints them (rgb(…) turned into #rrggbb). */
async function colours(page: Page) {
  return page.evaluate(() => {
    const hex = (css: string) => `#${(css.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
    const colour = (selector: string) => {
      const element = document.querySelector(selector);
      return element ? hex(getComputedStyle(element).color) : undefined;
    };
    return {
      variable: getComputedStyle(document.documentElement).getPropertyValue('--ifm-color-primary').trim(),
      contentLink: colour('.theme-doc-markdown p a'),
      activeMenuLink: colour('.menu__link--active'),
      background: hex(getComputedStyle(document.documentElement).backgroundColor),
      inlineColourStyles: Array.from(document.querySelectorAll('style')).filter((s) => (s.textContent ?? '').includes('--ifm-color-primary')).length,
    };
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('primary_color and logo of stellenwissen.config.yaml in the browser', () => {
  let site: RunningSite;
  beforeAll(async () => {
    site = await serve(buildFarbenfeld(), '/');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('links are painted in the primary colour (computed style), from a stylesheet file, not inline', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${GUIDE}`, { waitUntil: 'networkidle' });
    expect(await colours(page)).toMatchObject({ variable: COLOUR, contentLink: COLOUR, activeMenuLink: COLOUR, inlineColourStyles: 0 });
    await page.close();
  });

  it('dark mode uses the derived colour, with at least 4.5 : 1 against the page', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(`${site.url}${GUIDE}`, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const dark = await colours(page);
    expect(dark).toMatchObject({ variable: darkPrimary(COLOUR), contentLink: darkPrimary(COLOUR) });
    expect(dark.background).toBe('#1b1b1d');
    expect(contrastRatio(dark.contentLink!, dark.background)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    await page.close();
  });

  it('the navbar shows the wiki\'s logo with its alternative text instead of the tool\'s', async () => {
    const page = await browser.newPage();
    await page.goto(site.url, { waitUntil: 'networkidle' });
    const logo = await page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('.navbar__logo img')!;
      return { src: img.getAttribute('src'), alt: img.alt, loaded: img.complete && img.naturalWidth > 0 };
    });
    expect(logo).toMatchObject({ alt: 'Wappen der Stadt Farbenfeld', loaded: true });
    expect(logo.src).toMatch(/^\/img\/wiki-logo-[0-9a-f]{12}\.svg$/);
    const served = await page.request.get(new URL(logo.src!, site.url).href);
    expect(await served.text()).toBe(LOGO);
    // Only the logo came into the site, not the rest of the wiki folder.
    expect((await page.request.get(new URL('/stellenwissen.config.yaml', site.url).href)).status()).toBe(404);
    await page.close();
  });
});

describe('a wiki without primary_color', () => {
  it('gets the tool\'s blue (the sample wiki\'s settings), really applied', async () => {
    const site = await startSite({ docsDir: MINI_WIKI });
    const page = await browser.newPage();
    try {
      await page.goto(`${site.url}${GUIDE}`, { waitUntil: 'networkidle' });
      expect(await colours(page)).toMatchObject({ variable: '#1d5a8c', activeMenuLink: '#1d5a8c' });
      const logo = await page.evaluate(() => document.querySelector<HTMLImageElement>('.navbar__logo img')!.getAttribute('src'));
      expect(logo).toBe('/img/logo.svg');
      expect(readFileSync(join(ROOT, 'stellenwissen.config.yaml'), 'utf8')).not.toMatch(/^primary_color:/m);
    } finally {
      await page.close();
      await site.close();
    }
  });
});
