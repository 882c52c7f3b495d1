/**
 * Builds the sharded German search index from search documents. Pure: takes data, returns
 * file names and contents; writing them is the caller's business (src/search/plugin.ts).
 *
 * Pipeline per field: words (tokenize) → without stop words → Snowball stem (lunr-languages
 * `de`) → plus the stems of compound parts (decompound.ts), whose vocabulary is the wiki's
 * own words, curated administrative word parts and the German lexicon (lexicon.ts, passed
 * in by the caller so this module stays pure). lunr only stores the finished terms:
 * its own pipelines stay empty, so the search box analyses queries with the same code.
 */
import lunr from 'lunr';
import { decompounderFromVocabulary, type Decompounder, type Lexicon } from './decompound';
import { isLetterWord, isStopWord, stem, tokenize } from './german';
import { FIELDS, MANIFEST_FILE, SEARCH_FORMAT, type FieldName, type SearchDocument, type SearchManifest, type SearchShard, type ShardDocument, type ShardInfo } from './types';
import { ADMINISTRATIVE_WORD_PARTS } from './word-parts';

export interface BuildSearchIndexOptions {
  /** Department id → title (shown with every result). */
  departments: Record<string, string>;
  /** Article type → German label. */
  types: Record<string, string>;
  /** Noun forms for splitting compounds (`germanLexicon()` of lexicon.ts). */
  lexicon: Lexicon;
  /** Largest number of articles in one shard (a bigger department is split). Default 300. */
  maxDocumentsPerShard?: number;
  /**
   * From this many articles on, a title shard (titles and metadata of every article) is
   * written and loaded first, so a first result does not wait for all department shards.
   * Default 1,000.
   */
  titleShardFrom?: number;
}

export interface SearchIndexStats {
  documents: number;
  shards: number;
  /** Distinct indexed terms (stems and compound-part stems). */
  terms: number;
  /** Distinct words in the wiki and how many of them split into parts. */
  words: number;
  compounds: number;
  /** Bytes of all files together and of the largest one. */
  bytes: number;
  largestFileBytes: number;
}

export interface BuiltSearchIndex {
  manifest: SearchManifest;
  /** File name (relative to the search folder) → content; includes the manifest. */
  files: Map<string, string>;
  stats: SearchIndexStats;
}

/** The terms of a text: stems of its words plus the stems of compound parts (per article, see articleTerms). */
export function indexTerms(words: readonly string[], decompounder: Decompounder): string[] {
  const terms: string[] = [];
  for (const word of words) {
    if (isStopWord(word)) continue;
    terms.push(stem(word));
    if (isLetterWord(word)) terms.push(...decompounder.extraStems(word));
  }
  return terms;
}

type FieldWords = Record<FieldName, string[]>;
/** In the order of their boost: title, metadata, headings, body. */
const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** From this many articles on, a part that would stand in more than COMMON_PART_SHARE of them is left out. */
const COMMON_PART_MIN_DOCUMENTS = 100;
const COMMON_PART_SHARE = 0.9;

/**
 * The index terms of every article, per field: the stems of its words, and the stems of
 * compound parts – each part once per article, in the first field (by boost) whose compound
 * holds it, so a page stays findable by the part without the part outweighing the word
 * itself; and in a wiki of 100 articles or more, no part that would stand in more than 90 %
 * of them (it tells no page from another; boilerplate compounds in every article would
 * otherwise grow the index by a quarter – README „Suche“).
 */
