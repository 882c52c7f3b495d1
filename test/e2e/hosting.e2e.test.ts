import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINI_WIKI, ROOT } from '../helpers';
import { launchBrowser, openPage, SAMPLE_PAGES, startSite, type RunningSite } from './harness';

// Hosting on the intranet: nothing from other hosts, German UI, EDIT_URL and BASE_URL.

const SITE_URL = 'http://localhost'; // the default SITE_URL of docusaurus.config.ts
const EDIT_URL = 'https://git.example.invalid/wiki/-/edit/main/';

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

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** English texts of the Docusaurus theme that have a German translation in this site. */
function englishUiTexts(): RegExp[] {
  const dir = join(ROOT, 'node_modules/@docusaurus/theme-translations/locales');
  const english = JSON.parse(readFileSync(join(dir, 'base/theme-common.json'), 'utf8')) as Record<string, string>;
  const german = JSON.parse(readFileSync(join(dir, 'de/theme-common.json'), 'utf8')) as Record<string, string>;
  const ours = JSON.parse(readFileSync(join(ROOT, 'i18n/de/code.json'), 'utf8')) as Record<string, { message: string }>;
  return Object.entries(english)
    .filter(([key, text]) => !key.endsWith('___DESCRIPTION') && (ours[key]?.message ?? german[key]) !== text && /[a-z]{3}/.test(text))
    .map(([, text]) => new RegExp(`^${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.*')}$`));
}

