import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadContext } from '@docusaurus/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import stellenwissenPlugin from '../src/plugin/index';
import { buildSidebar, type SidebarDoc } from '../src/site/sidebar';
import { buildSite, overlayWiki } from './helpers';

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
