import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/core/colours';
import { darkPrimary } from '../../src/site/theme-colours';
import { readWikiConfig } from '../../src/core/config';
import { ROOT, tempDir } from '../helpers';
import { expectNoAxeViolations } from './axe';
import { launchBrowser, openPage, SAMPLE_PAGES, startSite, type RunningSite } from './harness';

// WCAG 2.1 AA (BITV NRW, EN 301 549) on the built sample wiki and on the HTML reports:
// axe-core finds nothing, the project's colours apply and reach their contrast, pages
// reflow at 320 px and at 200 % text, and Mermaid diagrams have a name.

const BOX = 'input[aria-label="Wiki durchsuchen"]';
const ARTICLES = ['department', 'post', 'process', 'handover', 'guide'] as const;
/** The article with everything at once: card, Mermaid diagram, task list (docs/). */
const RICH_ARTICLE = SAMPLE_PAGES.process;

let browser: Browser;
let site: RunningSite;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startSite();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Mode = 'light' | 'dark';

/** Opens a page of the sample site in light or dark mode at a given width, diagrams drawn. */
async function open(path: string, options: { mode?: Mode; width?: number } = {}): Promise<Page> {
  const { page } = await openPage(browser, `${site.url}${path}`);
  if (options.width) await page.setViewportSize({ width: options.width, height: 900 });
  if (options.mode === 'dark') {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('dark');
  }
  await diagramsDrawn(page);
  return page;
}

/** Mermaid draws in the browser: wait until every diagram container has its SVG. */
async function diagramsDrawn(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => Array.from(document.querySelectorAll('.docusaurus-mermaid-container')).every((c) => c.querySelector('svg'))), { timeout: 15_000 })
    .toBe(true);
}

describe('axe: no WCAG 2.1 A/AA violations on the site', () => {
  it.each([['home', SAMPLE_PAGES.start], ...ARTICLES.map((type) => [type, SAMPLE_PAGES[type]]), ['404', SAMPLE_PAGES.notFound]])(
    '%s (light and dark)',
    async (label, path) => {
      for (const mode of ['light', 'dark'] as const) {
        const page = await open(path, { mode });
        await expectNoAxeViolations(page, `${label}, ${mode}`);
        await page.close();
      }
    },
  );

  it('/wissenssicherung with filters set and after sorting (light and dark)', async () => {
    for (const mode of ['light', 'dark'] as const) {
      const page = await open(SAMPLE_PAGES.coverage, { mode });
      await expectNoAxeViolations(page, `wissenssicherung, ${mode}`);
      await page.selectOption('select[name="kritikalitaet"]', { index: 1 });
      await page.fill('input[name="abdeckung-unter"]', '90');
      await expectNoAxeViolations(page, `wissenssicherung gefiltert, ${mode}`);
      await page.locator('th button').nth(1).click();
      await expect.poll(() => page.locator('th[aria-sort="ascending"]').count()).toBe(1);
      await expectNoAxeViolations(page, `wissenssicherung sortiert, ${mode}`);
      await page.close();
    }
  });

  it('/digitalisierung (light and dark)', async () => {
    for (const mode of ['light', 'dark'] as const) {
      const page = await open(SAMPLE_PAGES.digital, { mode });
      await expectNoAxeViolations(page, `digitalisierung, ${mode}`);
      await page.close();
    }
  });

  it('the search box open with results (light and dark)', async () => {
    for (const mode of ['light', 'dark'] as const) {
      const page = await open(SAMPLE_PAGES.start, { mode });
      await page.locator(BOX).fill('Gewerbe');
      await expect.poll(() => page.locator('[role="option"]').count()).toBeGreaterThan(1);
      await page.keyboard.press('ArrowDown');
      await expectNoAxeViolations(page, `Suche mit Treffern, ${mode}`);
      await page.close();
    }
  });

  it('an article at 320 px width (light and dark)', async () => {
    for (const mode of ['light', 'dark'] as const) {
      const page = await open(RICH_ARTICLE, { mode, width: 320 });
      await expectNoAxeViolations(page, `Artikel 320 px, ${mode}`);
      await page.close();
    }
  });

  it('a handover in print media', async () => {
    const page = await open(SAMPLE_PAGES.handover);
    await page.emulateMedia({ media: 'print' });
    await expectNoAxeViolations(page, 'Übergabe, Druckansicht');
    await page.close();
  });
});

