import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { stringValue } from '../src/core/article';
import { parseIsoDate } from '../src/core/dates';
import type { Finding } from '../src/core/finding';
import { formatFinding } from '../src/validate/format/text';
import { loadWiki } from '../src/core/load/load-wiki';
import { resetWikiExtensions, useWikiExtensions } from '../src/core/schema/extensions';
import type { Wiki } from '../src/core/wiki';
import { generateWiki, writeGeneratedWiki } from '../src/bench/generate';
import { entryCard } from '../src/editing/client/card';
import { entryRelPath, entryText } from '../src/editing/client/entry-text';
import { checkEntry, findingLines } from '../src/editing/client/findings';
import { openPreviewData, type PreviewIndex } from '../src/editing/client/wiki';
import { EntryFormat } from '../src/editing/front-matter-format';
import { createPreviewData, type PreviewData } from '../src/editing/preview-data';
import { buildSiteData } from '../src/plugin/site-data';
import { RULES } from '../src/validate/rules/index';
import { validateWiki } from '../src/validate/validate';
import { MINI_WIKI, overlayWiki, ROOT, tempDir } from './helpers';

const TODAY_TEXT = '2026-11-28';
const TODAY = parseIsoDate(TODAY_TEXT)!;
const BASE_URL = '/wiki/';

afterEach(() => resetWikiExtensions());

/** `npm run validate` itself (the CLI as a child process), its findings as JSON. */
function cliFindings(cwd: string, docs: string): Finding[] {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/run.cjs'), 'validate', '--docs', docs, '--today', TODAY_TEXT, '--format', 'json'], { cwd, encoding: 'utf8' });
  expect(result.status, result.stderr).not.toBe(2);
  return JSON.parse(result.stdout) as Finding[];
}

/** The preview data as the browser gets it: through JSON, opened in a fresh schema model. */
function browserIndex(wiki: Wiki): PreviewIndex {
  const json = JSON.stringify(createPreviewData(wiki, { baseUrl: BASE_URL }));
  resetWikiExtensions();
  return openPreviewData(JSON.parse(json) as PreviewData);
}

function lines(findings: Finding[], file: string): string[] {
  return findings.filter((f) => f.file === file).map(formatFinding);
}

/**
 * For every article: the browser's findings of that file (given its text and the preview data)
 * are validate's findings of that file, and its card is the site's card.
 */
function expectSameAsValidate(root: string, cwd: string, expected: Finding[]): number {
  const wiki = loadWiki(root, cwd);
  const site = buildSiteData(wiki, validateWiki(wiki, TODAY), TODAY, BASE_URL);
  const index = browserIndex(wiki);
  let compared = 0;
  for (const article of wiki.articles) {
    const check = checkEntry(index, article.relPath, readFileSync(join(root, article.relPath), 'utf8'), TODAY);
    expect(findingLines(check), article.file).toEqual(lines(expected, article.file));
    const id = stringValue(article, 'id');
    if (id !== undefined && article.type !== undefined && (wiki.byId.get(id)?.length ?? 0) === 1) {
      expect(entryCard(check, BASE_URL), article.file).toEqual(site.cards[id]);
    }
    compared++;
  }
  return compared;
}

