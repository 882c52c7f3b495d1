import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { launchBrowser, openPage, startSite, type OpenedPage, type RunningSite } from './harness';

// Raw HTML in articles must never become live markup (README, "Entscheidungen").
const HOSTILE_WIKI = join(ROOT, 'test/fixtures/hostile-wiki');
const PROSE = 'fb1/anleitung-fremdes-html';
const TRICKS = 'fb1/anleitung-weitere-tricks';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  site = await startSite({ docsDir: HOSTILE_WIKI });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** What the live DOM contains that could run code or load foreign documents. */
async function liveHazards(opened: OpenedPage) {
  return opened.page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('*'));
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'];
    return {
      scriptsWithAlert: Array.from(document.scripts).filter((s) => /alert\(/.test(s.textContent ?? '')).length,
      scriptsInArticle: document.querySelectorAll('article script').length,
      frames: document.querySelectorAll('iframe, frame, object, embed').length,
      stylesInArticle: document.querySelectorAll('article style').length,
      // The hostile <svg onload> of the fixture draws a circle; the theme's icons do not.
      svgPayloads: document.querySelectorAll('.theme-doc-markdown svg circle').length,
      eventHandlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
      scriptUrls: all.flatMap((el) =>
        urlAttributes
          .map((name) => el.getAttribute(name))
          .filter((value): value is string => value !== null && /^\s*(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u001f]/g, ''))),
      ),
      tocImages: document.querySelectorAll('.table-of-contents img').length,
    };
  });
}

describe('hostile raw HTML in articles', () => {
  it('builds (the fixture wiki passes validation and the build does not fail)', () => {
    expect(readFileSync(join(site.outDir, PROSE, 'index.html'), 'utf8')).toContain('TEXT-VOR-DEN-BLOECKEN');
  });

  it('ships no hostile markup in the built HTML', () => {
    for (const path of [PROSE, TRICKS]) {
      const html = readFileSync(join(site.outDir, path, 'index.html'), 'utf8');
      const content = html.slice(html.indexOf('theme-doc-markdown'), html.indexOf('</article>'));
      expect(content, path).not.toMatch(/<script|<iframe|<object|<embed|<style|<circle|<form|<button/i);
      expect(content, path).not.toMatch(/\son[a-z]+\s*=/i);
      expect(content, path).not.toMatch(/javascript:/i);
      // The table of contents is an HTML string Docusaurus inserts as is.
      expect(html, path).not.toMatch(/onerror|alert\(5\)/i);
    }
  });

  it('fires no dialog and has no live hazard on the prose page, also after clicking link and div', async () => {
    const opened = await openPage(browser, `${site.url}${PROSE}`);
    const { page } = opened;
    expect(await liveHazards(opened)).toEqual({
      scriptsWithAlert: 0,
      scriptsInArticle: 0,
      frames: 0,
      stylesInArticle: 0,
      svgPayloads: 0,
      eventHandlers: [],
      scriptUrls: [],
      tocImages: 0,
    });
    const article = page.locator('article');
    const links = article.locator('a', { hasText: /^x$/ });
    expect(await links.count()).toBe(2);
    for (let i = 0; i < 2; i++) await links.nth(i).click();
    for (const text of ['Klickfläche als Block', 'Klickfläche im Satz']) await article.getByText(text).click();
    await page.waitForTimeout(300);
    expect(opened.dialogs).toEqual([]);
    expect(page.url()).toBe(`${site.url}${PROSE}`);
    expect(opened.foreignRequests).toEqual([]);
    await page.close();
  });

  it('keeps {1+1}, <Foo /> and the normal content as written', async () => {
    const { page } = await openPage(browser, `${site.url}${PROSE}`);
    const text = (await page.locator('.theme-doc-markdown').innerText()).replace(/\s+/g, ' ');
    expect(text.match(/\{1\+1\}/g)).toHaveLength(2);
    expect(text.match(/<Foo \/>/g)).toHaveLength(2);
    for (const marker of ['TEXT-VOR-DEN-BLOECKEN', 'TEXT-NACH-DEN-BLOECKEN', 'TEXT-IM-SATZ', 'Überschrift mit Bild']) {
      expect(text).toContain(marker);
    }
    expect(await page.locator('.theme-doc-markdown table tbody tr').count()).toBe(2);
    const boxes = page.locator('.theme-doc-markdown li.task-list-item input[type=checkbox]');
    expect(await boxes.count()).toBe(2);
    expect(await boxes.evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).checked, (e as HTMLInputElement).disabled]))).toEqual([
      [true, true],
      [false, true],
    ]);
    expect(await page.locator('.theme-doc-markdown pre code').innerText()).toContain("'<script>alert(6)</script>'");
    expect(await page.locator('.table-of-contents a').allInnerTexts()).toContain('Überschrift mit Bild');
    await page.close();
  });

  it('stays inert on the page with further tricks; safe HTML, details and footnotes still work', async () => {
    const opened = await openPage(browser, `${site.url}${TRICKS}`);
    const { page } = opened;
    const hazards = await liveHazards(opened);
    expect(hazards.eventHandlers).toEqual([]);
    expect(hazards.scriptUrls).toEqual([]);
    expect(hazards.frames + hazards.scriptsInArticle + hazards.stylesInArticle + hazards.svgPayloads).toBe(0);
    const content = page.locator('.theme-doc-markdown');
    for (const name of ['groß geschrieben', 'mit Entität', 'Markdown-Link']) await content.getByText(name).click();
    await content.getByText('Senden').click();
    await page.locator('summary', { hasText: 'Mehr anzeigen' }).click();
    await page.waitForTimeout(300);
    expect(opened.dialogs).toEqual([]);
    expect(await page.locator('body').evaluate((b) => getComputedStyle(b).display)).not.toBe('none');
    expect(await content.locator('form, button, input:not([type=checkbox])').count()).toBe(0);
    const text = (await content.innerText()).replace(/\s+/g, ' ');
    for (const expected of ['import Foo from', 'export const geheim = 1', '<Aktenzeichen>', '<Jahr>', 'DETAILS-INHALT', 'FUSSNOTE']) {
      expect(text).toContain(expected);
    }
    expect(await content.locator('kbd').count()).toBe(2);
    expect(await content.locator('sub').innerText()).toBe('2');
    expect(await content.locator('details summary').innerText()).toBe('Mehr anzeigen');
    // GFM footnotes keep working links, with German labels.
    const ref = content.locator('sup a[data-footnote-ref]');
    const target = (await ref.getAttribute('href')) ?? '';
    expect(await content.locator(`li[id="${target.slice(1)}"]`).count()).toBe(1);
    expect((await content.locator('#footnote-label').innerText()).replace(/\u200b/g, '').trim()).toBe('Fußnoten');
    expect(await content.locator('a[data-footnote-backref]').getAttribute('aria-label')).toBe('Zurück zum Verweis 1');
    expect(opened.foreignRequests).toEqual([]);
    await page.close();
  });
});
