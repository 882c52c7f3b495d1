/**
 * The search engine of the search box: loads the manifest and the shards of the index
 * (see types.ts) from the site's own origin and answers queries. Framework-free and
 * DOM-free (fetching is injected), so unit tests run it against a built index on disk.
 *
 * Query semantics: every word must match (AND). A word matches its Snowball stem – which
 * in the index also stands for compound parts, so `Anmeldung` finds `Gewerbeanmeldung` –
 * and the last word, while still being typed, also matches as a prefix (`Gewerbeanm`).
 * A word that matches nothing at all is split into known parts (`Gaststättengewerbe` →
 * `Gaststätte` + `Gewerbe`) and each part must match.
 */
import lunr from 'lunr';
import { decompounderFromIndex } from './decompound';
import { fold, isStopWord, stem, tokenize } from './german';
import { MANIFEST_FILE, SEARCH_DIR, SEARCH_FORMAT, type FieldName, type SearchManifest, type SearchShard } from './types';

export interface QueryWord {
  word: string;
  stem: string;
  /** The folded word, for prefix matching while it is typed. */
  folded: string;
  /** True for the last word while the user may still be typing it. */
  prefix: boolean;
}

/** The words of a query that can match: no stop words, no one-letter words. */
export function parseQuery(query: string): QueryWord[] {
  const words = tokenize(query).filter((w) => !isStopWord(w));
  const typing = !/\s$/.test(query);
  return words.map((word, i) => ({ word, stem: stem(word), folded: fold(word), prefix: typing && i === words.length - 1 }));
}

