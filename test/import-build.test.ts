import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport, writeImport } from '../src/authoring/import';
import { articleRef } from '../src/coverage/coverage';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseIsoDate } from '../src/core/dates';
import { validateWiki } from '../src/validate/validate';
import { PNG, stellenbeschreibungDocx } from './docx-fixtures';
import { buildSite, MINI_WIKI, CORPORA, ROOT, tempDir, type BuildResult } from './helpers';

// The whole MoJ Modernisation Platform handbook imported into a temporary wiki, then built.
const MOJ = join(CORPORA, 'moj-modernisation-platform');
const TODAY = parseIsoDate('2026-11-30')!;
const project = tempDir('stellenwissen-import-build-');
const docs = join(project, 'docs');
let build: BuildResult;
// A Word file's image must reach the site's own static/ folder (Docusaurus resolves /img/… there);
// a unique id keeps it apart, and it is removed again afterwards.
const WORD_ID = `zz-importtest-${process.pid}`;
const WORD_IMAGES = join(ROOT, 'static/img', WORD_ID);

beforeAll(async () => {
  cpSync(MINI_WIKI, docs, { recursive: true });
  const moj = await planImport(loadWiki(docs, docs), {
    source: MOJ, type: 'guide', department: 'fb1', docs, staticDir: join(project, 'static'), today: TODAY,
  });
  writeImport(moj.writes);
  const word = join(project, 'Stellenbeschreibung.docx');
  writeFileSync(word, await stellenbeschreibungDocx());
  try {
    writeImport((await planImport(loadWiki(docs, docs), {
      source: word, type: 'post', department: 'fb1', id: WORD_ID, docs, staticDir: join(ROOT, 'static'), today: TODAY,
    })).writes);
    // The clerk fills in what the import marked (the build refuses placeholders).
    const article = join(docs, 'fb1', `${WORD_ID}.md`);
    writeFileSync(article, readFileSync(article, 'utf8').replace(/TODO: [^\n]*/g, 'Ergänzt.'));
    build = buildSite({ docsDir: docs });
  } finally {
    rmSync(WORD_IMAGES, { recursive: true, force: true });
  }
}, 900_000);

afterAll(() => rmSync(WORD_IMAGES, { recursive: true, force: true }));

describe('the imported MoJ handbook and Word file', () => {
  it('validates without errors and builds', () => {
    const errors = validateWiki(loadWiki(docs, docs), TODAY).findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.status).toBe(0);
  });

  it('has a page for every imported article, under its folder, with its title', () => {
    const wiki = loadWiki(docs, docs);
    expect(wiki.articles.length).toBe(6 + 136 + 1);
    for (const article of wiki.articles) {
      const ref = articleRef(article);
      const page = join(build.outDir, ref.path, 'index.html');
      expect(existsSync(page), page).toBe(true);
      const heading = /<h1>(.*?)<\/h1>/.exec(readFileSync(page, 'utf8'))?.[1];
      expect(heading?.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&quot;/g, '"'), ref.path).toBe(ref.title);
    }
  });
});

describe('an imported Word file on the site', () => {
  it('shows its table and its embedded image', () => {
    const html = readFileSync(join(build.outDir, 'fb1', WORD_ID, 'index.html'), 'utf8');
    expect(html).toMatch(/<th>Frist<th>Zeitpunkt/);
    const src = /<img[^>]+src=([^ >]+)[^>]*alt="Startmaske OK.GEWERBE"|<img[^>]+alt="Startmaske OK.GEWERBE"[^>]*src=([^ >]+)/.exec(html);
    expect(src, 'img element').not.toBeNull();
    const url = (src![1] ?? src![2]!).replace(/^"|"$/g, '');
    // Docusaurus inlines small images as data: URLs, larger ones become files under assets/.
    const bytes = url.startsWith('data:image/png;base64,') ? Buffer.from(url.slice(22), 'base64') : readFileSync(join(build.outDir, url));
    expect(bytes).toEqual(PNG);
  });
});