describe('the sample wiki on the intranet', () => {
  const english = englishUiTexts();

  it('knows the English theme texts to look out for', () => {
    expect(english.length).toBeGreaterThan(20);
  });

  // Each page is opened once for both checks: hosting and language.
  it.each(Object.entries(SAMPLE_PAGES))('%s page: requests only 127.0.0.1, runs cleanly, speaks German', async (type, path) => {
    const opened = await openPage(browser, sample.url + path);
    const { page } = opened;
    expect(opened.requests.length).toBeGreaterThan(3);
    expect(opened.foreignRequests).toEqual([]);
    expect(opened.dialogs).toEqual([]);
    // The 404 page is itself a 404 response, which Chromium reports on the console.
    const errors = type === 'notFound' ? opened.consoleErrors.filter((e) => !/status of 404/.test(e)) : opened.consoleErrors;
    expect(errors).toEqual([]);

    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    const labels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')).flatMap((el) =>
        ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name)).filter((v): v is string => v !== null),
      ),
    );
    expect(labels.length).toBeGreaterThan(3);
    const chrome = await page.locator('nav.navbar, footer.theme-layout-footer, .pagination-nav, .theme-doc-breadcrumbs, .theme-doc-toc-desktop').allInnerTexts();
    const englishTexts = [...labels, ...chrome.flatMap((t) => t.split('\n'))].filter((text) => english.some((re) => re.test(text.trim())));
    expect(englishTexts).toEqual([]);
    expect(await page.getByRole('link', { name: 'Zum Hauptinhalt springen' }).count()).toBe(1);
    expect(await page.locator('footer.theme-layout-footer').innerText()).toContain('Nur für den Dienstgebrauch im Intranet');
    expect(await page.getByText('Diese Seite bearbeiten').count(), 'EDIT_URL is unset').toBe(0);
    if (type === 'notFound') {
      expect(await page.locator('main h1').innerText()).toBe('Seite nicht gefunden');
      expect(await page.locator('main').innerText()).toContain('Wir konnten nicht finden, wonach Sie gesucht haben.');
    }
    if (type === 'process') {
      const pagination = await page.locator('.pagination-nav').innerText();
      expect(pagination).toMatch(/Zurück/);
      expect(pagination).toMatch(/Weiter/);
    }
    await page.close();
  });

  it('references no other host in src/href of scripts, styles, images or frames of the build', () => {
    const files = allFiles(sample.outDir);
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(80);
    const offending: string[] = [];
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      for (const tag of html.matchAll(/<(script|link|img|iframe|frame|source|audio|video|track|embed|object|input|image|use)\b[^>]*>/gi)) {
        for (const attribute of tag[0].matchAll(/\s(src|href|srcset|data|poster|xlink:href)=("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
          const value = attribute[2].replace(/^["']|["']$/g, '');
          for (const url of attribute[1].toLowerCase() === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0]) : [value]) {
            const external = /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
            if (external && !url.startsWith(`${SITE_URL}/`) && !/^data:/i.test(url)) offending.push(`${relative(sample.outDir, file)}: ${tag[0].slice(0, 120)}`);
          }
        }
      }
    }
    for (const file of files.filter((f) => f.endsWith('.css'))) {
      const css = readFileSync(file, 'utf8');
      for (const match of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)|url\(\s*["']?([^"')\s]+)/gi)) {
        const url = match[1] ?? match[2];
        if (/^(https?:)?\/\//i.test(url)) offending.push(`${relative(sample.outDir, file)}: ${url}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('renders the Mermaid flowchart of a process page locally', async () => {
    const opened = await openPage(browser, `${sample.url}${SAMPLE_PAGES.process}`);
    const diagram = opened.page.locator('.docusaurus-mermaid-container svg');
    await diagram.waitFor({ timeout: 30_000 });
    expect(await diagram.locator('g.node').count()).toBe(11);
    expect(await diagram.textContent()).toContain('Terminanfrage der Eheschließenden');
    expect(opened.foreignRequests).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    await opened.page.close();
  });
});

// One build of the mini wiki serves both checks: a sub-path and the edit link.
describe('the mini wiki under BASE_URL=/wiki/ with EDIT_URL', () => {
  let site: RunningSite;
  let origin: string;

  beforeAll(async () => {
    site = await startSite({ docsDir: MINI_WIKI, basePath: '/wiki/', env: { EDIT_URL } });
    origin = new URL(site.url).origin;
  });

  afterAll(() => site?.close());

  async function status(url: string): Promise<number> {
    return (await fetch(url, { redirect: 'manual' })).status;
  }

  it('is served only under /wiki/', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wiki\/$/);
    expect(await status(site.url)).toBe(200);
    expect(await status(`${site.url}fb1/stelle-1-001`)).toBe(200);
    expect(await status(`${origin}/fb1/stelle-1-001`)).toBe(404);
    expect(await status(`${origin}/`)).toBe(404);
  });

  it.each([
    ['start', ''],
    ['post', 'fb1/stelle-1-001'],
  ])('%s page: every asset and link resolves under /wiki/', async (_type, path) => {
    const opened = await openPage(browser, site.url + path);
    expect(opened.foreignRequests).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    const sameOrigin = opened.requests.filter((url) => url.startsWith(origin));
    expect(sameOrigin.length).toBeGreaterThan(3);
    const links = await opened.page.evaluate(() => Array.from(document.querySelectorAll('a[href]')).map((a) => (a as HTMLAnchorElement).href));
    const local = [...new Set([...sameOrigin, ...links.filter((url) => url.startsWith(origin))].map((url) => url.split('#')[0]))];
    expect(local.length).toBeGreaterThan(5);
    const broken: string[] = [];
    for (const url of local) {
      if (!url.startsWith(site.url)) broken.push(`outside /wiki/: ${url}`);
      else if ((await status(url)) !== 200) broken.push(`${await status(url)}: ${url}`);
    }
    expect(broken).toEqual([]);
    await opened.page.close();
  });

  it('navigates through a sidebar link', async () => {
    const opened = await openPage(browser, `${site.url}fb1/stelle-1-001`);
    const { page } = opened;
    const link = page.locator('.theme-doc-sidebar-menu a.menu__link', { hasText: 'Antrag bearbeiten' });
    if (!(await link.isVisible())) await page.locator('.theme-doc-sidebar-menu a.menu__link', { hasText: 'Prozesse' }).click();
    await link.click();
    await page.waitForURL(`${site.url}fb1/antrag-bearbeiten`);
    await expect.poll(() => page.locator('article h1').innerText()).toBe('Antrag bearbeiten');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('article h1').innerText()).toBe('Antrag bearbeiten');
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.foreignRequests).toEqual([]);
    await page.close();
  });

  it('shows "Diese Seite bearbeiten" pointing to the Git server', async () => {
    const opened = await openPage(browser, `${site.url}fb1/stelle-1-001`);
    const edit = opened.page.getByRole('link', { name: 'Diese Seite bearbeiten' });
    expect(await edit.count()).toBe(1);
    const href = (await edit.getAttribute('href')) ?? '';
    expect(href.startsWith(EDIT_URL)).toBe(true);
    expect(href).toMatch(/\/fb1\/stelle-1-001\.md$/);
    await opened.page.close();
  });
});
