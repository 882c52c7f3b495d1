import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../src/core/dates';
import { loadWiki } from '../../src/core/load/load-wiki';
import { validateWiki } from '../../src/validate/validate';
import { openEditor, fillNewProcess, pick, previewFrame, publish, replaceMarkdown, startEditorSite, type EditorSite } from './editor-harness';
import { launchBrowser, watchedPage } from './harness';

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

const read = (path: string) => readFileSync(join(site.siteDir, path), 'utf8');

describe('the browser editor with the local backend', () => {
  it('/admin/ shows the article types in German and asks no other host', async () => {
    const { page, foreign, errors } = await newPage();
    await openEditor(page, site, '/collections/process');
    await page.getByText('Ausscheiden von Beschäftigten bearbeiten').waitFor();
    for (const label of ['Fachbereiche', 'Stellen', 'Prozesse', 'Übergaben', 'Anleitungen']) {
      await expect(page.getByRole('link', { name: label, exact: true }).count()).resolves.toBeGreaterThan(0);
    }
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates a process through the form: pickers by title, selects in German; the file validates but for its placeholders', async () => {
    const { page, foreign, errors } = await newPage();
    await openEditor(page, site, '/collections/process/new');
    await fillNewProcess(page);
    await publish(page);
    const path = 'docs/fb10-zentrale-dienste/akten-aussondern.md';
    expect(existsSync(join(site.siteDir, path))).toBe(true);
    const text = read(path);
    expect(text).toMatch(/^---\nid: akten-aussondern\ntype: process\ntitle: Akten aussondern\ndepartment: fb10-zentrale-dienste\nowner: stelle-10-002\n/);
    expect(text).toContain('performers: [stelle-10-004, stelle-10-005]\n');
    expect(text).toContain('frequency: monthly\n');
    expect(text).toContain('digital:\n  status: partial\n');
    const findings = validateWiki(loadWiki(join(site.siteDir, 'docs')), localToday()).findings.filter((f) => f.file.endsWith('akten-aussondern.md'));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.rule !== 'placeholder')).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('editing a post\'s deputies changes only that line of the file', async () => {
    const path = 'docs/fb10-zentrale-dienste/stelle-10-003.md';
    const before = read(path);
    const { page } = await newPage();
    await openEditor(page, site, '/collections/post/entries/fb10-zentrale-dienste/stelle-10-003');
    await pick(page, 'Vertretungen', 'Sachgebietsleitung Personal');
    await publish(page);
    const after = read(path);
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual(['deputies: [stelle-10-002]']);
    expect(after.split('\n').length).toBe(before.split('\n').length);
    await page.close();
  });

  it('the preview shows the findings of the entry before saving: an emptied required section', async () => {
    const path = 'docs/fb10-zentrale-dienste/personalabrechnung-erstellen.md';
    const before = read(path);
    const { page } = await newPage();
    await openEditor(page, site, '/collections/process/entries/fb10-zentrale-dienste/personalabrechnung-erstellen');
    const frame = await previewFrame(page);
    await frame.getByText('Hinweise vor dem Speichern').waitFor();
    const text = before.slice(before.indexOf('\n---\n') + 5);
    const emptied = text.replace(/## Sonderfälle\n[\s\S]*?(?=\n## |$)/, '## Sonderfälle\n');
    expect(emptied).not.toBe(text);
    await replaceMarkdown(page, emptied);
    await frame.locator('li[data-rule="sections"]', { hasText: 'Abschnitt „## Sonderfälle“ ist leer' }).waitFor();
    expect(read(path)).toBe(before);
    await page.close();
  });

  it('a second editor of the same article cannot silently overwrite the first one\'s save', async () => {
    const path = 'docs/fb10-zentrale-dienste/stelle-10-005.md';
    const route = '/collections/post/entries/fb10-zentrale-dienste/stelle-10-005';
    const first = (await newPage()).page;
    const second = (await newPage()).page;
    await openEditor(first, site, route);
    await openEditor(second, site, route);
    await first.getByLabel('Titel', { exact: true }).fill('Ratsbüro und Sitzungsdienst (erste Fassung)');
    await publish(first);
    const saved = read(path);
    expect(saved).toContain('title: Ratsbüro und Sitzungsdienst (erste Fassung)\n');
    await second.getByLabel('Titel', { exact: true }).fill('Ratsbüro (zweite Fassung)');
    await second.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await second.getByText('Jetzt veröffentlichen', { exact: true }).click();
    await second.getByText(/wurde geändert, seit Sie den Artikel in diesem Fenster geöffnet haben/).first().waitFor();
    expect(read(path)).toBe(saved);
    // The second editor's input is still in its form, nothing is lost.
    await expect(second.getByLabel('Titel', { exact: true }).inputValue()).resolves.toBe('Ratsbüro (zweite Fassung)');
    await first.close();
    await second.close();
  });

  // Every article of FB 10 (all five types) and every other one with Mermaid, task lists,
  // HTML comments or raw HTML; EDITOR_ROUND_TRIP=all takes all 99 (about 3.5 s each).
  it('saving articles with a new title changes their title line and no other byte (Mermaid, tables, task lists, comments included)', async () => {
    const { page, errors } = await newPage();
    // Leaving an entry whose save failed asks whether to drop the changes: yes, go on.
    page.on('dialog', (dialog) => void dialog.accept());
    const wiki = loadWiki(join(site.siteDir, 'docs'));
    const special = /```mermaid|- \[[ x]\]|<!--|<[a-zA-Z]+[ >/]/;
    const others = wiki.articles
      .filter((a) => !['akten-aussondern', 'stelle-10-003', 'stelle-10-005', 'personalabrechnung-erstellen'].some((id) => a.relPath.includes(id)))
      .filter((a) => process.env.EDITOR_ROUND_TRIP === 'all' || a.relPath.startsWith('fb10-') || special.test(a.frontMatter.body));
    const unexpected: string[] = [];
    const findings = () => validateWiki(loadWiki(join(site.siteDir, 'docs')), localToday()).findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`);
    const findingsBefore = findings();
    let opened = false;
    for (const article of others) {
      const path = `docs/${article.relPath}`;
      const before = read(path);
      const oldTitle = String(article.frontMatter.data?.title ?? '');
      const route = `/collections/${article.type}/entries/${article.relPath.replace(/\.md$/, '')}`;
      if (!opened) await openEditor(page, site, route);
      else {
        // Decap reloads its form only when the editor is left and entered again.
        await page.evaluate((hash) => (window.location.hash = hash), `/collections/${article.type}`);
        await page.getByText('Inhaltstypen').first().waitFor();
        await page.evaluate((hash) => (window.location.hash = hash), route);
      }
      opened = true;
      const title = page.getByLabel('Titel', { exact: true });
      await expect.poll(() => title.inputValue()).toBe(oldTitle);
      await title.fill(`${oldTitle} (geprüft)`);
      try {
        await publish(page);
      } catch (error) {
        unexpected.push(`${path}: ${(error as Error).message}`);
        continue;
      }
      const after = read(path);
      const lines = [before.split('\n'), after.split('\n')];
      const differing = lines[1].filter((line, i) => line !== lines[0][i]);
      const titleLine = new RegExp(`^title: "?${oldTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(geprüft\\)"?$`);
      if (lines[0].length !== lines[1].length || differing.length !== 1 || !titleLine.test(differing[0]!)) unexpected.push(`${path}: ${differing.join(' | ')}`);
    }
    expect(unexpected, unexpected.join('\n')).toEqual([]);
    expect(findings()).toEqual(findingsBefore);
    expect(new Set(others.map((a) => a.type)).size).toBe(5);
    expect(others.length).toBeGreaterThan(process.env.EDITOR_ROUND_TRIP === 'all' ? 90 : 20);
    expect(errors).toEqual([]);
    await page.close();
  }, 900_000);
});