describe('findings in the editor preview: the same as validate', () => {
  it('every article of the sample wiki (docs/), compared with the CLI', () => {
    const expected = cliFindings(ROOT, 'docs');
    expect(expected.length).toBeGreaterThan(0); // the sample wiki has stale reviews on that day
    expect(expectSameAsValidate(join(ROOT, 'docs'), ROOT, expected)).toBeGreaterThan(50);
  });

  it('a wiki with its own keys and sections (erweiterungen/), compared with the CLI', () => {
    const root = join(ROOT, 'test/fixtures/extension-wiki');
    const expected = cliFindings(root, 'docs');
    useWikiExtensions(root, root);
    expect(expectSameAsValidate(join(root, 'docs'), root, expected)).toBeGreaterThan(3);
  });

  it('a wiki with broken files and hostile HTML, compared with the CLI', () => {
    const root = overlayWiki({
      'fb1/stelle-1-002.md': 'REPLACE:deputies: [stelle-1-001]=>deputies: [stelle-1-011]',
      'fb1/antrag-bearbeiten.md': 'REPLACE:## Sonderfälle\n\nKeine bekannt.=>## Sonderfälle\n\nTODO: Sonderfälle beschreiben',
      'fb1/kopie.md': 'COPY:fb1/anleitung-ablage.md',
      'fb1/notiz.md': '# Notiz\n\nNur Text.\n',
      'fb1/liste.md': '---\n- id: liste\n---\nText.\n',
      'fb1/bild.md': '\u0000\u0001PNG',
    });
    const expected = cliFindings(root, '.');
    expect(new Set(expected.map((f) => f.rule))).toEqual(new Set(['yaml', 'duplicate-id', 'reference', 'placeholder']));
    expect(expectSameAsValidate(root, root, expected)).toBeGreaterThan(6);
    const hostile = join(ROOT, 'test/fixtures');
    expect(expectSameAsValidate(join(hostile, 'hostile-wiki'), hostile, cliFindings(hostile, 'hostile-wiki'))).toBeGreaterThan(3);
  });

  it('every documented example of every rule', () => {
    let examples = 0;
    for (const rule of RULES) {
      for (const example of rule.examples) {
        const root = overlayWiki(example.files);
        const today = parseIsoDate(example.today ?? TODAY_TEXT)!;
        const wiki = loadWiki(root, root);
        const expected = validateWiki(wiki, today).findings;
        const index = browserIndex(wiki);
        for (const article of wiki.articles) {
          const text = readFileSync(join(root, article.relPath));
          const check = checkEntry(index, article.relPath, new TextDecoder().decode(text), today);
          // Binary files reach the browser only as text; their finding is the same yaml one either way.
          expect(findingLines(check), `${rule.id}: ${example.title}: ${article.file}`).toEqual(lines(expected, article.file));
        }
        examples++;
      }
    }
    expect(examples).toBeGreaterThan(15);
  });

  it('a new article, not yet in the preview data, is checked where the file will lie', () => {
    const root = overlayWiki({ 'fb1/kopie.md': 'COPY:fb1/anleitung-ablage.md' });
    const text = readFileSync(join(root, 'fb1/kopie.md'), 'utf8');
    const withFile = validateWiki(loadWiki(root, root), TODAY).findings;
    rmSync(join(root, 'fb1/kopie.md'));
    const index = browserIndex(loadWiki(root, root));
    expect(index.articles.some((a) => a.relPath === 'fb1/kopie.md')).toBe(false);
    expect(findingLines(checkEntry(index, 'fb1/kopie.md', text, TODAY))).toEqual(lines(withFile, 'fb1/kopie.md'));
    expect(lines(withFile, 'fb1/kopie.md')).toEqual([
      'fb1/kopie.md:2:1 error Kennung „anleitung-ablage“ ist mehrfach vergeben (auch in fb1/anleitung-ablage.md): Geben Sie einem der Artikel eine eigene Kennung. [duplicate-id]',
    ]);
  });
});

