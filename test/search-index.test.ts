import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadWiki } from '../src/core/load/load-wiki';
import { summariseMarkdown } from '../src/core/markdown/remark';
import { TYPE_LABELS } from '../src/core/schema/labels';
import { type Article } from '../src/core/article';
import { buildSearchIndex } from '../src/search/build';
import { departmentTitles, searchDocumentsFromWiki } from '../src/search/documents';
import { parseQuery, SearchEngine } from '../src/search/engine';
import { germanLexicon } from '../src/search/lexicon';
import { loadedWiki, permalinksBySource } from '../src/search/plugin';
import { MANIFEST_FILE, SEARCH_DIR, type SearchDocument } from '../src/search/types';
import { ROOT } from './helpers';

// The index build and the search engine of the search box, on the sample wiki (docs/),
// with the index served from memory instead of a web server.

const wiki = loadWiki(join(ROOT, 'docs'));
const permalink = (article: Article) => `/wiki/${article.relPath.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '')}`;
const documents = searchDocumentsFromWiki(wiki, permalink);
const lexicon = germanLexicon();
const options = { departments: departmentTitles(wiki), types: TYPE_LABELS, lexicon };
const FB32 = 'Fachbereich 32 – Bürgerdienste und Ordnung';

async function engineFor(files: Map<string, string>, baseUrl = '/wiki/'): Promise<{ engine: SearchEngine; fetched: string[] }> {
  const fetched: string[] = [];
  const engine = new SearchEngine(baseUrl, async (url) => {
    fetched.push(url);
    const prefix = `${baseUrl}${SEARCH_DIR}/`;
    const content = url.startsWith(prefix) ? files.get(url.slice(prefix.length)) : undefined;
    if (content === undefined) throw new Error(`404 ${url}`);
    return JSON.parse(content);
  });
  await engine.load();
  return { engine, fetched };
}

const built = buildSearchIndex(documents, options);
const { engine, fetched } = await engineFor(built.files);

describe('search documents from the wiki', () => {
  it('has one document per article, with its URL, department and front-matter metadata', () => {
    expect(documents).toHaveLength(wiki.articles.length);
    const process = documents.find((d) => d.url === '/wiki/fb32-ordnung/eheschliessung-anmelden')!;
    expect(process).toMatchObject({ title: 'Eheschließung anmelden', type: 'process', department: 'fb32-ordnung' });
    expect(process.keywords).toEqual(expect.arrayContaining(['AutiSta', '99123006001000', '§ 12 PStG', 'Standesamt', 'Prozess']));
    expect(process.headings).toEqual(expect.arrayContaining(['Zweck', 'Ablauf', 'Sonderfälle']));
    expect(process.body).toContain('Trautermin');
    expect(process.body).not.toContain('flowchart'); // Mermaid source is not text
    expect(documents.find((d) => d.url === '/wiki/fb32-ordnung/')?.title).toBe(FB32);
  });

  it('takes URLs from the docs plugin by source file', () => {
    const siteDir = '/site';
    const permalinks = permalinksBySource([
      { name: 'docusaurus-plugin-content-pages', content: [] },
      { name: 'docusaurus-plugin-content-docs', content: { loadedVersions: [{ docs: [
        { source: '@site/docs/fb1/index.md', permalink: '/wiki/fb1/' },
        { source: '@site/../elsewhere/fb2/a.md', permalink: '/wiki/fb2/a' },
      ] }] } },
    ], siteDir);
    expect(permalinks.get('/site/docs/fb1/index.md')).toBe('/wiki/fb1/');
    expect(permalinks.get('/elsewhere/fb2/a.md')).toBe('/wiki/fb2/a');
  });

  it('reuses the wiki the stellenwissen plugin loaded, when it offers it for the same folder', () => {
    expect(loadedWiki([{ name: 'stellenwissen', content: { wiki } }], join(ROOT, 'docs'))).toBe(wiki);
    expect(loadedWiki([{ name: 'stellenwissen', content: { wiki } }], join(ROOT, 'andere'))).toBeUndefined();
    expect(loadedWiki([{ name: 'stellenwissen', content: { summary: {} } }], join(ROOT, 'docs'))).toBeUndefined();
  });
});

