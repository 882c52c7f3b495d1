import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_TEXT_AREA } from '../../src/bench/editor-preview';
import { contrastRatio, MIN_CONTRAST } from '../../src/core/colours';
import { PALETTE_USES, recoloured } from '../../src/editing/client/accessibility-style';
import { expectNoAxeViolations } from './axe';
import { openEditor, previewFrame, publish, startBuiltAdmin, startEditorSite, type EditorSite } from './editor-harness';
import { launchBrowser, watchedPage } from './harness';

// WCAG 2.1 AA (BITV NRW) for the browser editor /admin/: axe-core finds nothing on each of its
// pages – login (local and GitLab), the lists, the forms (Markdown), an open
// picker, the preview with its findings, the notification after saving, the explanation page
// of backend `local` – and the main actions work by keyboard with a visible focus.

const ARTICLE_TYPES = ['department', 'post', 'process', 'handover', 'guide'] as const;
const POST = '/collections/post/entries/fb10-zentrale-dienste/stelle-10-001';
const PROCESS = '/collections/process/entries/fb10-zentrale-dienste/ausscheiden-bearbeiten';

let browser: Browser;
let site: EditorSite;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startEditorSite()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A fresh page that blocks (and records) every request leaving the machine. */
const newPage = () => watchedPage(browser);

/** Opens an entry form and waits until its fields and its preview are there. */
async function openEntry(page: Page, route: string): Promise<void> {
  await openEditor(page, site, route);
  await page.locator(BODY_TEXT_AREA).waitFor();
  await (await previewFrame(page)).locator('.stellenwissen-findings').waitFor();
}

/** Waits until the page's transitions have ended (Decap fades a field label's colour in). */
async function settled(page: Page | Frame): Promise<void> {
  // A transition cut short by the next one rejects `finished`: that one is waited for, too.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
}

/** axe on the page (or frame) once its transitions have ended. */
async function check(page: Page | Frame, label: string): Promise<void> {
  await settled(page);
  await expectNoAxeViolations(page, label);
}

