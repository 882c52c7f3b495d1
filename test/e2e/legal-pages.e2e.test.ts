import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DGS_CAPTIONS, DGS_VIDEO, FEEDBACK_LINK_CLASS } from '../../src/core/accessibility';
import { FEEDBACK_SUBJECT } from '../../src/components/AccessibilityFeedback/mailto';
import { readWikiConfig } from '../../src/core/config';
import { ROOT } from '../helpers';
import { expectNoAxeViolations } from './axe';
import { buildOwnWiki, type OwnWikiBuild } from './own-wiki';
import { launchBrowser, openPage, SAMPLE_PAGES, serve, startSite, type RunningSite } from './harness';

/**
 * The pages BITV NRW asks for (issue 17, points 5–7): the accessibility statement linked in
 * every footer, the feedback mailto naming the page, Leichte Sprache with the start-page
 * section, and the municipality's DGS video only when its file is there.
 */

const FEEDBACK = `footer a.${FEEDBACK_LINK_CLASS}`;

/** The parts of a mailto: address, subject and body. */
function mailtoParts(href: string): { to: string; subject: string | null; body: string | null } {
  const url = new URL(href);
  expect(url.protocol).toBe('mailto:');
  const params = new URLSearchParams(url.search);
  return { to: decodeURIComponent(url.pathname), subject: params.get('subject'), body: params.get('body') };
}

