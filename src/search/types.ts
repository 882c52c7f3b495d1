/**
 * The files the index build writes and the search box reads (format 1).
 *
 *   suchindex/manifest.json              small: departments, type labels, list of shards
 *   suchindex/<department>-<n>.<hash>.json one lunr index + its document table per shard
 *   suchindex/titel.<hash>.json           large wikis only: titles + metadata of all articles
 *
 * A shard holds the articles of one department (split further past `maxDocumentsPerShard`),
 * so no single file grows with the size of the whole wiki. Scores are computed with the
 * wiki-wide document frequencies and field lengths, so results from different shards can
 * be merged by score as if they came from one index.
 */
export const SEARCH_FORMAT = 1;
export const SEARCH_DIR = 'suchindex';
export const MANIFEST_FILE = 'manifest.json';

/** Index fields: title, keywords (front-matter metadata), headings, body. */
export const FIELDS = { t: 10, k: 6, h: 3, b: 1 } as const;
export type FieldName = keyof typeof FIELDS;

/** One article, as the index build takes it (plain data, built from the wiki). */
export interface SearchDocument {
  /** URL path including the site's base URL. */
  url: string;
  title: string;
  /** Article type (`process`, `post`, …). */
  type: string;
  /** Department id (`fb32-ordnung`), or '' for articles outside a department. */
  department: string;
  /** Front-matter metadata as words: systems, LeiKa key, legal basis, tags, description, id. */
  keywords: string[];
  headings: string[];
  body: string;
}

export interface ShardInfo {
  file: string;
  department: string;
  documents: number;
  /** Size of the file in bytes (UTF-8). */
  bytes: number;
}

export interface SearchManifest {
  format: typeof SEARCH_FORMAT;
  /** Department id → title of the department article. */
  departments: Record<string, string>;
  /** Article type → German label. */
  types: Record<string, string>;
  documents: number;
  shards: ShardInfo[];
  /**
   * Large wikis: the title shard – titles and metadata (fields t and k) of every article,
   * loaded before the department shards; it answers while they are still on their way.
   */
  titles?: ShardInfo;
}

/** [url, title, type, department id] – the document's ref is its position. */
export type ShardDocument = [string, string, string, string];

export interface SearchShard {
  format: typeof SEARCH_FORMAT;
  docs: ShardDocument[];
  /** A serialised lunr 2 index (`lunr.Index.load`). */
  index: object;
}