describe('findings in the editor preview: what a clerk sees while typing', () => {
  const post = readFileSync(join(MINI_WIKI, 'fb1/stelle-1-002.md'), 'utf8');
  const index = () => browserIndex(loadWiki(MINI_WIKI, MINI_WIKI));

  it('an emptied required section', () => {
    const text = post.replace('Die Leitung vertritt.', '');
    expect(text).not.toBe(post);
    const messages = checkEntry(index(), 'fb1/stelle-1-002.md', text, TODAY).findings.map((f) => `${f.severity} ${f.message}`);
    expect(messages).toContain('error Abschnitt „## Vertretung“ ist leer: Schreiben Sie den Inhalt unter die Überschrift.');
  });

  it('an unknown deputy names the nearest post', () => {
    const text = post.replace('deputies: [stelle-1-001]', 'deputies: [stelle-1-011]');
    expect(checkEntry(index(), 'fb1/stelle-1-002.md', text, TODAY).findings.map((f) => f.message)).toEqual([
      'Vertretung (deputies) „stelle-1-011“: Eine Stelle mit dieser Kennung gibt es nicht. Meinten Sie „stelle-1-001“? Vorhanden in diesem Fachbereich: stelle-1-002.',
    ]);
  });

  it('an article opened and saved unchanged through the editor’s file format: the preview sees the file', () => {
    const wiki = loadWiki(join(ROOT, 'docs'), ROOT);
    const expected = validateWiki(wiki, TODAY).findings;
    const browser = browserIndex(wiki);
    const format = new EntryFormat();
    for (const article of wiki.articles) {
      const entry = format.fromFile(readFileSync(join(ROOT, 'docs', article.relPath), 'utf8'));
      const check = checkEntry(browser, article.relPath, format.toFile(entry), TODAY);
      expect(findingLines(check), article.file).toEqual(lines(expected, article.file));
    }
  });

  it('the entry text as Decap’s own YAML writes it (the fallback) gives the same findings as the file (lines aside)', () => {
    const root = overlayWiki({ 'fb1/stelle-1-002.md': 'REPLACE:Die Leitung vertritt.=>TODO: Vertretung klären' });
    const wiki = loadWiki(root, root);
    const expected = validateWiki(wiki, TODAY).findings;
    const browser = browserIndex(wiki);
    for (const article of wiki.articles) {
      const text = readFileSync(join(root, article.relPath), 'utf8');
      const [, yaml, body] = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(text)!;
      // What Decap's entry holds: the parsed front matter and the body.
      const entry = entryText({ ...(parseYaml(yaml!) as Record<string, unknown>), body });
      const got = checkEntry(browser, article.relPath, entry, TODAY).findings.map((f) => `${f.severity} ${f.message} [${f.rule}]`);
      expect(got, article.file).toEqual(expected.filter((f) => f.file === article.file).map((f) => `${f.severity} ${f.message} [${f.rule}]`));
    }
    expect(expected.some((f) => f.rule === 'placeholder')).toBe(true);
  });

  it('finds the edited file below the collection folder, a new one where it will be created', () => {
    expect(entryRelPath('docs/fb1/import/alt.md', 'docs', { id: 'alt', department: 'fb1' })).toBe('fb1/import/alt.md');
    expect(entryRelPath('wiki/docs/fb1/a.md', 'wiki/docs/', { id: 'a' })).toBe('fb1/a.md');
    expect(entryRelPath(undefined, 'docs', { id: 'neu-1', type: 'process', department: 'fb1' })).toBe('fb1/neu-1.md');
    expect(entryRelPath('', 'docs', { id: 'fb9', type: 'department' })).toBe('fb9/index.md');
  });

  it('judges stale on the day it runs, not on the day the data was built', () => {
    const data = createPreviewData(loadWiki(MINI_WIKI, MINI_WIKI), { baseUrl: BASE_URL });
    expect(JSON.stringify(data)).not.toMatch(/today|20\d\d-\d\d-\d\dT/);
    const guide = readFileSync(join(MINI_WIKI, 'fb1/anleitung-ablage.md'), 'utf8');
    const rules = (day: string) => checkEntry(openPreviewData(data), 'fb1/anleitung-ablage.md', guide, parseIsoDate(day)!).findings.map((f) => f.rule);
    expect(rules('2026-06-02')).toEqual([]);
    expect(rules('2099-01-01')).toEqual(['stale']);
  });
});

describe('preview data', () => {
  it('at 1,000 generated articles: every article with an id, only shared keys, no register data (size printed for the bench)', () => {
    const out = tempDir('stellenwissen-preview-');
    const generated = generateWiki({ articles: 1000, seed: 1 });
    writeGeneratedWiki(out, generated);
    const wiki = loadWiki(join(out, 'docs'), out);
    const data = createPreviewData(wiki, { baseUrl: '/' });
    const json = JSON.stringify(data);
    expect(data.articles).toHaveLength(1000);
    expect(data.docs).toBe('docs');
    expect(data.articles.map((a) => a.path)).toEqual(wiki.articles.map((a) => a.relPath));
    const keys = new Set(data.articles.flatMap((a) => Object.keys(a.data)));
    expect([...keys].sort()).toEqual(expect.arrayContaining(['deputies', 'id', 'owner', 'performers', 'type']));
    for (const dropped of ['systems', 'legal_basis', 'tags', 'leika']) expect(keys.has(dropped), dropped).toBe(false);
    // The register beside the wiki (names, birth dates) never reaches the preview.
    const register = readFileSync(join(out, 'austritte.csv'), 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
    const holders = register.map((row) => row.split(/[;,]/)[1]!).filter((name) => name && /\p{L}{3}/u.test(name));
    expect(holders.length).toBeGreaterThan(10);
    for (const holder of holders) expect(json.includes(holder), holder).toBe(false);
    console.log(`preview-data.json at 1,000 articles: ${json.length} bytes, ${gzipSync(json).length} bytes gzip (${relative(ROOT, out) || out})`);
  });
});
