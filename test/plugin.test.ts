import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import type { LoadContext } from '@docusaurus/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardOf, withCards } from '../src/plugin/doc-card';
import stellenwissenPlugin from '../src/plugin/index';
import { buildSidebar, type SidebarDoc } from '../src/site/sidebar';
import { buildSite, overlayWiki, ROOT, tempDir } from './helpers';

const context = (siteDir: string) => ({ siteDir, baseUrl: '/wiki/' }) as unknown as LoadContext;
const BAD = { 'fb1/stelle-1-002.md': 'REPLACE:criticality: medium=>criticality: sehr-hoch' };

afterEach(() => vi.restoreAllMocks());

describe('plugin gate', () => {
  it('stops a production build on errors, printing each finding as file:line:col', async () => {
    const root = overlayWiki(BAD);
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
    const plugin = stellenwissenPlugin(context(root), { docsDir: root, failOnError: true });
    await expect(plugin.loadContent!()).rejects.toThrow(/1 Fehler/);
    expect(errors.join('\n')).toMatch(/fb1\/stelle-1-002\.md:9:1 error „criticality“ .* \[schema\]/);
  });

  it('only reports errors while editing (npm start)', async () => {
    const root = overlayWiki(BAD);
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m));
    const plugin = stellenwissenPlugin(context(root), { docsDir: root, failOnError: false });
    const content = await plugin.loadContent!();
    expect(content?.summary.departments.map((d) => d.id)).toEqual(['fb1']);
    expect(warnings.some((w) => w.includes('stelle-1-002.md:9:1'))).toBe(true);
  });

  it('hands a summary with department links under the base URL to the pages', async () => {
    const root = overlayWiki({});
    const plugin = stellenwissenPlugin(context(root), { docsDir: root, failOnError: true });
    const content = await plugin.loadContent!();
    expect(content?.summary).toEqual({
      departments: [{ id: 'fb1', title: 'Fachbereich 1 – Beispielamt', permalink: '/wiki/fb1/', counts: { post: 2, process: 1, handover: 1, guide: 1 } }],
      totals: { department: 1, post: 2, process: 1, handover: 1, guide: 1 },
    });
  });

  it('makes `docusaurus build` fail on an invalid article, naming file:line, and write nothing', () => {
    const root = overlayWiki(BAD);
    const result = buildSite({ docsDir: root });
    const out = result.outDir;
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/stelle-1-002\.md:9:1 error „criticality“ \(Kritikalität\) hat den ungültigen Wert „sehr-hoch“/);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  }, 300_000);
});

describe('sidebar', () => {
  const doc = (id: string, dir: string, type: string, title: string, extra: Partial<SidebarDoc> = {}): SidebarDoc =>
    ({ id: `${dir === '.' ? '' : `${dir}/`}${id}`, title, sourceDirName: dir, frontMatter: { type }, ...extra });

  it('groups articles by department (titled by its article) and by type', () => {
    const items = buildSidebar([
      doc('leitfaden', '.', 'guide', 'Redaktionsleitfaden'),
      doc('fb20', 'fb20', 'department', 'Finanzen'),
      doc('stelle-20-002', 'fb20', 'post', 'B-Stelle'),
      doc('stelle-20-001', 'fb20', 'post', 'Z-Stelle'),
      doc('zahlung', 'fb20', 'process', 'Zahlung buchen'),
      doc('abschluss', 'fb20', 'process', 'Abschluss'),
      doc('x', 'fb3', 'guide', 'Ohne Fachbereichsartikel'),
    ]);
    expect(items).toEqual([
      { type: 'doc', id: 'leitfaden' },
      {
        type: 'category', label: 'fb3', collapsed: true,
        items: [{ type: 'category', label: 'Anleitungen', collapsed: true, items: [{ type: 'doc', id: 'fb3/x' }] }],
      },
      {
        type: 'category', label: 'Finanzen', collapsed: true, link: { type: 'doc', id: 'fb20/fb20' },
        items: [
          { type: 'category', label: 'Stellen', collapsed: true, items: [{ type: 'doc', id: 'fb20/stelle-20-001' }, { type: 'doc', id: 'fb20/stelle-20-002' }] },
          { type: 'category', label: 'Prozesse', collapsed: true, items: [{ type: 'doc', id: 'fb20/abschluss' }, { type: 'doc', id: 'fb20/zahlung' }] },
        ],
      },
    ]);
  });
});

