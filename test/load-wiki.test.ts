import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWiki, writeGeneratedWiki, OUTPUT_LAYOUT } from '../src/bench/generate';
import { analysisFingerprint, analysisSources, currentAnalysisFingerprint } from '../src/core/load/analysis-cache';
import { loadWiki } from '../src/core/load/load-wiki';
import { type Wiki } from '../src/core/wiki';
import { loadWikiAsync } from '../src/core/load/load-wiki';
import { parseIsoDate } from '../src/core/dates';
import { validateWiki } from '../src/validate/validate';
import { type Article } from '../src/core/article';
import { COMMON_SCHEMA, TYPE_SCHEMAS } from '../src/core/schema/schemas';
import { MINI_WIKI, overlayWiki, ROOT, tempDir } from './helpers';

const TODAY = parseIsoDate('2026-11-28')!;

const withoutBody = (a: Article): Article => ({ ...a, frontMatter: { ...a.frontMatter, body: '' } });
const bodiless = (wiki: Wiki) => wiki.articles.map(withoutBody);

/** A generated wiki large enough for the worker path (≥ MIN_FILES_FOR_WORKERS files). */
function generated(articles: number): string {
  const dir = tempDir('stellenwissen-load-');
  writeGeneratedWiki(dir, generateWiki({ articles, seed: 3 }));
  return join(dir, OUTPUT_LAYOUT.docs);
}

describe('loadWikiAsync yields what loadWiki yields', () => {
  it('on the sample wiki, on the calling thread, with and without bodies', async () => {
    const docs = join(ROOT, 'docs');
    const expected = loadWiki(docs, ROOT);
    const lean = await loadWikiAsync(docs, { cwd: ROOT, cache: false });
    expect(lean.stats).toEqual({ files: expected.articles.length, fromCache: 0, analysed: expected.articles.length, workers: 0, onWorkers: 0 });
    expect(lean.wiki.articles).toEqual(bodiless(expected));
    const full = await loadWikiAsync(docs, { cwd: ROOT, cache: false, keepBody: true });
    expect(full.wiki.articles).toEqual(expected.articles);
    expect(validateWiki(lean.wiki, TODAY)).toEqual(validateWiki(expected, TODAY));
  });

  it('on a generated wiki of 600 articles, on the calling thread and a worker thread, with and without bodies', { timeout: 120_000 }, async () => {
    const docs = generated(600);
    const expected = loadWiki(docs, ROOT);
    expect(expected.articles).toHaveLength(600);
    // Every file on the worker, then shared as it happens (the calling thread starts at once).
    const lean = await loadWikiAsync(docs, { cwd: ROOT, cache: false, threads: 2, workersOnly: true });
    expect(lean.stats).toMatchObject({ workers: 1, onWorkers: 600 });
    expect(lean.wiki.articles).toEqual(bodiless(expected));
    const full = await loadWikiAsync(docs, { cwd: ROOT, cache: false, threads: 2, keepBody: true, workersOnly: true });
    expect(full.stats.onWorkers).toBe(600);
    expect(full.wiki.articles).toEqual(expected.articles);
    expect(validateWiki(full.wiki, TODAY)).toEqual(validateWiki(expected, TODAY));
    const shared = await loadWikiAsync(docs, { cwd: ROOT, cache: false, threads: 2, keepBody: true });
    expect(shared.stats.workers).toBe(1);
    expect(shared.wiki.articles).toEqual(expected.articles);
  });

  it('on the hostile fixture wiki (binary, non-UTF-8, broken YAML)', async () => {
    const hostile = join(ROOT, 'test/fixtures/hostile-wiki');
    const expected = loadWiki(hostile, ROOT);
    const lean = await loadWikiAsync(hostile, { cwd: ROOT, cache: false, keepBody: true });
    expect(lean.wiki.articles).toEqual(expected.articles);
  });
});