function articleTerms(words: readonly FieldWords[], decompounder: Decompounder): Array<Record<FieldName, string[]>> {
  const parts = words.map((fields) => {
    const placed = new Set<string>();
    const perField = {} as Record<FieldName, string[]>;
    for (const field of FIELD_NAMES) {
      perField[field] = [];
      for (const word of fields[field]) {
        if (isStopWord(word) || !isLetterWord(word)) continue;
        for (const part of decompounder.extraStems(word)) {
          if (placed.has(part)) continue;
          placed.add(part);
          perField[field].push(part);
        }
      }
    }
    return { perField, placed };
  });
  const common = new Set<string>();
  if (words.length >= COMMON_PART_MIN_DOCUMENTS) {
    const articlesWith = new Map<string, number>();
    words.forEach((fields, i) => {
      const all = new Set(parts[i]!.placed);
      for (const field of FIELD_NAMES) for (const word of fields[field]) if (!isStopWord(word)) all.add(stem(word));
      for (const term of all) articlesWith.set(term, (articlesWith.get(term) ?? 0) + 1);
    });
    for (const [term, count] of articlesWith) if (count > COMMON_PART_SHARE * words.length) common.add(term);
  }
  return words.map((fields, i) => {
    const terms = {} as Record<FieldName, string[]>;
    for (const field of FIELD_NAMES) {
      terms[field] = fields[field].filter((word) => !isStopWord(word)).map((word) => stem(word));
      for (const part of parts[i]!.perField[field]) if (!common.has(part)) terms[field].push(part);
    }
    return terms;
  });
}

function fieldWords(doc: SearchDocument): FieldWords {
  return {
    t: tokenize(doc.title),
    k: doc.keywords.flatMap(tokenize),
    h: doc.headings.flatMap(tokenize),
    b: tokenize(doc.body),
  };
}

/** A decompounder over the words of the documents (with their counts), the curated parts and the lexicon. */
export function decompounderForWords(allWords: Iterable<readonly string[]>, lexicon: Lexicon): { decompounder: Decompounder; words: Map<string, number> } {
  const words = new Map<string, number>();
  for (const list of allWords) for (const w of list) words.set(w, (words.get(w) ?? 0) + 1);
  return { decompounder: decompounderFromVocabulary(words, ADMINISTRATIVE_WORD_PARTS, lexicon), words };
}

/** FNV-1a, 32 bit, as 8 hex digits: a content hash for cache-safe file names. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const utf8 = new TextEncoder();
const byteLength = (text: string) => utf8.encode(text).length;

function slug(department: string): string {
  return department.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'allgemein';
}

/** lunr's Builder internals used to score every shard with wiki-wide statistics. */
interface BuilderInternals {
  invertedIndex: Record<string, Record<string, unknown>>;
  fieldVectors: Record<string, lunr.Vector>;
  tokenSet: lunr.TokenSet;
  averageFieldLength: Record<string, number>;
  calculateAverageFieldLengths(): void;
  createFieldVectors(): void;
  createTokenSet(): void;
}

interface GlobalStats {
  documents: number;
  averageFieldLength: Record<FieldName, number>;
  /** Per term: number of (document, field) pairs holding it – what lunr's idf counts. */
  documentFrequency: Map<string, number>;
}

/** lunr's BM25 idf, over the whole wiki instead of one shard. */
function idf(frequency: number, documents: number): number {
  const x = (documents - frequency + 0.5) / (frequency + 0.5);
  return Math.log(1 + Math.abs(x));
}

function buildShardIndex(terms: Array<Record<FieldName, string[]>>, stats: GlobalStats): object {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.metadataWhitelist = [];
  builder.ref('i');
  for (const field of FIELD_NAMES) builder.field(field, { boost: FIELDS[field] });
  terms.forEach((fields, i) => builder.add({ i: String(i), ...fields }));
  const internals = builder as unknown as BuilderInternals;
  internals.calculateAverageFieldLengths();
  internals.averageFieldLength = { ...stats.averageFieldLength };
  const termOf = new Map<unknown, string>(Object.entries(internals.invertedIndex).map(([term, posting]) => [posting, term]));
  const lunrWithIdf = lunr as unknown as { idf: (posting: unknown, documents: number) => number };
  const shardIdf = lunrWithIdf.idf;
  lunrWithIdf.idf = (posting) => idf(stats.documentFrequency.get(termOf.get(posting)!) ?? 0, stats.documents);
  try {
    internals.createFieldVectors();
  } finally {
    lunrWithIdf.idf = shardIdf;
  }
  internals.createTokenSet();
  // (@types/lunr names the vectors `documentVectors`; lunr 2.3.9 reads `fieldVectors`.)
  const index = new lunr.Index({
    invertedIndex: internals.invertedIndex,
    fieldVectors: internals.fieldVectors,
    tokenSet: internals.tokenSet,
    fields: FIELD_NAMES,
    pipeline: builder.searchPipeline,
  } as unknown as lunr.Index.Attributes);
  return index.toJSON();
}