describe('cards per page, not global', () => {
  it('global data is the summary alone; each doc page gets its own card through its metadata', async () => {
    const root = overlayWiki({});
    const plugin = stellenwissenPlugin(context(root), { docsDir: root, failOnError: true });
    const content = (await plugin.loadContent!())!;
    const global: unknown[] = [];
    const actions = {
      setGlobalData: (data: unknown) => void global.push(data),
      createData: async (name: string) => `/generated/${name}`,
      addRoute: () => undefined,
    };
    await plugin.contentLoaded!({ content, actions: actions as never });
    expect(global).toEqual([content.summary]);
    expect(JSON.stringify(global)).not.toMatch(/e-Akte|deputies|stellenwissenCard/);

    const docs = [
      { id: 'fb1/stelle-1-001', frontMatter: { id: 'stelle-1-001' } },
      { id: 'fb1/anleitung-ablage', frontMatter: { id: 'anleitung-ablage' } },
      { id: 'fb1/fremd', frontMatter: { id: 'gibt-es-nicht' } },
      { id: 'fb1/ohne-kennung', frontMatter: {} },
    ];
    const given = { loadedVersions: [{ versionName: 'current', docs, drafts: [], sidebars: {} }] } as unknown as LoadedContent;
    const [version] = withCards(given, content.site.cards).loadedVersions;
    expect(version!.docs.map(cardOf)).toEqual([content.site.cards['stelle-1-001'], content.site.cards['anleitung-ablage'], undefined, undefined]);
    expect(cardOf(version!.docs[0]!)).toMatchObject({ type: 'post', systems: ['e-Akte'] });
    expect(docs[0]).not.toHaveProperty('stellenwissenCard'); // the docs plugin's own content stays as loaded
  });

  it('in a real Docusaurus site load: the doc metadata module has the card, globalData.json has none', async () => {
    const root = overlayWiki({});
    const generated = join(tempDir('stellenwissen-site-'), '.docusaurus');
    const saved = { DOCS_DIR: process.env.DOCS_DIR, DOCUSAURUS_GENERATED_FILES_DIR_NAME: process.env.DOCUSAURUS_GENERATED_FILES_DIR_NAME };
    process.env.DOCS_DIR = root;
    process.env.DOCUSAURUS_GENERATED_FILES_DIR_NAME = generated;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { loadSite } = await import('@docusaurus/core/lib/server/site.js');
      await loadSite({ siteDir: ROOT });
    } finally {
      for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key]; else process.env[key] = value;
    }
    const dataDir = join(generated, 'docusaurus-plugin-content-docs', 'default');
    const metadata = readdirSync(dataDir).filter((name) => name.startsWith('site-') && name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as { id: string; stellenwissenCard?: { type: string; systems?: string[] } });
    const byId = new Map(metadata.map((doc) => [doc.id, doc]));
    expect(byId.get('fb1/stelle-1-001')?.stellenwissenCard).toMatchObject({ type: 'post', systems: ['e-Akte'] });
    expect(byId.get('fb1/antrag-bearbeiten')?.stellenwissenCard).toMatchObject({ type: 'process', leika: '99000000000001' });
    expect(metadata.filter((doc) => doc.stellenwissenCard).length).toBe(6);
    const globalData = readFileSync(join(generated, 'globalData.json'), 'utf8');
    expect(globalData).toContain('Fachbereich 1 – Beispielamt'); // the summary …
    expect(globalData).toContain('fb1/stelle-1-001'); // … and the docs plugin's routes
    expect(globalData).not.toMatch(/stellenwissenCard|e-Akte|99000000000001|deputies/);
  }, 120_000);
});
