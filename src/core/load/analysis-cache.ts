import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { withoutBody, type Article } from '../article';
import { writeFileAtomic } from '../fs-atomic';
import { COMMON_SCHEMA, TYPE_SCHEMAS } from '../schema/schemas';
import { activeSchemaModel, type SchemaModel } from '../schema/model';
import { importClosure, projectPath } from './module-graph';
import { CACHE_DIR, DIST_DIR, FROM_SOURCE } from '../../runtime/layout.cjs';

/**
 * The per-file analysis (front matter, schema outcome, body facts) cached by the file's
 * content hash, so an unchanged wiki is not parsed again. Only analyses are cached: every
 * rule — the cross-file ones (`duplicate-id`, `reference`) and the date-dependent `stale`
 * included — runs on every call. The cache is one file per wiki folder under
 * node_modules/.cache/stellenwissen/analysis/, stamped with a fingerprint of the schemas
 * and of the analysing code (see analysisSources); a different fingerprint means an empty cache.
 */

/** What is cached per content hash: an article minus its path and its body text. */
export type CachedAnalysis = Omit<Article, 'file' | 'relPath' | 'folder'>;

/** Bump when the shape of `CachedAnalysis` changes. */
const CACHE_FORMAT = 1;

export const PROJECT_ROOT = resolve(__dirname, '../../..');
export const DEFAULT_CACHE_DIR = join(CACHE_DIR, 'analysis');
/**
 * In the installed package, where no sources are, the fingerprint of the analysing code's
 * sources as they were when the package was built (written by src/package/build.ts).
 */
export const SHIPPED_SOURCES_FILE = join(DIST_DIR, 'analysis-sources.sha256');

/** The module that analyses an article: its source and all it imports shape what is cached. */
const ANALYSIS_ENTRY = join(PROJECT_ROOT, 'src/core/article.ts');

/** Content hash of a file's bytes (not a security boundary: only finds unchanged files). */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/**
 * Fingerprint of everything an analysis depends on besides the file: the cache format,
 * the schemas and the source text of the analysing code. Changing a schema or the parsing
 * yields another fingerprint, and with it an empty cache; a rule or a report does not.
 */
export function analysisFingerprint(schemas: unknown, sources: ReadonlyArray<readonly [string, string]>): string {
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\n`).update(JSON.stringify(schemas));
  for (const [name, text] of [...sources].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`\n${name}\n`).update(text);
  return hash.digest('hex');
}

/**
 * The sources of the analysing code as they are on disk now: `analyseArticle`'s module and
 * everything it imports (front matter, Markdown, schema messages, the schemas), not the
 * rules or the reports, which run on every call (none when not shipped).
 */
export function analysisSources(): Array<[string, string]> {
  if (!FROM_SOURCE) return existsSync(SHIPPED_SOURCES_FILE) ? [['shipped', readFileSync(SHIPPED_SOURCES_FILE, 'utf8')]] : [];
  return importClosure([ANALYSIS_ENTRY]).map((file) => [projectPath(PROJECT_ROOT, file), readFileSync(file, 'utf8')]);
}

let analysedSources: Array<[string, string]> | undefined;
const fingerprintByModel = new WeakMap<SchemaModel, string>();

/**
 * The fingerprint of the running code, the shipped schemas and the wiki's extensions in
 * force (their files' text: a changed extension never serves an analysis made without it).
 */
export function currentAnalysisFingerprint(): string {
  const model = activeSchemaModel();
  let fingerprint = fingerprintByModel.get(model);
  if (fingerprint === undefined) {
    analysedSources ??= analysisSources();
    const extensions = Object.entries(model.local).map(([type, extension]) => [type, extension.text]);
    // Without extensions exactly the shipped schemas, as before there were any.
    fingerprint = analysisFingerprint(extensions.length > 0 ? { COMMON_SCHEMA, TYPE_SCHEMAS, extensions } : { COMMON_SCHEMA, TYPE_SCHEMAS }, analysedSources);
    fingerprintByModel.set(model, fingerprint);
  }
  return fingerprint;
}

interface CacheFile {
  fingerprint: string;
  entries: Map<string, CachedAnalysis>;
}

/** The cache of one wiki folder: read once, looked up by content hash, written back when it changed. */
export class AnalysisCache {
  private readonly path: string;
  private readonly previous: Map<string, CachedAnalysis>;
  private readonly next = new Map<string, CachedAnalysis>();
  private changed = false;

  constructor(wikiRoot: string, readonly fingerprint: string = currentAnalysisFingerprint(), dir: string = DEFAULT_CACHE_DIR) {
    const key = createHash('sha1').update(resolve(wikiRoot)).digest('hex').slice(0, 16);
    this.path = join(dir, `${key}.v8`);
    this.previous = this.read();
  }

  private read(): Map<string, CachedAnalysis> {
    try {
      const file = deserialize(readFileSync(this.path)) as CacheFile;
      if (file.fingerprint === this.fingerprint && file.entries instanceof Map) return file.entries;
    } catch {
      // missing or unreadable: start empty (the cache only ever saves time)
    }
    this.changed = true;
    return new Map();
  }

  /** Number of analyses read from disk (0: a cold cache). */
  get size(): number {
    return this.previous.size;
  }

  /** The cached analysis of content with this hash (kept for the next write). */
  get(hash: string): CachedAnalysis | undefined {
    const entry = this.previous.get(hash);
    if (entry) this.next.set(hash, entry);
    return entry;
  }

  set(hash: string, article: Article): void {
    const { file: _file, relPath: _relPath, folder: _folder, ...analysis } = withoutBody(article);
    this.next.set(hash, analysis);
    this.changed = true;
  }

  /**
   * Writes the entries used in this run (entries of removed or changed files drop out),
   * atomically; skipped when nothing changed. A failed write only costs time next run.
   */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    try {
      writeFileAtomic(this.path, serialize({ fingerprint: this.fingerprint, entries: this.next } satisfies CacheFile));
    } catch {
      // read-only node_modules or full disk: the next run is simply cold again
    }
  }
}
