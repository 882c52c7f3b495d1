import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainJsSize } from '../../src/bench/main-js-size';
import { launchBrowser, openPage, startSite, type RunningSite } from './harness';
import { ROOT } from '../helpers';

// Metadata cards, the two dashboards and printing, on the built sample wiki (docs/).

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

async function open(path: string) {
  const opened = await openPage(browser, `${site.url}${path}`);
  return opened;
}

describe('metadata cards', () => {
  it('post: linked deputies with titles, owned and performed processes, systems, criticality, coverage with what is missing', async () => {
    const { page, foreignRequests } = await open('fb32-ordnung/stelle-32-002');
    const card = page.locator('aside.metadata-card--post');
    await expect.poll(() => card.count()).toBe(1);
    const text = await card.innerText();
    expect(text).toContain('Vertretung');
    expect(await card.locator('a', { hasText: 'Sachbearbeitung Standesamt' }).getAttribute('href')).toBe('/fb32-ordnung/stelle-32-003');
    expect(await card.locator('a', { hasText: 'Eheschließung anmelden' }).getAttribute('href')).toBe('/fb32-ordnung/eheschliessung-anmelden');
    expect(text).toContain('Geburt beurkunden'); // performs
    expect(text).toContain('AutiSta');
    expect(text).toMatch(/Kritikalität\s+hoch/);
    expect(text).toMatch(/80 %/);
    expect(text).toContain('Prozess Eheschließung anmelden kann nur von dieser Stelle ausgeführt werden');
    expect(text).not.toMatch(/Austritt|Übergabeprotokoll fehlt/); // no register, nothing about departures
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('post: an overdue review is visible as "Überprüfung fällig"', async () => {
    const { page } = await open('fb20-finanzen/stelle-20-005');
    const text = await page.locator('aside.metadata-card--post').innerText();
    expect(text).toContain('Überprüfung fällig');
    expect(text).toContain('Keine Vertretung benannt');
    await page.close();
  });

  it('process: owner and performers linked, frequency, LeiKa key, legal basis, systems, digital status and bundle', async () => {
    const { page } = await open('fb32-ordnung/gewerbeanmeldung-bearbeiten');
    const card = page.locator('aside.metadata-card--process');
    const text = await card.innerText();
    expect(await card.locator('a').count()).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/Häufigkeit\s+täglich/);
    expect(text).toMatch(/LeiKa-Schlüssel\s+\d{14}/);
    expect(text).toContain('GewO');
    expect(text).toMatch(/Digitalbündel \d{4}-H[12]/);
    await page.close();
  });

  it('handover: the post, status, due date and checklist progress', async () => {
    const { page } = await open('fb32-ordnung/uebergabe-stelle-32-002');
    const card = page.locator('aside.metadata-card--handover');
    const text = await card.innerText();
    expect(text).toMatch(/Stand\s+läuft/);
    expect(text).toMatch(/Fällig am\s+31\.01\.2027/);
    expect(text).toContain('4 von 10 erledigt (40 %)');
    expect(await card.locator('progress').getAttribute('value')).toBe('4');
    expect(await card.locator('a').first().getAttribute('href')).toBe('/fb32-ordnung/stelle-32-002');
    await page.close();
  });

  it('department: a table of its posts with coverage and of its processes', async () => {
    const { page } = await open('fb32-ordnung/');
    const card = page.locator('aside.metadata-card--department');
    expect(await card.locator('table').first().locator('tbody tr').count()).toBe(8);
    expect(await card.innerText()).toContain('Gaststättenerlaubnis erteilen');
    // Its part of the digitalisation plan (docs/fb32-ordnung/index.md: capacity 15, DigiCheck 02.06.2025).
    expect(await card.innerText()).toMatch(/Kapazität für Digitalisierung \(Personentage je Halbjahr\)\s+15/);
    expect(await card.innerText()).toContain('02.06.2025 (fällig am 02.06.2027)');
    await page.close();
  });
});

describe('each page carries only its own card', () => {
  it('the card is in the static HTML: complete with JavaScript switched off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}fb32-ordnung/stelle-32-002`);
    const card = page.locator('aside.metadata-card--post');
    expect(await card.count()).toBe(1);
    expect(await card.locator('a', { hasText: 'Sachbearbeitung Standesamt' }).getAttribute('href')).toBe('/fb32-ordnung/stelle-32-003');
    expect(await card.innerText()).toContain('Prozess Eheschließung anmelden kann nur von dieser Stelle ausgeführt werden');
    await context.close();
  });

  it('the main bundle every page loads has the routes but no card data', () => {
    const main = readFileSync(join(site.outDir, mainJsSize(site.outDir).file), 'utf8');
    // ASCII on purpose: the bundler writes ä, ß … as \xe4, \xdf in JavaScript strings.
    expect(main).toContain('/fb32-ordnung/stelle-32-002'); // the route table is there …
    expect(main).not.toContain('AutiSta'); // … the system on the cards of stelle-32-002 and its processes is not,
    expect(main).not.toContain('99123006001000'); // nor the LeiKa key on the card of eheschliessung-anmelden
  });
});