describe('the colours of the editor page', () => {
  it('each of Decap\'s failing colours becomes one that reaches 4.5 : 1 wherever Decap uses it', () => {
    for (const { colour, on } of PALETTE_USES) {
      expect(contrastRatio(colour, on), `Decap: ${colour} auf ${on}`).toBeLessThan(MIN_CONTRAST);
      expect(contrastRatio(recoloured(colour), recoloured(on)), `${recoloured(colour)} auf ${recoloured(on)}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });
});

describe('the editor /admin/ meets WCAG 2.1 AA (axe)', () => {
  it('the local backend has no login page to check: it opens signed in, at the list', async () => {
    const { page, foreign } = await newPage();
    await page.goto(site.adminUrl);
    await page.locator('a[href*="/collections/"]').first().waitFor();
    await expect(page.getByRole('button', { name: 'Anmelden' }).count()).resolves.toBe(0);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('the login page of the GitLab backend, without asking the Git server', async () => {
    const admin = await startBuiltAdmin();
    try {
      const { page, foreign } = await newPage();
      await page.goto(admin.adminUrl);
      await page.getByRole('button', { name: /GitLab/ }).waitFor();
      await check(page, 'Anmeldung (GitLab)');
      expect(foreign).toEqual([]);
      await page.close();
    } finally {
      await admin.close();
    }
  });

  it('the German explanation page of backend local', async () => {
    const admin = await startBuiltAdmin({ backend: 'local' });
    try {
      const { page } = await newPage();
      await page.goto(admin.adminUrl);
      await page.getByRole('heading', { name: 'Artikel im Browser bearbeiten' }).waitFor();
      await check(page, 'Erklärseite (local)');
      await page.close();
    } finally {
      await admin.close();
    }
  });

  it('the list of each article type', async () => {
    const { page } = await newPage();
    await openEditor(page, site);
    for (const type of ARTICLE_TYPES) {
      await page.goto(`${site.adminUrl}#/collections/${type}`);
      await page.locator(`a[href^="#/collections/${type}/entries/"]`).first().waitFor();
      await check(page, `Liste ${type}`);
    }
    await page.getByText('Sortieren nach', { exact: true }).click();
    await page.getByRole('menuitem').first().waitFor();
    await check(page, 'Menü „Sortieren nach“');
    await page.keyboard.press('Escape');
    // Names Decap's German texts lack are German, too (axe does not test the language).
    await expect(page.getByLabel('Als Liste anzeigen').count()).resolves.toBe(1);
    await expect(page.getByLabel('Als Kacheln anzeigen').count()).resolves.toBe(1);
    await page.close();
  });

  it('the grid view, the search results and the media library', async () => {
    const { page } = await newPage();
    await openEditor(page, site, '/collections/process');
    await page.getByLabel('Als Kacheln anzeigen').click();
    await page.locator('a[href^="#/collections/process/entries/"]').first().waitFor();
    await check(page, 'Kachelansicht');
    await page.getByRole('button', { name: 'Medien' }).click();
    await page.getByRole('dialog').or(page.locator('[class*="-StyledModal"]')).first().waitFor();
    await check(page, 'Medien');
    await page.close();
    const search = await newPage();
    await openEditor(search.page, site, '/search/Gewerbe');
    await search.page.locator('a[href*="/entries/"]').first().waitFor();
    await check(search.page, 'Suche');
    await search.page.close();
  });

  it('the form of an existing post and of an existing process', async () => {
    for (const [route, label] of [[POST, 'Formular Stelle'], [PROCESS, 'Formular Prozess']] as const) {
      const { page } = await newPage();
      await openEntry(page, route);
      await check(page, label);
      // List entries: named buttons; the drag handle (mouse only) says so and is no tab stop.
      const handles = page.getByRole('button', { name: 'Eintrag verschieben (mit der Maus ziehen)' });
      await expect(handles.count()).resolves.toBeGreaterThan(0);
      await expect(handles.first().getAttribute('tabindex')).resolves.toBe('-1');
      await expect(page.getByRole('button', { name: 'Eintrag entfernen' }).count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('[id^="DndDescribedBy-"]').first().textContent()).resolves.toMatch(/^Mit der Maus/);
      await page.close();
    }
  });

  it('the form of a new process, and its preview with findings (axe inside the frame)', async () => {
    const { page } = await newPage();
    await openEntry(page, '/collections/process/new');
    await check(page, 'Neuer Prozess');
    const frame = await previewFrame(page);
    await frame.locator('.stellenwissen-finding').first().waitFor();
    await check(frame, 'Vorschau mit Hinweisen');
    // Saving the empty form: each required field shows its error (Decap's red).
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await page.getByText('Jetzt veröffentlichen', { exact: true }).click();
    await page.getByText(/ist ein Pflichtfeld|erforderlich/).first().waitFor();
    await check(page, 'Neuer Prozess mit Fehlern');
    await page.close();
  });

  it('an open picker: a select (department) and a relation (post)', async () => {
    const { page } = await newPage();
    await openEntry(page, '/collections/process/new');
    for (const label of ['Fachbereich', 'Verantwortliche Stelle']) {
      await page.getByLabel(label, { exact: true }).click();
      await page.locator('[class*="-menu"] [class*="-option"]').first().waitFor();
      await check(page, `Auswahl offen: ${label}`);
      await page.keyboard.press('Escape');
    }
    await page.close();
  });

  it('the notification after saving', async () => {
    const { page } = await newPage();
    await openEntry(page, PROCESS);
    await page.getByLabel('Kurzbeschreibung (optional)').fill('Geprüft auf Barrierefreiheit.');
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Jetzt veröffentlichen' }).waitFor();
    await check(page, 'Menü „Veröffentlichen“');
    await page.keyboard.press('Escape');
    await publish(page);
    await check(page, 'Meldung nach dem Speichern');
    await page.close();
  });
});

/**
 * What has the focus: its name and link, and whether the focus shows – the element's outline or
 * shadow while focused differs from the one without focus (measured by blurring it for a moment).
 */
async function focused(page: Page): Promise<{ name: string; href: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: '', href: '', visible: false };
    const indicator = () => {
      const style = getComputedStyle(element);
      const outline = style.outlineStyle === 'none' || Number.parseFloat(style.outlineWidth) === 0 ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      return `${outline} | ${style.boxShadow} | ${style.backgroundColor} | ${style.borderColor}`;
    };
    const withFocus = indicator();
    element.blur();
    const without = indicator();
    element.focus();
    return {
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: element.getAttribute('href') ?? '',
      visible: withFocus !== without,
    };
  });
}

/** Presses `key` (Tab or Shift+Tab) until the focused element matches; fails after `limit` presses. */
async function tabTo(page: Page, key: string, matches: (f: { name: string; href: string }) => boolean, limit = 80): Promise<{ name: string; visible: boolean }> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (matches(now)) return now;
  }
  throw new Error(`Mit ${key} nicht erreicht (${limit}-mal gedrückt)`);
}

describe('the editor by keyboard', () => {
  it('Tab reaches a collection, an entry and saving, each with a visible focus', async () => {
    const { page } = await newPage();
    await openEditor(page, site, '/collections/department');
    await page.locator('a[href^="#/collections/department/entries/"]').first().waitFor();
    const collection = await tabTo(page, 'Tab', (f) => f.href === '#/collections/process');
    expect(collection).toMatchObject({ name: 'Prozesse', visible: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/collections\/process$/);
    const entry = await tabTo(page, 'Tab', (f) => f.href.startsWith('#/collections/process/entries/'));
    expect(entry.visible).toBe(true);
    await page.keyboard.press('Enter');
    const description = page.getByLabel('Kurzbeschreibung (optional)');
    await description.waitFor();
    await description.focus();
    await page.keyboard.insertText(' Per Tastatur gespeichert.');
    const save = await tabTo(page, 'Shift+Tab', (f) => f.name === 'Veröffentlichen');
    expect(save.visible).toBe(true);
    await page.keyboard.press('Enter');
    // The menu opens with the focus on its first item.
    await page.getByRole('menuitem', { name: 'Jetzt veröffentlichen' }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ name: 'Jetzt veröffentlichen', visible: true });
    await page.keyboard.press('Enter');
    await page.getByText('Beitrag gespeichert').first().waitFor();
    await page.close();
  });
});

