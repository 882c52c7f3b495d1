import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINI_WIKI } from '../helpers';
import { launchBrowser, openPage, startSite, type OpenedPage, type RunningSite } from './harness';

// The search box on the built site: German queries typed into the navbar, results with their
// department, the index fetched from the site itself, and the keyboard.

const FB32 = 'Fachbereich 32 – Bürgerdienste und Ordnung';
const BOX = 'input[aria-label="Wiki durchsuchen"]';

let browser: Browser;
let sample: RunningSite;

beforeAll(async () => {
  browser = await launchBrowser();
  sample = await startSite();
});

afterAll(async () => {
  await browser?.close();
  await sample?.close();
});

/** Milliseconds from the last keystroke until `title` is listed as a result for the complete query. */
async function typeAndTime(page: Page, query: string, title: string, options: { paste?: boolean } = {}): Promise<number> {
  if (!options.paste) await page.fill(BOX, '');
  await page.evaluate(({ box, query, title }) => {
    const input = document.querySelector<HTMLInputElement>(box)!;
    const list = document.getElementById(input.getAttribute('aria-controls')!)!;
    const w = window as unknown as { searchTiming: Promise<number> };
    w.searchTiming = new Promise<number>((resolve) => {
      let lastKey = 0;
      const check = () => {
        if (!lastKey || input.value !== query) return;
        const options = Array.from(list.querySelectorAll('[role="option"]'));
        if (options.some((o) => o.textContent?.includes(title))) {
          observer.disconnect();
          resolve(performance.now() - lastKey);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(list, { childList: true, subtree: true, characterData: true });
      // Runs before React's handler (which listens at the root); the timeout after its render.
      input.addEventListener('input', () => {
        lastKey = performance.now();
        setTimeout(check, 0);
      });
    });
  }, { box: BOX, query, title });
  // `paste`: the whole query arrives as one input event, on a page that has not touched the search yet.
  if (options.paste) await page.fill(BOX, query);
  else await page.locator(BOX).pressSequentially(query, { delay: 15 });
  return page.evaluate(() => (window as unknown as { searchTiming: Promise<number> }).searchTiming);
}

describe('search on the sample wiki', () => {
  let opened: OpenedPage;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    opened = await openPage(browser, sample.url);
  });

  afterAll(async () => {
    await opened?.page.close();
    console.log(`[search] Zeit vom letzten Tastendruck bis zum Treffer (ms): ${JSON.stringify(timings)}`);
  });

  it.each([
    ['Eheschließungen', 'Eheschließung anmelden', FB32],
    ['Gewerbeanmeldungen', 'Gewerbeanmeldung bearbeiten', FB32],
    ['Anmeldung', 'Gewerbeanmeldung bearbeiten', FB32],
    ['Erlaubnis', 'Gaststättenerlaubnis erteilen', FB32],
    ['verwaltung', 'Fachbereich 10 – Zentrale Dienste', 'Fachbereich 10 – Zentrale Dienste'], // „Stadtverwaltung“
    ['AutiSta', 'Leitung Standesamt (Standesbeamtin/Standesbeamter)', FB32],
    ['99123006001000', 'Eheschließung anmelden', FB32],
  ])('%s finds „%s“ (%s)', async (query, title, department) => {
    const { page } = opened;
    timings[query] = Math.round(await typeAndTime(page, query, title));
    const option = page.locator('[role="option"]', { hasText: title }).first();
    await expect(option.textContent()).resolves.toContain(department);
    // The option is the link itself (no link nested in an option: axe nested-interactive).
    expect(await option.getAttribute('href')).toMatch(/^\/fb\d+-/);
  });

  it('answers the very first query of a fresh page (search code and index not loaded yet)', async () => {
    const fresh = await openPage(browser, `${sample.url}fb10-zentrale-dienste/`);
    expect(fresh.requests.filter((r) => r.includes('/suchindex/'))).toEqual([]); // nothing before the search is used
    timings['erste Suche (kalt)'] = Math.round(await typeAndTime(fresh.page, 'Eheschließungen', 'Eheschließung anmelden', { paste: true }));
    expect(fresh.foreignRequests).toEqual([]);
    await fresh.page.close();
  });

  it('says so when nothing matches', async () => {
    const { page } = opened;
    await page.fill(BOX, 'Xylophonkonzert');
    await expect(page.getByRole('status').textContent()).resolves.toBe('Keine Treffer für „Xylophonkonzert“');
    expect(await page.locator('[role="option"]').count()).toBe(0);
  });

  it('fetched the index only from the site itself, in pieces, without errors', () => {
    expect(opened.foreignRequests).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    const index = opened.requests.filter((r) => r.includes('/suchindex/'));
    expect(index[0]).toBe(`${sample.url}suchindex/manifest.json`);
    expect(index.length).toBeGreaterThan(2);
    expect(new Set(index).size).toBe(index.length); // each file once per visit
  });
});

describe('search with the keyboard', () => {
  it('Strg+K focuses the box, arrows choose, Enter opens, Esc closes', async () => {
    const { page, foreignRequests } = await openPage(browser, `${sample.url}fb20-finanzen/`);
    // The shortcut listener is registered when React has hydrated, which can come after
    // "networkidle" on a loaded machine: press again until the box has the focus.
    await expect.poll(async () => {
      await page.keyboard.press('Control+k');
      return page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    }, { timeout: 10_000 }).toBe('Wiki durchsuchen');
    await page.keyboard.type('Gewerbeanmeldungen');
    await page.getByRole('option', { name: /Gewerbeanmeldung bearbeiten/ }).waitFor();
    const box = page.locator(BOX);
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('ArrowDown');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    const first = page.getByRole('option').first();
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(await first.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${sample.url}fb32-ordnung/gewerbeanmeldung-bearbeiten`);
    await page.locator('article h1', { hasText: 'Gewerbeanmeldung bearbeiten' }).waitFor();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('search under a sub-path (BASE_URL=/wiki/)', () => {
  let site: RunningSite;

  beforeAll(async () => {
    // The same build as hosting.e2e.test.ts uses, so the run builds it only once.
    site = await startSite({ docsDir: MINI_WIKI, basePath: '/wiki/', env: { EDIT_URL: 'https://git.example.invalid/wiki/-/edit/main/' } });
  });

  afterAll(async () => {
    await site?.close();
  });

  it('loads the index from /wiki/suchindex/ and links results under /wiki/', async () => {
    const { page, requests, foreignRequests, consoleErrors } = await openPage(browser, site.url);
    expect(site.url.endsWith('/wiki/')).toBe(true);
    // A fresh page: the time includes loading the search code and the index.
    const ms = await typeAndTime(page, 'Anträge', 'Antrag bearbeiten');
    console.log(`[search] /wiki/, erste Suche auf frischer Seite: ${Math.round(ms)} ms`);
    const option = page.getByRole('option', { name: /Antrag bearbeiten/ });
    await expect(option.textContent()).resolves.toContain('Fachbereich 1 – Beispielamt');
    expect(await option.getAttribute('href')).toBe('/wiki/fb1/antrag-bearbeiten');
    expect(requests.filter((r) => r.includes('suchindex')).every((r) => r.startsWith(`${site.url}suchindex/`))).toBe(true);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