describe('/wissenssicherung', () => {
  it('lists departments and posts, filters by department, criticality and coverage, sorts, and lists overdue reviews', async () => {
    const { page, foreignRequests } = await open('wissenssicherung');
    const rows = page.locator('#stellen tbody tr');
    expect(await rows.count()).toBe(33);
    expect(await page.locator('h2', { hasText: 'Fachbereiche' }).count()).toBe(1);

    await page.selectOption('select[name=fachbereich]', 'fb32-ordnung');
    await expect.poll(() => rows.count()).toBe(8);
    await page.selectOption('select[name=kritikalitaet]', 'high');
    const high = await rows.count();
    expect(high).toBeGreaterThan(0);
    expect(high).toBeLessThan(8);
    await page.selectOption('select[name=kritikalitaet]', '');
    await page.fill('input[name=abdeckung-unter]', '100');
    await expect.poll(() => rows.count()).toBe(4);
    await page.fill('input[name=abdeckung-unter]', '');
    await page.selectOption('select[name=fachbereich]', '');
    await expect.poll(() => rows.count()).toBe(33);

    // Default: lowest coverage first; one click on the header turns it round.
    const first = () => rows.first().getAttribute('data-post');
    expect(await first()).toBe('stelle-32-008');
    await page.click('#stellen th button:has-text("Abdeckung")');
    await expect.poll(first).not.toBe('stelle-32-008');

    const overdue = await page.locator('#ueberfaellig').innerText();
    expect(overdue).toContain('Sachbearbeitung Grund- und Gewerbesteuer');
    expect(await page.locator('body').innerText()).not.toMatch(/Austrittsdatum|Stelleninhaber/);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('/digitalisierung', () => {
  it('shows every half-year bundle 2025-H1 … 2034-H2 by department and the progress per department', async () => {
    const { page } = await open('digitalisierung');
    const bundles = await page.locator('#buendel tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-bundle')));
    expect(bundles[0]).toBe('2025-H1');
    expect(bundles).toContain('2030-H2');
    expect(bundles.at(-1)).toBe('2034-H2');
    expect(await page.locator('#fortschritt tbody tr').count()).toBe(6);
    expect(await page.locator('#buendel').innerText()).toContain('Eheschließung anmelden');
    expect(await page.locator('#fortschritt').innerText()).toMatch(/\d+ %/);
    await page.close();
  });

  it('shows the same numbers as npm run plan on the build date: summary, departments, the overloaded bundle, the burn-up', async () => {
    const { page } = await open('digitalisierung');
    const intro = await page.locator('main p').first().innerText();
    const [, day, month, year] = /Stand am (\d{2})\.(\d{2})\.(\d{4})/.exec(intro)!;
    const run = spawnSync(process.execPath, ['scripts/run.cjs', 'plan', '--today', `${year}-${month}-${day}`, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const plan = JSON.parse(run.stdout) as { summary: { processes: number; done: number; share: number; effort: number; overloaded_bundles: number; problems: { overdue: number } }; departments: Array<{ id: string; share: number; capacity: number | null }>; bundles: Array<{ bundle: string; departments: Array<{ department: string; effort: number; capacity: number | null; overloaded: boolean }> }> };
    const s = plan.summary;
    expect(intro).toContain(`${s.done} von ${s.processes} Prozessen digital oder online (${s.share} %), ${s.effort} Personentage Aufwand offen, ${s.problems.overdue} überfällig, ${s.overloaded_bundles} Digitalbündel überlastet`);
    const rows = await page.locator('#fortschritt tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td as HTMLElement).innerText.trim())));
    expect(rows.map((r) => r[4])).toEqual(plan.departments.map((d) => String(d.capacity ?? '–')));
    expect(rows.map((r) => r[3])).toEqual(plan.departments.map((d) => expect.stringContaining(`${d.share} %`)));
    // The sample's one overloaded bundle: marked in its cell, with effort and capacity.
    const over = plan.bundles.flatMap((b) => b.departments.filter((d) => d.overloaded).map((d) => ({ bundle: b.bundle, ...d })));
    expect(over.length).toBeGreaterThan(0);
    const cells = page.locator('#buendel td[data-overloaded="true"]');
    expect(await cells.count()).toBe(over.length);
    expect(await cells.first().innerText()).toContain(`überlastet: ${over[0]!.effort} von ${over[0]!.capacity} Personentagen`);
    const label = await page.locator('svg[role="img"][aria-label^="Burn-up"]').getAttribute('aria-label');
    expect(label).toContain(`heute sind es ${s.share} %`);
    await page.close();
  });
});

describe('printing a handover', () => {
  it('hides navigation and shows the checklist and signature lines for both posts', async () => {
    const { page } = await open('fb32-ordnung/uebergabe-stelle-32-002');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.navbar').isVisible()).toBe(false);
    expect(await page.locator('.theme-doc-sidebar-container').isVisible()).toBe(false);
    expect(await page.locator('.footer').isVisible()).toBe(false);
    expect(await page.locator('.contains-task-list').first().isVisible()).toBe(true);
    const signatures = page.locator('.handover-signatures');
    expect(await signatures.isVisible()).toBe(true);
    expect(await signatures.innerText()).toMatch(/übergebende Stelle[\s\S]*übernehmende Stelle/);
    await page.emulateMedia({ media: 'screen' });
    expect(await signatures.isVisible()).toBe(false);
    await page.close();
  });
});