/** `npm run audit -- --format html` for a register, on the sample wiki; returns the report's path. */
function auditReport(register: string): string {
  const out = join(tempDir('stellenwissen-a11y-'), 'bericht.html');
  const run = spawnSync(process.execPath, ['scripts/run.cjs', 'audit', '--register', register, '--today', '2026-06-01', '--format', 'html', '--site-url', 'https://wiki.example', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).not.toMatch(/Error|Fehler:/);
  expect(run.status, run.stderr).toBeLessThanOrEqual(1); // 1: posts flagged
  return out;
}

describe('axe: no violations in the HTML reports', () => {
  it('the HR audit report (npm run audit -- --format html)', async () => {
    const out = auditReport('examples/personalregister-beispiel.csv');
    for (const mode of ['light', 'dark'] as const) {
      const { page } = await openPage(browser, pathToFileURL(out).href);
      await page.emulateMedia({ colorScheme: mode });
      await expectNoAxeViolations(page, `Personalbericht, ${mode}`);
      await page.close();
    }
  });
  it('the CDO\'s plan report (npm run plan -- --format html), light, dark and printed; the burn-up is one named image', async () => {
    const out = join(tempDir('stellenwissen-a11y-'), 'plan.html');
    const run = spawnSync(process.execPath, ['scripts/run.cjs', 'plan', '--today', '2026-12-02', '--format', 'html', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1); // 1: the sample plan has problems
    for (const media of [{ colorScheme: 'light' }, { colorScheme: 'dark' }, { media: 'print' }] as const) {
      const { page } = await openPage(browser, pathToFileURL(out).href);
      await page.emulateMedia(media);
      await expectNoAxeViolations(page, `Digitalisierungsplan, ${JSON.stringify(media)}`);
      const image = page.locator('svg[role="img"]');
      expect(await image.count()).toBe(1);
      expect(await image.getAttribute('aria-label')).toMatch(/^Burn-up des Digitalisierungsplans, \d{4}-H[12] bis \d{4}-H[12]: geplant sind bis Ende 2026-H2 \d+ % der 48 Prozesse digital, heute sind es 31 %/);
      await page.close();
    }
  });
  it('a long HR audit report: groups of tables, each laid out when needed and named by its heading', async () => {
    // The example's rows and 150 more in one quarter, on posts missing from the wiki (so all flagged).
    const example = readFileSync(join(ROOT, 'examples/personalregister-beispiel.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
    const register = join(tempDir('stellenwissen-a11y-'), 'lang.csv');
    const rows = Array.from({ length: 150 }, (_, i) => `stelle-99-${String(i + 1).padStart(3, '0')};Beispiel ${i + 1};;${String(1 + (i % 28)).padStart(2, '0')}.02.2027;Versetzung`);
    writeFileSync(register, [...example, ...rows].join('\n'));
    const { page } = await openPage(browser, pathToFileURL(auditReport(register)).href);
    const tables = await page.$$eval('table.flagged', (all) => all.map((t) => document.getElementById(t.getAttribute('aria-labelledby')!)?.textContent ?? ''));
    const quarter = 'Austritt im 1. Quartal 2027 (153)'; // the example has 3 more in that quarter
    expect(tables.filter((title) => title === quarter)).toHaveLength(2);
    // The browser may skip laying out the tables off screen (not measurable: asking for a size lays one out).
    expect(await page.$$eval('div.rows', (all) => all.map((div) => getComputedStyle(div).contentVisibility))).toEqual(tables.map(() => 'auto'));
    const last = page.locator('table.flagged').last().locator('tbody tr').last();
    await last.scrollIntoViewIfNeeded();
    expect((await last.boundingBox())!.height).toBeGreaterThan(20);
    await expectNoAxeViolations(page, 'Personalbericht, lang');
    await page.close();
  });
});

/** The computed colour of an element as #rrggbb; a transparent background is the white canvas. */
async function colourOf(page: Page, selector: string, property: 'color' | 'background-color' = 'color'): Promise<string> {
  const value = await page.$eval(selector, (element, property) => getComputedStyle(element).getPropertyValue(property), property);
  const [r, g, b, alpha = 1] = value.match(/\d+(\.\d+)?/g)!.map(Number);
  if (alpha === 0) return '#ffffff';
  expect(alpha, `${selector} ${property}: ${value}`).toBe(1);
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

describe('the project colours apply (CSS cascade layers of future.v4)', () => {
  const primary = readWikiConfig(ROOT).primaryColor.toLowerCase();

  it('a link in an article has the wiki primary colour, light and dark, not Infima’s #3578e5', async () => {
    const expected: Record<Mode, string> = { light: primary, dark: darkPrimary(primary) };
    for (const mode of ['light', 'dark'] as const) {
      const page = await open(SAMPLE_PAGES.post, { mode });
      const link = 'article .markdown a[href]';
      const colour = await colourOf(page, link);
      expect(colour, mode).not.toBe('#3578e5');
      expect(colour, mode).toBe(expected[mode]);
      const background = await colourOf(page, 'html', 'background-color');
      expect(contrastRatio(colour, background), mode).toBeGreaterThanOrEqual(4.5);
      await page.close();
    }
  });
});

describe('colour is never the only sign, and reaches 3 : 1 (WCAG 1.4.1, 1.4.11)', () => {
  it('coverage bars: each tone against its track, light and dark, with the percentage as text', async () => {
    for (const mode of ['light', 'dark'] as const) {
      const page = await open(SAMPLE_PAGES.coverage, { mode });
      const bars = await page.$$eval('[role="img"][aria-label$=" %"]', (elements) =>
        elements.map((bar) => ({ label: bar.getAttribute('aria-label')!, text: bar.parentElement!.textContent!, fill: getComputedStyle(bar.firstElementChild!).backgroundColor, track: getComputedStyle(bar).backgroundColor })));
      expect(bars.length, mode).toBeGreaterThan(3);
      const hex = (rgb: string) => `#${rgb.match(/\d+/g)!.slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
      const tones = new Set<string>();
      for (const bar of bars) {
        expect(bar.text, `${mode}: ${bar.label}`).toContain(bar.label); // the percentage is written next to the bar
        const ratio = contrastRatio(hex(bar.fill), hex(bar.track));
        expect(ratio, `${mode}: ${bar.label} ${hex(bar.fill)} on ${hex(bar.track)}`).toBeGreaterThanOrEqual(3);
        tones.add(hex(bar.fill));
      }
      expect(tones.size, `${mode}: tones seen ${[...tones].join(', ')}`).toBeGreaterThanOrEqual(2);
      await page.close();
    }
  });
});

describe('names for what is not text', () => {
  it('each Mermaid diagram is an SVG named after the article (title and desc), light and dark', async () => {
    for (const mode of ['light', 'dark'] as const) {
      const page = await open(RICH_ARTICLE, { mode });
      const heading = (await page.locator('article h1').innerText()).trim();
      const svgs = await page.$$eval('.docusaurus-mermaid-container svg', (elements) =>
        elements.map((svg) => {
          const text = (attribute: string) => (svg.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
          return { title: text('aria-labelledby'), desc: text('aria-describedby'), role: svg.getAttribute('role') };
        }));
      expect(svgs.length, mode).toBeGreaterThan(0);
      for (const svg of svgs) {
        expect(svg.title, mode).toContain(heading);
        expect(svg.desc, mode).toContain(heading);
      }
      await page.close();
    }
  });

  it('each task-list checkbox is named after its item', async () => {
    const page = await open(SAMPLE_PAGES.handover);
    const boxes = await page.$$eval('.task-list-item > input[type="checkbox"]', (inputs) =>
      inputs.map((input) => ({ name: input.getAttribute('aria-label') ?? '', text: (input.parentElement!.textContent ?? '').replace(/\s+/g, ' ').trim() })));
    expect(boxes.length).toBeGreaterThan(3);
    for (const box of boxes) {
      expect(box.name.length).toBeGreaterThan(2);
      expect(box.text).toContain(box.name);
    }
    await page.close();
  });
});

describe('reflow (WCAG 1.4.10) and text at 200 % (WCAG 1.4.4)', () => {
  it.each(Object.entries(SAMPLE_PAGES))('%s: no horizontal scrolling at 320 px, the search box leaves the title free', async (label, path) => {
    const page = await open(path, { width: 320 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(320);
    const title = await page.locator('.navbar__inner .navbar__brand').boundingBox();
    const box = await page.locator(BOX).boundingBox();
    expect(title && box, 'title and search box are both shown').toBeTruthy();
    const overlap = title!.x < box!.x + box!.width && box!.x < title!.x + title!.width && title!.y < box!.y + box!.height && box!.y < title!.y + title!.height;
    expect(overlap, `${label}: search box ${JSON.stringify(box)} over title ${JSON.stringify(title)}`).toBe(false);
    await page.close();
  });

  it('an article with text at 200 %: nothing lost to the side', async () => {
    const page = await open(RICH_ARTICLE, { width: 1280 });
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    const size = await page.evaluate(() => getComputedStyle(document.querySelector('article p')!).fontSize);
    expect(Number.parseFloat(size)).toBeGreaterThanOrEqual(32);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.close();
  });
});