describe('the German search over the sample wiki', () => {
  it.each([
    ['Eheschließungen', 'Eheschließung anmelden'],
    ['Gewerbeanmeldungen', 'Gewerbeanmeldung bearbeiten'],
    ['Anmeldung', 'Gewerbeanmeldung bearbeiten'],
    ['Erlaubnis', 'Gaststättenerlaubnis erteilen'],
    ['AutiSta', 'Leitung Standesamt (Standesbeamtin/Standesbeamter)'],
    ['99123006001000', 'Eheschließung anmelden'],
    ['§ 1309 BGB', 'Eheschließung anmelden'],
    ['Gewerbeanm', 'Gewerbeanmeldung bearbeiten'], // still typing
    ['Gaststättengewerbe', 'Gaststättenerlaubnis erteilen'], // not in the wiki: split into parts
  ])('%s finds „%s“ with its department', (query, title) => {
    const hit = engine.search(query).hits.find((h) => h.title === title);
    expect(hit, `${query}: ${engine.search(query).hits.map((h) => h.title).join(' | ')}`).toBeDefined();
    expect(hit!.departmentTitle).toBe(FB32);
  });

  it('ranks the exact article first for its own title words', () => {
    expect(engine.search('Eheschließungen').hits[0].title).toBe('Eheschließung anmelden');
    expect(engine.search('Gewerbeanmeldungen').hits[0].title).toBe('Gewerbeanmeldung bearbeiten');
    expect(engine.search('99123006001000').hits.map((h) => h.title)).toEqual(['Eheschließung anmelden']);
  });

  it('finds pages that only have the compound: verwaltung → Stadtverwaltung', () => {
    const urls = engine.search('verwaltung', 100).hits.map((h) => h.url);
    for (const file of ['fb10-zentrale-dienste/index.md', 'fb32-ordnung/index.md', 'fb10-zentrale-dienste/leitfaden-e-akte.md']) {
      const article = wiki.articles.find((a) => a.relPath === file)!;
      expect(summariseMarkdown(article.frontMatter.body, 0).text).toContain('Stadtverwaltung');
      expect(urls).toContain(permalink(wiki.articles.find((a) => a.relPath === file)!));
    }
  });

  it('finds the post by a system of its front matter, and says where it matched', () => {
    const hit = engine.search('AutiSta').hits.find((h) => h.url === '/wiki/fb32-ordnung/stelle-32-002')!;
    expect(hit).toMatchObject({ type: 'post', typeLabel: 'Stelle', department: 'fb32-ordnung' });
    expect(hit.fields).toContain('k');
  });

  it('requires every word (AND) and ignores stop words', () => {
    const urls = (query: string) => engine.search(query, 1000).hits.map((h) => h.url);
    const both = urls('AutiSta Geburt');
    expect(both).toContain('/wiki/fb32-ordnung/geburt-beurkunden');
    expect(both.length).toBeLessThan(urls('Geburt').length);
    expect(both.length).toBeLessThan(urls('AutiSta').length);
    for (const url of both) expect(urls('Geburt').includes(url) && urls('AutiSta').includes(url), url).toBe(true);
    expect(engine.search('der Standesamt und die Geburt').total).toBe(engine.search('Standesamt Geburt').total);
    expect(parseQuery('die Anmeldung ')).toEqual([{ word: 'anmeldung', stem: 'anmeld', folded: 'anmeldung', prefix: false }]);
    expect(parseQuery('Gewerbeanm')[0].prefix).toBe(true);
  });

  it('answers „nothing“ and limits long result lists', () => {
    expect(engine.search('Xylophonkonzert')).toMatchObject({ hits: [], total: 0 });
    expect(engine.search('').hits).toEqual([]);
    const many = engine.search('Stelle', 5);
    expect(many.hits).toHaveLength(5);
    expect(many.total).toBeGreaterThan(5);
  });
});