const mainText = (page: Page) => page.locator('main').innerText();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the sample wiki (Auenfurt): statement, feedback, Leichte Sprache', () => {
  let site: RunningSite;
  const sample = readWikiConfig(ROOT);
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('every page type links to /barrierefreiheit and /leichte-sprache in its footer, and the link leads there', async () => {
    for (const name of ['start', 'department', 'post', 'process', 'handover', 'guide', 'coverage', 'digital', 'notFound']) {
      const { page } = await openPage(browser, site.url + SAMPLE_PAGES[name]);
      const hrefs = await page.locator('footer a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs, name).toEqual(expect.arrayContaining(['/barrierefreiheit', '/leichte-sprache']));
      expect(await page.locator(FEEDBACK).count(), name).toBe(1);
      await page.close();
    }
    const { page } = await openPage(browser, site.url + SAMPLE_PAGES.post);
    await page.locator('footer a', { hasText: 'Erklärung zur Barrierefreiheit' }).click();
    await page.waitForURL(`${site.url}barrierefreiheit`);
    // The router changes the address before it renders the new page: wait for its heading.
    await expect.poll(() => page.locator('h1').innerText(), { timeout: 10_000 }).toBe('Erklärung zur Barrierefreiheit');
    await page.close();
  });

  it('the statement shows the sample\'s status, limitations, date, contact and the NRW enforcement body – loading nothing from outside', async () => {
    const opened = await openPage(browser, `${site.url}barrierefreiheit`);
    const text = await mainText(opened.page);
    expect(text).toContain('teilweise vereinbar');
    for (const limitation of sample.accessibility!.limitations!) {
      expect(text).toContain(limitation.content);
      expect(text).toContain(limitation.reason);
    }
    expect(text).toContain('Diese Erklärung wurde am 30.11.2026 erstellt');
    expect(text).toContain('einer Selbstbewertung');
    expect(text).toContain(sample.contact!.email);
    expect(text).toContain(sample.contact!.phone!);
    expect(text).toContain('Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen');
    expect(text).toMatch(/Fürstenwall 25\s+40219 Düsseldorf/);
    expect(text).toContain('ombudsstelle-barrierefreie-it@mags.nrw.de');
    expect(text).not.toContain('Noch nicht ausgefüllt');
    // The enforcement body is text, and the page links nowhere outside the wiki.
    const external = await opened.page.locator('main a[href^="http"]').count();
    expect(external).toBe(0);
    expect(opened.foreignRequests).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    await opened.page.close();
  });

  it('„Barriere melden“ writes to the contact with the subject and the current page\'s address, also after navigating', async () => {
    const { page } = await openPage(browser, `${site.url}${SAMPLE_PAGES.post}#aufgaben`);
    const parts = mailtoParts((await page.locator(FEEDBACK).getAttribute('href'))!);
    expect(parts.to).toBe(sample.contact!.email);
    expect(parts.subject).toBe(FEEDBACK_SUBJECT);
    expect(parts.body!.split('\r\n')[0]).toBe(`Seite: ${site.url}${SAMPLE_PAGES.post}#aufgaben`);
    // A client-side navigation changes the page, and the link with it.
    await page.locator('footer a', { hasText: 'Leichte Sprache' }).click();
    await page.waitForURL(`${site.url}leichte-sprache`);
    const after = mailtoParts((await page.locator(FEEDBACK).getAttribute('href'))!);
    expect(after.body!.split('\r\n')[0]).toBe(`Seite: ${site.url}leichte-sprache`);
    await page.close();
  });

  it('without JavaScript the static HTML already names the page in the mailto', async () => {
    const html = readFileSync(join(site.outDir, SAMPLE_PAGES.process, 'index.html'), 'utf8');
    const href = /<a class="footer__link-item [^"]*" href="(mailto:[^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const parts = mailtoParts(href!.replaceAll('&amp;', '&'));
    expect(parts.to).toBe(sample.contact!.email);
    expect(parts.body).toContain(`/${SAMPLE_PAGES.process}`);
  });

  it('/leichte-sprache explains the wiki in easy language; the start page has its section; no video without the file', async () => {
    const opened = await openPage(browser, `${site.url}leichte-sprache`);
    expect(await opened.page.locator('h1').innerText()).toBe('Das Wiki in Leichter Sprache');
    const headings = await opened.page.locator('main h2').allInnerTexts();
    expect(headings).toEqual(['Was ist das Wiki?', 'Wichtige Wörter', 'So finden Sie das Wissen einer Stelle', 'So suchen Sie im Wiki', 'Wen können Sie fragen?', 'Deutsche Gebärden-Sprache']);
    expect(await opened.page.locator('main dt').allInnerTexts()).toEqual(expect.arrayContaining(['Wiki', 'Stelle', 'Prozess', 'Übergabe']));
    expect(await mainText(opened.page)).toContain(sample.contact!.email);
    expect(await opened.page.locator('video').count()).toBe(0);
    expect(await mainText(opened.page)).toContain(`static/${DGS_VIDEO}`);
    expect(opened.foreignRequests).toEqual([]);
    await opened.page.close();

    const { page } = await openPage(browser, site.url);
    const section = page.locator('section#leichte-sprache, section[aria-labelledby="leichte-sprache"]');
    expect(await section.locator('h2').innerText()).toBe('Leichte Sprache');
    expect(await section.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/leichte-sprache']);
    await page.close();
  });

  it('zero axe violations (WCAG 2.1 A/AA) on /barrierefreiheit and /leichte-sprache', async () => {
    for (const path of ['barrierefreiheit', 'leichte-sprache']) {
      const { page } = await openPage(browser, site.url + path);
      await expectNoAxeViolations(page, `/${path}`);
      await page.close();
    }
  });
});

describe('a wiki of its own with a DGS video but no accessibility settings and no contact', () => {
  const VIDEO = Buffer.from('not really a video, only its bytes\n');
  const CAPTIONS = 'WEBVTT\n\n00:00.000 --> 00:02.000\nDas Wiki erklärt in Gebärdensprache\n';
  let build: OwnWikiBuild;
  let site: RunningSite;
  beforeAll(async () => {
    build = buildOwnWiki({
      'stellenwissen.config.yaml': 'name: Gemeinde Gebärdenfeld\n',
      [`static/${DGS_VIDEO}`]: VIDEO,
      [`static/${DGS_CAPTIONS}`]: CAPTIONS,
    });
    site = await serve(build.outDir, '/');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('the build warns (and succeeds) that the statement is incomplete', () => {
    for (const key of ['accessibility.status', 'accessibility.statement_date', 'contact.email']) {
      expect(build.output).toContain(`[stellenwissen] stellenwissen.config.yaml: Erklärung zur Barrierefreiheit (/barrierefreiheit) unvollständig – Noch nicht ausgefüllt: `);
      expect(build.output).toContain(`unter ${key} eintragen.`);
    }
  });

  it('/leichte-sprache plays the local video with its captions; the start page links to it', async () => {
    const opened = await openPage(browser, `${site.url}leichte-sprache`);
    const video = opened.page.locator('video[controls]');
    expect(await video.count()).toBe(1);
    expect(await video.locator('source').getAttribute('src')).toBe(`/${DGS_VIDEO}`);
    expect(await video.locator('track[kind="captions"]').getAttribute('src')).toBe(`/${DGS_CAPTIONS}`);
    expect(Buffer.from(await (await opened.page.request.get(`${site.url}${DGS_VIDEO}`)).body())).toEqual(VIDEO);
    expect(opened.foreignRequests).toEqual([]);
    await expectNoAxeViolations(opened.page, '/leichte-sprache mit Video');
    await opened.page.close();

    const { page } = await openPage(browser, site.url);
    expect(await page.locator('section[aria-labelledby="leichte-sprache"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/leichte-sprache', '/leichte-sprache#gebaerdensprache']);
    await page.close();
  });

  it('the statement names what is missing and whom to ask; no feedback link without a contact', async () => {
    const opened = await openPage(browser, `${site.url}barrierefreiheit`);
    const text = await mainText(opened.page);
    expect(text).toContain('Noch nicht ausgefüllt: Stand der Vereinbarkeit – in stellenwissen.config.yaml unter accessibility.status eintragen.');
    expect(text).toContain('Noch nicht ausgefüllt: Kontakt (E-Mail-Adresse) – in stellenwissen.config.yaml unter contact.email eintragen.');
    expect(text).toContain('Für dieses Wiki ist noch keine Kontaktadresse eingetragen.');
    expect(text).toContain('Gemeinde Gebärdenfeld');
    expect(text).toContain('Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen');
    expect(await opened.page.locator('a[href^="mailto:"]').count()).toBe(0);
    expect(await opened.page.locator('footer a', { hasText: 'Barriere melden' }).count()).toBe(0);
    await expectNoAxeViolations(opened.page, '/barrierefreiheit unvollständig');
    await opened.page.close();
  });
});
