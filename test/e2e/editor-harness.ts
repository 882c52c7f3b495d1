import { cpSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import type { Frame, Page } from 'playwright-core';
import { BODY_TEXT_AREA } from '../../src/bench/editor-preview';
import { readWikiConfig, type WikiConfig } from '../../src/core/config';
import { loadWiki } from '../../src/core/load/load-wiki';
import { useWikiExtensions } from '../../src/core/schema/extensions';
import { writeSiteAdmin } from '../../src/editing/admin-site';
import { startEditApi, type EditApi } from '../../src/editing/edit-server';
import { ROOT, tempDir } from '../helpers';

/**
 * The browser editor against the local backend without Docusaurus: a copy of the sample wiki,
 * its /admin/ written exactly as the plugin writes it under `npm run edit` (src/editing/
 * admin-site.ts), served on 127.0.0.1 beside the real file API (src/editing/edit-server.ts).
 * The full `npm run edit` with `docusaurus start` is tested once in editor.e2e.test.ts.
 */
export interface EditorSite {
  /** The site folder (docs/ and stellenwissen.config.yaml, a copy). */
  siteDir: string;
  adminUrl: string;
  close(): Promise<void>;
}

function listen(app: express.Express): Promise<Server> {
  return new Promise((done) => {
    const server = app.listen(0, '127.0.0.1', () => done(server));
  });
}

export async function startEditorSite(): Promise<EditorSite> {
  const siteDir = tempDir('stellenwissen-editor-');
  cpSync(join(ROOT, 'docs'), join(siteDir, 'docs'), { recursive: true });
  cpSync(join(ROOT, 'stellenwissen.config.yaml'), join(siteDir, 'stellenwissen.config.yaml'));
  const staticDir = join(siteDir, 'static-admin');
  mkdirSync(staticDir);
  const site = express();
  site.use(express.static(staticDir));
  const server = await listen(site);
  const sitePort = (server.address() as AddressInfo).port;
  const api: EditApi = await startEditApi({ repoDir: siteDir, docsDir: 'docs', port: 0, sitePort });
  useWikiExtensions(siteDir);
  await writeSiteAdmin({
    staticDir,
    siteDir,
    wiki: loadWiki(join(siteDir, 'docs')),
    wikiConfig: readWikiConfig(siteDir),
    title: 'Wiki bearbeiten',
    baseUrl: '/',
    apiUrl: api.url,
  });
  return {
    siteDir,
    adminUrl: `http://127.0.0.1:${sitePort}/admin/`,
    async close() {
      await api.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

/** Opens /admin/ (a route after `#`); with the local backend it starts signed in (client/local-sign-in.ts). */
export async function openEditor(page: Page, site: EditorSite, route = ''): Promise<void> {
  await page.goto(`${site.adminUrl}${route === '' ? '' : `#${route}`}`);
  // Decap's top bar (with the account menu) is there once it runs signed in.
  await page.getByRole('button', { name: 'Konto-Menü' }).waitFor();
}

/** The preview frame of the open entry. */
export async function previewFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#preview-pane');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('Vorschau-Rahmen ohne Inhalt');
  return frame;
}

/** Picks `text` in a select or relation field (react-select) labelled `label`. */
export async function pick(page: Page, label: string, text: string): Promise<void> {
  // Decap adds „(optional)“ to the label of a field that is not required.
  const input = page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(optional\\))?$`));
  await input.click();
  await input.fill(text);
  await page.locator('[class*="option"]', { hasText: text }).first().click();
}

/** Saves the open entry (without editorial workflow: „Veröffentlichen“ → „Jetzt veröffentlichen“). */
export async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
  await page.getByText('Jetzt veröffentlichen', { exact: true }).click();
  // Decap's notification (react-toastify): success, or the error it shows instead.
  const toast = page.locator('.Toastify__toast').last();
  await toast.waitFor();
  const text = (await toast.textContent()) ?? '';
  if (!text.includes('Beitrag gespeichert')) {
    // Decap lists under each field what it refuses: name them, so a failure says which field.
    const refused = await page.locator('[class*="ControlErrorsList"]').allTextContents();
    throw new Error(`Speichern fehlgeschlagen: ${text} ${refused.join(' | ')}`);
  }
  // The toast may close itself while sliding in (react-toastify's autoClose, seen in CI under
  // load): then there is nothing left to click, and either way it must be gone.
  await page.locator('.Toastify__close-button').last().click({ timeout: 5000 }).catch(() => undefined);
  await toast.waitFor({ state: 'detached' });
}

/** Replaces the article's Markdown text in the form. */
export async function replaceMarkdown(page: Page, text: string): Promise<void> {
  const editor = page.locator(BODY_TEXT_AREA);
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/**
 * /admin/ as a build writes it (no `npm run edit`: no file API), for the sample wiki with its
 * `editing` settings changed by `editing`, served on 127.0.0.1. The Git server of the settings
 * is not started here: without one only the page before login is usable (editor-gitlab.e2e.test.ts
 * points `base_url` at test/e2e/fake-gitlab.ts).
 */
export async function startBuiltAdmin(editing: Partial<WikiConfig['editing']> = {}): Promise<{ adminUrl: string; close(): Promise<void> }> {
  const siteDir = tempDir('stellenwissen-admin-');
  cpSync(join(ROOT, 'docs'), join(siteDir, 'docs'), { recursive: true });
  cpSync(join(ROOT, 'stellenwissen.config.yaml'), join(siteDir, 'stellenwissen.config.yaml'));
  const staticDir = join(siteDir, 'static-admin');
  mkdirSync(staticDir);
  useWikiExtensions(siteDir);
  const wikiConfig = readWikiConfig(siteDir);
  await writeSiteAdmin({
    staticDir,
    siteDir,
    wiki: loadWiki(join(siteDir, 'docs')),
    wikiConfig: { ...wikiConfig, editing: { ...wikiConfig.editing, ...editing } },
    title: 'Wiki bearbeiten',
    baseUrl: '/',
  });
  const site = express();
  site.use(express.static(staticDir));
  const server = await listen(site);
  return {
    adminUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/**
 * Fills the new-process form (open at `#/collections/process/new`) as a clerk would: the
 * process „Akten aussondern“ in FB 10, owner and performers picked by their titles.
 * It is saved as docs/fb10-zentrale-dienste/akten-aussondern.md with owner stelle-10-002,
 * performers [stelle-10-004, stelle-10-005], frequency monthly and digital.status partial.
 */
export async function fillNewProcess(page: Page): Promise<void> {
  await page.getByLabel('Kennung', { exact: true }).fill('akten-aussondern');
  await page.getByLabel('Titel', { exact: true }).fill('Akten aussondern');
  await pick(page, 'Fachbereich', 'Fachbereich 10 – Zentrale Dienste');
  await pick(page, 'Verantwortliche Stelle', 'Sachgebietsleitung Personal');
  await pick(page, 'Ausführende Stellen', 'IT-Koordination und Systemadministration');
  await pick(page, 'Ausführende Stellen', 'Sachbearbeitung Ratsbüro');
  await pick(page, 'Häufigkeit', 'monatlich');
  await pick(page, 'Digitalisierungsstand', 'teilweise digital');
}