export function buildSearchIndex(documents: readonly SearchDocument[], options: BuildSearchIndexOptions): BuiltSearchIndex {
  const maxPerShard = Math.max(1, options.maxDocumentsPerShard ?? 300);
  const words = documents.map(fieldWords);
  const { decompounder, words: vocabulary } = decompounderForWords(words.flatMap((w) => FIELD_NAMES.map((f) => w[f])), options.lexicon);

  const terms = articleTerms(words, decompounder);

  const lengths = { t: 0, k: 0, h: 0, b: 0 } as Record<FieldName, number>;
  const documentFrequency = new Map<string, number>();
  for (const fields of terms) {
    for (const field of FIELD_NAMES) {
      lengths[field] += fields[field].length;
      for (const term of new Set(fields[field])) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const n = documents.length;
  const averageFieldLength = {} as Record<FieldName, number>;
  for (const field of FIELD_NAMES) averageFieldLength[field] = n > 0 ? lengths[field] / n : 0;
  const stats: GlobalStats = { documents: n, averageFieldLength, documentFrequency };

  // Shards: per department (sorted by id), articles by URL, at most maxPerShard each.
  const byDepartment = new Map<string, number[]>();
  documents.forEach((doc, i) => byDepartment.set(doc.department, [...(byDepartment.get(doc.department) ?? []), i]));
  const files = new Map<string, string>();
  const shards: ShardInfo[] = [];
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const department of [...byDepartment.keys()].sort((a, b) => a.localeCompare(b, 'de', { numeric: true }))) {
    const members = byDepartment.get(department)!.sort((a, b) => compare(documents[a].url, documents[b].url));
    for (let start = 0, part = 1; start < members.length; start += maxPerShard, part++) {
      const chunk = members.slice(start, start + maxPerShard);
      const docs: ShardDocument[] = chunk.map((i) => [documents[i].url, documents[i].title, documents[i].type, documents[i].department]);
      const shard: SearchShard = { format: SEARCH_FORMAT, docs, index: buildShardIndex(chunk.map((i) => terms[i]), stats) };
      const content = JSON.stringify(shard);
      const file = `${slug(department)}-${part}.${hash(content)}.json`;
      files.set(file, content);
      shards.push({ file, department, documents: chunk.length, bytes: byteLength(content) });
    }
  }

  // The title shard: every article, only its title and metadata terms, scored with the
  // same wiki-wide statistics (so its scores are the t/k part of the full scores). Compound
  // parts come only from titles: parts of metadata words would make it a sixth larger and
  // the first result slower (npm run bench); their matches arrive with the department shards.
  let titles: ShardInfo | undefined;
  if (n >= (options.titleShardFrom ?? 1000)) {
    const docs: ShardDocument[] = documents.map((d) => [d.url, d.title, d.type, d.department]);
    const titleTerms = terms.map((fields, i) => ({ t: fields.t, k: words[i]!.k.filter((w) => !isStopWord(w)).map((w) => stem(w)), h: [], b: [] }));
    const content = JSON.stringify({ format: SEARCH_FORMAT, docs, index: buildShardIndex(titleTerms, stats) } satisfies SearchShard);
    titles = { file: `titel.${hash(content)}.json`, department: '', documents: n, bytes: byteLength(content) };
    files.set(titles.file, content);
  }

  const manifest: SearchManifest = {
    format: SEARCH_FORMAT, departments: options.departments, types: options.types, documents: n, shards, ...(titles ? { titles } : {}),
  };
  const manifestText = JSON.stringify(manifest);
  files.set(MANIFEST_FILE, manifestText);

  let compounds = 0;
  for (const word of vocabulary.keys()) if (decompounder.split(word)) compounds++;
  const sizes = [...files.values()].map(byteLength);
  return {
    manifest,
    files,
    stats: {
      documents: n,
      shards: shards.length,
      terms: documentFrequency.size,
      words: vocabulary.size,
      compounds,
      bytes: sizes.reduce((a, b) => a + b, 0),
      largestFileBytes: Math.max(0, ...sizes),
    },
  };
}
