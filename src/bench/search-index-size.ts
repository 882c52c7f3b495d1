/**
 * For `npm run bench`: the search index of a wiki built in-process (as the Docusaurus plugin
 * builds it, without the site) – its size raw and gzip, total and largest file, and the
 * time of loading the German lexicon and of building the index – and the quality of
 * compound splitting on the evaluation list (compound-quality.ts).
 */
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadWiki, type Wiki } from '../core/wiki';
import { TYPE_LABELS } from '../core/schema/labels';
import { buildSearchIndex, decompounderForWords, type BuiltSearchIndex } from '../search/build';
import type { Lexicon } from '../search/decompound';
import { departmentTitles, searchDocumentsFromWiki } from '../search/documents';
import { germanLexicon } from '../search/lexicon';
import { evaluateDecompounder, readCompoundList, type CompoundQuality } from './compound-quality';

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