describe('the index files', () => {
  it('are a small manifest and one shard per department, fetched under the base URL', () => {
    expect(built.manifest.shards.map((s) => s.department)).toEqual([...wiki.departments.keys()].sort());
    expect(built.manifest.departments['fb32-ordnung']).toBe(FB32);
    expect(built.files.get(MANIFEST_FILE)!.length).toBeLessThan(4_000);
    expect(fetched[0]).toBe('/wiki/suchindex/manifest.json');
    expect(fetched.slice(1).sort()).toEqual(built.manifest.shards.map((s) => `/wiki/suchindex/${s.file}`).sort());
    for (const shard of built.manifest.shards) expect(shard.file).toMatch(/^fb\d+-[a-z-]+-1\.[0-9a-f]{8}\.json$/);
    expect(built.stats).toMatchObject({ documents: documents.length, shards: 6 });
  });

  it('stay far below the 1 MB (gzip) per file the issue allows', () => {
    for (const content of built.files.values()) expect(gzipSync(content).length).toBeLessThan(100_000);
  });

  it('are the same for the same wiki (content-hashed names)', () => {
    expect([...buildSearchIndex(documents, options).files.keys()]).toEqual([...built.files.keys()]);
  });

  it('rank the same however the wiki is sharded (scores use wiki-wide statistics)', async () => {
    const small = buildSearchIndex(documents, { ...options, maxDocumentsPerShard: 4 });
    expect(small.manifest.shards.length).toBeGreaterThan(20);
    expect(Math.max(...small.manifest.shards.map((s) => s.documents))).toBeLessThanOrEqual(4);
    const { engine: sharded } = await engineFor(small.files);
    for (const query of ['Anmeldung ', 'Erlaubnis ', 'verwaltung ', 'AutiSta ', 'Standesamt Geburt ']) {
      const a = engine.search(query, 100).hits;
      const b = sharded.search(query, 100).hits;
      expect(b.map((h) => h.url), query).toEqual(a.map((h) => h.url));
      b.forEach((hit, i) => expect(hit.score).toBeCloseTo(a[i].score, 6));
    }
  });

  it('become searchable shard by shard, and report a missing index', async () => {
    const shards = [...built.files.keys()].filter((f) => f !== MANIFEST_FILE);
    const partial = new Map([[MANIFEST_FILE, built.files.get(MANIFEST_FILE)!], ...shards.filter((f) => f.startsWith('fb32')).map((f) => [f, built.files.get(f)!] as [string, string])]);
    const { engine: half } = await engineFor(partial);
    const result = half.search('Eheschließungen');
    expect(result.hits[0].title).toBe('Eheschließung anmelden');
    expect(result).toMatchObject({ searchedShards: 1, totalShards: 6 });
    expect(half.error?.message).toMatch(/404/);
    const { engine: none } = await engineFor(new Map());
    expect(none.error).toBeDefined();
    expect(none.search('Anmeldung').hits).toEqual([]);
  });

  it('of a large wiki start with a title shard that answers while the department shards load', async () => {
    expect(built.manifest.titles).toBeUndefined(); // the sample wiki is small
    const large = buildSearchIndex(documents, { ...options, titleShardFrom: 1 });
    expect(large.manifest.titles).toMatchObject({ documents: documents.length, file: expect.stringMatching(/^titel\.[0-9a-f]{8}\.json$/) });
    expect(large.manifest.shards).toEqual(built.manifest.shards);

    // Department shards wait until released; manifest and title shard come at once.
    const gates = new Map<string, () => void>();
    const waiting = new Map<string, Promise<void>>();
    for (const shard of large.manifest.shards) waiting.set(shard.file, new Promise((release) => gates.set(shard.file, release)));
    const prefix = `/wiki/${SEARCH_DIR}/`;
    const order: string[] = [];
    const gated = new SearchEngine('/wiki/', async (url) => {
      const file = url.slice(prefix.length);
      order.push(file);
      await waiting.get(file);
      return JSON.parse(large.files.get(file)!);
    });
    let updates = 0;
    let notified: () => void = () => undefined;
    gated.subscribe(() => {
      updates++;
      notified();
    });
    const next = (count: number) => new Promise<void>((resolveWait) => {
      notified = () => {
        if (updates >= count) resolveWait();
      };
      notified();
    });
    const loading = gated.load();
    await next(2); // manifest, title shard
    expect(order[1]).toBe(large.manifest.titles!.file);
    const early = gated.search('Eheschließung anmelden');
    expect(early).toMatchObject({ searchedShards: 0, totalShards: 6 });
    expect(early.hits[0]).toMatchObject({ title: 'Eheschließung anmelden', departmentTitle: FB32 });
    expect(early.hits[0]!.fields.every((f) => f === 't' || f === 'k')).toBe(true); // titles and metadata only
    expect(gated.search('AutiSta').hits.map((h) => h.title)).toContain('Eheschließung anmelden'); // metadata
    expect(gated.search('Anmeldung').hits.map((h) => h.title)).toContain('Gewerbeanmeldung bearbeiten'); // a part of a title
    expect(gated.search('Trautermin').hits).toEqual([]); // body text comes with the department shard

    const fb32 = large.manifest.shards.find((s) => s.department === 'fb32-ordnung')!.file;
    gates.get(fb32)!();
    await next(3);
    const mixed = gated.search('Anmeldung', 100).hits.map((h) => h.url);
    expect(new Set(mixed).size).toBe(mixed.length); // each article once: from its shard or from the title shard
    expect(gated.search('Trautermin').hits.map((h) => h.title)).toContain('Eheschließung anmelden');

    for (const release of gates.values()) release();
    await loading;
    expect(gated.ready).toBe(true);
    for (const query of ['Anmeldung ', 'Erlaubnis ', 'verwaltung ', 'AutiSta ', 'Standesamt Geburt ', 'Gewerbeanm']) {
      const a = engine.search(query, 100).hits;
      const b = gated.search(query, 100).hits;
      expect(b.map((h) => h.url), query).toEqual(a.map((h) => h.url));
      b.forEach((hit, i) => expect(hit.score).toBeCloseTo(a[i]!.score, 6));
    }
  });

  it('index documents of any department, including articles outside one', () => {
    const loose: SearchDocument = { url: '/wiki/start', title: 'Willkommen', type: 'guide', department: '', keywords: [], headings: [], body: 'Hallo Stadtverwaltung' };
    const result = buildSearchIndex([loose], { departments: {}, types: TYPE_LABELS, lexicon });
    expect(result.manifest.shards.map((s) => s.file)).toEqual([expect.stringMatching(/^allgemein-1\./)]);
  });
});