export interface SearchHit {
  url: string;
  title: string;
  type: string;
  /** German label of the type (`Prozess`). */
  typeLabel: string;
  department: string;
  /** Title of the department article (`Fachbereich 32 – Bürgerdienste und Ordnung`). */
  departmentTitle: string;
  score: number;
  /** Where the words matched: t title, k metadata, h headings, b body. */
  fields: FieldName[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** All matching articles (hits holds at most `limit`). */
  total: number;
  /** Shards searched / shards in the index (fewer while the index is still loading). */
  searchedShards: number;
  totalShards: number;
}

type Matches = Map<string, { score: number; fields: Set<FieldName> }>;

interface LoadedShard {
  docs: SearchShard['docs'];
  index: lunr.Index;
  terms: Record<string, unknown>;
  /** Matches per query word: a shard that arrives later does not make the others search again. */
  cache: Map<string, Matches>;
}

/** Pause after the title shard, so its results are rendered before the rest of the index loads. */
const FIRST_RESULTS_MS = 50;

/** Cached query words per shard before the cache starts afresh. */
const MATCH_CACHE_SIZE = 500;

function loadShard(shard: SearchShard): LoadedShard {
  const index = lunr.Index.load(shard.index);
  return { docs: shard.docs, index, terms: (index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex, cache: new Map() };
}

export type FetchJson = (url: string) => Promise<unknown>;

const defaultFetchJson: FetchJson = async (url) => {
  const response = await fetch(url, { credentials: 'same-origin', cache: url.endsWith(MANIFEST_FILE) ? 'no-cache' : 'default' });
  if (!response.ok) throw new Error(`HTTP ${response.status} für ${url}`);
  return response.json();
};

/** Boost of an exact stem match over a prefix match. */
const EXACT = 10;
const PREFIX = 1;

export class SearchEngine {
  private manifest: SearchManifest | undefined;
  private readonly shards: LoadedShard[] = [];
  /** The title shard of a large wiki, until every department shard is there. */
  private titles: LoadedShard | undefined;
  /** URLs of the articles whose department shard is loaded (the title shard no longer answers for them). */
  private readonly covered = new Set<string>();
  private loading: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();
  /** Set when the index could not be loaded. */
  error: Error | undefined;

  /** `baseUrl` of the site (`/` or `/wiki/`); the index lives under `<baseUrl>search/`. */
  constructor(private readonly baseUrl: string, private readonly fetchJson: FetchJson = defaultFetchJson) {}

  get totalShards(): number {
    return this.manifest?.shards.length ?? 0;
  }

  get loadedShards(): number {
    return this.shards.length;
  }

  get ready(): boolean {
    return this.manifest !== undefined && this.shards.length === this.manifest.shards.length;
  }

  /** Called whenever another shard has become searchable (or loading failed). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Fetches the manifest, then – in a large wiki – the title shard, then every department
   * shard at once; each is searchable as soon as it has arrived, so the first results wait
   * neither for the whole index nor for the department that holds them.
   */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const folder = `${this.baseUrl.replace(/\/?$/, '/')}${SEARCH_DIR}/`;
      try {
        const manifest = (await this.fetchJson(folder + MANIFEST_FILE)) as SearchManifest;
        if (manifest?.format !== SEARCH_FORMAT) throw new Error('Suchindex in unbekanntem Format');
        this.manifest = manifest;
        this.notify();
        if (manifest.titles) {
          this.titles = loadShard((await this.fetchJson(folder + manifest.titles.file)) as SearchShard);
          this.notify();
          // Let the page show these first results before the department shards keep the
          // main thread busy (measured in Chromium at 5,000 articles: npm run bench).
          await new Promise((resolveYield) => setTimeout(resolveYield, FIRST_RESULTS_MS));
        }
        await Promise.all(manifest.shards.map(async ({ file }) => {
          const shard = loadShard((await this.fetchJson(folder + file)) as SearchShard);
          for (const [url] of shard.docs) this.covered.add(url);
          this.shards.push(shard);
          if (this.ready) this.titles = undefined;
          this.notify();
        }));
      } catch (error) {
        this.error = error instanceof Error ? error : new Error(String(error));
        this.notify();
      }
    })();
    return this.loading;
  }

  /** Matches of one word in one shard: ref → score and fields. */
  private match(shard: LoadedShard, word: QueryWord): Matches {
    const key = `${word.stem}\0${word.folded}\0${word.prefix ? 1 : 0}`;
    const cached = shard.cache.get(key);
    if (cached) return cached;
    const results = shard.index.query((q) => {
      q.term(word.stem, { usePipeline: false, boost: EXACT });
      if (word.prefix) {
        q.term(word.stem, { usePipeline: false, boost: PREFIX, wildcard: lunr.Query.wildcard.TRAILING });
        if (word.folded !== word.stem) q.term(word.folded, { usePipeline: false, boost: PREFIX, wildcard: lunr.Query.wildcard.TRAILING });
      }
    });
    const matches = new Map<string, { score: number; fields: Set<FieldName> }>();
    for (const result of results) {
      const fields = new Set<FieldName>();
      for (const perField of Object.values(result.matchData.metadata)) for (const field of Object.keys(perField)) fields.add(field as FieldName);
      matches.set(result.ref, { score: result.score, fields });
    }
    if (shard.cache.size >= MATCH_CACHE_SIZE) shard.cache.clear();
    shard.cache.set(key, matches);
    return matches;
  }

  /** The shards to search now: the loaded department shards, and the title shard while they are incomplete. */
  private searchable(): LoadedShard[] {
    return this.titles ? [...this.shards, this.titles] : this.shards.slice();
  }

  private isKnownStem = (s: string): boolean => this.searchable().some((shard) => Object.prototype.hasOwnProperty.call(shard.terms, s));

  search(query: string, limit = 20): SearchResult {
    const result: SearchResult = { hits: [], total: 0, searchedShards: this.shards.length, totalShards: this.totalShards };
    const manifest = this.manifest;
    const shards = this.searchable();
    const titles = this.titles;
    let words = parseQuery(query);
    if (!manifest || words.length === 0) return result;
    // matches[w][s]: the matches of word w in shard s.
    let matches: Matches[][] = words.map((word) => shards.map((shard) => this.match(shard, word)));
    // A word that matches nothing anywhere: try its compound parts instead.
    const decompounder = decompounderFromIndex(this.isKnownStem);
    const expanded: QueryWord[] = [];
    const expandedMatches: Matches[][] = [];
    words.forEach((word, w) => {
      const compound = matches[w].every((m) => m.size === 0) ? decompounder.split(word.word) : undefined;
      if (!compound) {
        expanded.push(word);
        expandedMatches.push(matches[w]);
        return;
      }
      for (const part of compound.parts) {
        const partWord: QueryWord = { word: part, stem: stem(part), folded: part, prefix: false };
        expanded.push(partWord);
        expandedMatches.push(shards.map((shard) => this.match(shard, partWord)));
      }
    });
    words = expanded;
    matches = expandedMatches;
    const hits: SearchHit[] = [];
    shards.forEach((shard, s) => {
      let combined: Matches | undefined;
      for (let w = 0; w < words.length && (!combined || combined.size > 0); w++) {
        const found = matches[w][s];
        if (!combined) {
          combined = found;
          continue;
        }
        const next: Matches = new Map();
        for (const [ref, match] of found) {
          const before = combined.get(ref);
          if (before) next.set(ref, { score: before.score + match.score, fields: new Set([...before.fields, ...match.fields]) });
        }
        combined = next;
      }
      for (const [ref, match] of combined ?? []) {
        const [url, title, type, department] = shard.docs[Number(ref)];
        if (shard === titles && this.covered.has(url)) continue; // its department shard answers
        hits.push({
          url,
          title,
          type,
          typeLabel: manifest.types[type] ?? type,
          department,
          departmentTitle: manifest.departments[department] ?? department,
          score: match.score,
          fields: (['t', 'k', 'h', 'b'] as FieldName[]).filter((f) => match.fields.has(f)),
        });
      }
    });
    hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'de'));
    result.total = hits.length;
    result.hits = hits.slice(0, limit);
    return result;
  }
}