describe('the analysis cache', () => {
  it('serves unchanged files from the cache and re-analyses changed ones; results stay equal', async () => {
    const wiki = overlayWiki({});
    const cacheDir = tempDir('stellenwissen-cache-');
    const options = { cwd: ROOT, cacheDir, fingerprint: 'f1' };
    const first = await loadWikiAsync(wiki, options);
    expect(first.stats.fromCache).toBe(0);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const second = await loadWikiAsync(wiki, options);
    expect(second.stats).toMatchObject({ fromCache: first.stats.files, analysed: 0 });
    expect(second.wiki.articles).toEqual(first.wiki.articles);

    const changed = second.wiki.articles.find((a) => a.type === 'process')!;
    appendFileSync(join(wiki, changed.relPath), '\nTODO: neu\n');
    const third = await loadWikiAsync(wiki, options);
    expect(third.stats).toMatchObject({ fromCache: first.stats.files - 1, analysed: 1 });
    expect(third.wiki.articles).toEqual(loadWiki(wiki, ROOT).articles.map(withoutBody));
    // Bodies from cached analyses are read from the file again.
    const withBodies = await loadWikiAsync(wiki, { ...options, keepBody: true });
    expect(withBodies.stats.analysed).toBe(0);
    expect(withBodies.wiki.articles).toEqual(loadWiki(wiki, ROOT).articles);
  });

  it('is not used with cache: false (--no-cache): nothing read, nothing written', async () => {
    const cacheDir = tempDir('stellenwissen-cache-');
    const result = await loadWikiAsync(MINI_WIKI, { cwd: ROOT, cacheDir, fingerprint: 'f1', cache: false });
    expect(result.stats.fromCache).toBe(0);
    expect(readdirSync(cacheDir)).toHaveLength(0);
  });

  it('starts empty under another fingerprint (a changed schema or rule)', async () => {
    const cacheDir = tempDir('stellenwissen-cache-');
    await loadWikiAsync(MINI_WIKI, { cwd: ROOT, cacheDir, fingerprint: 'old' });
    const other = await loadWikiAsync(MINI_WIKI, { cwd: ROOT, cacheDir, fingerprint: 'new' });
    expect(other.stats.fromCache).toBe(0);
    const again = await loadWikiAsync(MINI_WIKI, { cwd: ROOT, cacheDir, fingerprint: 'new' });
    expect(again.stats.analysed).toBe(0);
  });

  it('survives a damaged cache file: everything is analysed again', async () => {
    const cacheDir = tempDir('stellenwissen-cache-');
    await loadWikiAsync(MINI_WIKI, { cwd: ROOT, cacheDir, fingerprint: 'f' });
    const [name] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, name!), 'kein v8');
    const result = await loadWikiAsync(MINI_WIKI, { cwd: ROOT, cacheDir, fingerprint: 'f' });
    expect(result.stats.fromCache).toBe(0);
    expect(result.wiki.articles).toEqual(loadWiki(MINI_WIKI, ROOT).articles.map(withoutBody));
  });

  it('always recomputes the cross-file rules: a new duplicate id is found next to a cached article', async () => {
    const wiki = overlayWiki({});
    const cacheDir = tempDir('stellenwissen-cache-');
    const options = { cwd: ROOT, cacheDir, fingerprint: 'f' };
    const before = validateWiki((await loadWikiAsync(wiki, options)).wiki, TODAY);
    expect(before.findings.filter((f) => f.rule === 'duplicate-id')).toEqual([]);
    const original = loadWiki(wiki, ROOT).articles.find((a) => a.type === 'guide')!;
    writeFileSync(join(wiki, `${original.folder}/kopie.md`), readFileSync(join(wiki, original.relPath)));
    const loaded = await loadWikiAsync(wiki, options);
    // Same bytes, same hash: even the copy comes from the cache, yet the rule sees both.
    expect(loaded.stats).toMatchObject({ analysed: 0, fromCache: loaded.wiki.articles.length });
    const duplicates = validateWiki(loaded.wiki, TODAY).findings.filter((f) => f.rule === 'duplicate-id').map((f) => f.file);
    expect(duplicates.sort()).toEqual([loaded.wiki.articles.find((a) => a.relPath === original.relPath)!.file, loaded.wiki.articles.find((a) => a.relPath.endsWith('kopie.md'))!.file].sort());
  });
});

describe('the cache fingerprint', () => {
  const schemas = { COMMON_SCHEMA, TYPE_SCHEMAS };
  const sources: Array<[string, string]> = [['src/core/markdown/remark.ts', 'export const a = 1;'], ['src/core/article.ts', 'x']];

  it('changes when a schema changes', () => {
    const changed = structuredClone(schemas) as { COMMON_SCHEMA: { description?: string } };
    changed.COMMON_SCHEMA.description = 'geändert';
    expect(analysisFingerprint(changed, sources)).not.toBe(analysisFingerprint(schemas, sources));
  });

  it('changes when the source of the analysing code changes, not when the order of files does', () => {
    const base = analysisFingerprint(schemas, sources);
    expect(analysisFingerprint(schemas, [[sources[0]![0], 'export const a = 2;'], sources[1]!])).not.toBe(base);
    expect(analysisFingerprint(schemas, [...sources].reverse())).toBe(base);
  });

  it('of the running code covers what analyseArticle imports, and not the rules or the reports', () => {
    const names = analysisSources().map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining([
      'src/core/article.ts', 'src/core/frontmatter.ts', 'src/core/markdown/remark.ts', 'src/core/markdown/fast/scanner.ts',
      'src/core/schema/messages.ts', 'src/core/schema/validator.ts', 'schemas/post.schema.json',
    ]));
    for (const name of names) expect(name).toMatch(/^(?:src\/core\/(?!load\/)|schemas\/)/);
    expect(existsSync(join(ROOT, 'src/hr/format/html.ts'))).toBe(true);
    expect(currentAnalysisFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
