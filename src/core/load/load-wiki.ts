import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { AnalysisCache, contentHash, type CachedAnalysis } from './analysis-cache';
import { withoutBody, type Article } from '../article';
import { normaliseText } from '../frontmatter';
import type { FileToAnalyse } from './parallel/messages';
import { analyseFile, readArticleBytes } from './analyse-file';
import { AnalysisPool } from './parallel/pool';
import { indexWiki, type Wiki } from '../wiki';
import type { ArticleType } from '../schema/schemas';
import { listArticleFiles, requireWikiFolder, toPosix } from '../wiki-files';

/**
 * Fewer files than this are analysed on the calling thread: starting a worker
 * (a new V8 isolate loading the parsers) costs about as much as 300 small articles.
 */
export const MIN_FILES_FOR_WORKERS = 400;

export interface LoadOptions {
  /** Directory the shown file paths are relative to (default: the process's). */
  cwd?: string;
  /** Reuse analyses of unchanged files (default true); false is `--no-cache`. */
  cache?: boolean;
  /** Where the cache lives and its fingerprint (tests); defaults to node_modules/.cache. */
  cacheDir?: string;
  fingerprint?: string;
  /** Threads that analyse the files not in the cache, the calling thread included (default: one per core). 1 = no worker thread. */
  threads?: number;
  /** Tests: the worker threads analyse every file, the calling thread none. */
  workersOnly?: boolean;
  /**
   * Without a cache: analyse the Markdown bodies of these types only, the others get
   * `markdown: undefined` (the audit reads posts' and handovers' bodies, the plan none).
   * With a cache every body is analysed, so that the cache serves every command.
   */
  bodies?: readonly ArticleType[];
  /** Keep each article's body text (`frontMatter.body`) — the site search needs it. */
  keepBody?: boolean;
  /** Progress of the analysis: files done of files to analyse (cache hits count at once). */
  onProgress?: (done: number, total: number) => void;
}

export interface LoadStats {
  files: number;
  /** Files whose analysis came from the cache. */
  fromCache: number;
  /** Files analysed in this run. */
  analysed: number;
  /** Worker threads used beside the calling thread (0: analysed on the calling thread alone). */
  workers: number;
  /** Files analysed on worker threads (the rest of `analysed` on the calling thread). */
  onWorkers: number;
}

interface Entry {
  path: string;
  file: string;
  relPath: string;
  /** Absent when the file is read where it is analysed (no cache: nothing to hash first). */
  bytes: Uint8Array | undefined;
  hash: string | undefined;
}

/** Shown and wiki-relative paths of the files below `root`, without a `relative` call per file. */
function pathNamer(root: string, cwd: string): (path: string) => { file: string; relPath: string } {
  const prefix = join(root, 'x').slice(0, -1);
  const shownRoot = toPosix(relative(cwd, root));
  return (path) => {
    if (!path.startsWith(prefix)) {
      return { file: toPosix(relative(cwd, path)) || path, relPath: toPosix(relative(root, path)) };
    }
    const relPath = toPosix(path.slice(prefix.length));
    return { file: shownRoot === '' ? relPath : `${shownRoot}/${relPath}`, relPath };
  };
}

function readEntry(path: string, names: { file: string; relPath: string }, hashing: boolean): Entry {
  const bytes = readArticleBytes(path);
  return { ...names, path, bytes, hash: hashing ? contentHash(bytes) : undefined };
}

function fromCache(entry: Entry, bytes: Uint8Array, cached: CachedAnalysis, keepBody: boolean): Article {
  const parts = entry.relPath.split('/');
  const article: Article = { ...cached, file: entry.file, relPath: entry.relPath, folder: parts.length > 1 ? parts[0] : undefined };
  if (keepBody && !cached.readProblem) {
    const text = normaliseText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    article.frontMatter = { ...cached.frontMatter, body: text.slice(cached.frontMatter.bodyOffset) };
  }
  return article;
}

/** Reads and analyses one file of the wiki (`path` absolute or relative to the cwd). */
export function readArticle(root: string, path: string, cwd: string = process.cwd()): Article {
  return analyseFile({ ...pathNamer(root, cwd)(path), path });
}

/**
 * The whole wiki on the calling thread, without the cache and with the bodies: the same
 * loader as loadWikiAsync with one thread and `cache: false` (tests, `new`, `review`, watch).
 */
export function loadWiki(root: string, cwd: string = process.cwd()): Wiki {
  requireWikiFolder(root);
  const names = pathNamer(root, cwd);
  return indexWiki(root, listArticleFiles(root).map((path) => analyseFile({ ...names(path), path })));
}

/**
 * Loads a wiki like `loadWiki`, for large wikis: analyses of unchanged files come from the
 * content-hash cache, the rest is analysed on the calling thread and on worker threads
 * (together one per core). The result is the same as `loadWiki`'s (tested), without body
 * texts unless `keepBody`.
 */
export async function loadWikiAsync(root: string, options: LoadOptions = {}): Promise<{ wiki: Wiki; stats: LoadStats }> {
  requireWikiFolder(root);
  const cwd = options.cwd ?? process.cwd();
  const keepBody = options.keepBody ?? false;
  const cache = options.cache === false ? undefined : new AnalysisCache(root, options.fingerprint, options.cacheDir);
  const bodies = cache ? undefined : options.bodies;

  const paths = listArticleFiles(root);
  const workerCount = (options.threads ?? availableParallelism()) - 1;
  const useWorkers = (count: number) => count >= MIN_FILES_FOR_WORKERS && workerCount > 0;
  // Cold run: boot the workers now; they need about half a second before they take files.
  let pool = (cache === undefined || cache.size === 0) && useWorkers(paths.length) ? AnalysisPool.start(workerCount) : undefined;
  pool?.catch(() => undefined); // awaited (and its error reported) below

  const names = pathNamer(root, cwd);
  // Without a cache nothing needs the bytes before the analysis: each thread reads its own files.
  const entries: Entry[] = paths.map((path) => (cache ? readEntry(path, names(path), true) : { ...names(path), path, bytes: undefined, hash: undefined }));
  const articles: Array<Article | undefined> = new Array(entries.length);
  const missing: number[] = [];
  entries.forEach((entry, i) => {
    const cached = entry.hash === undefined ? undefined : cache?.get(entry.hash);
    if (cached && entry.bytes) articles[i] = fromCache(entry, entry.bytes, cached, keepBody);
    else missing.push(i);
  });
  const total = entries.length;
  const hits = total - missing.length;
  options.onProgress?.(hits, total);

  if (!pool && useWorkers(missing.length)) pool = AnalysisPool.start(workerCount);
  else if (pool && !useWorkers(missing.length)) {
    void pool.then((p) => p.close(), () => undefined);
    pool = undefined;
  }
  let analysed: Article[];
  let workers = 0;
  let onWorkers = 0;
  if (pool) {
    const files: FileToAnalyse[] = missing.map((i) => ({ file: entries[i]!.file, relPath: entries[i]!.relPath, path: entries[i]!.path, bytes: entries[i]!.bytes }));
    const started = await pool;
    workers = started.size;
    try {
      ({ articles: analysed, onWorkers } = await started.analyse(files, { keepBody, bodies, workersOnly: options.workersOnly, onProgress: (done) => options.onProgress?.(hits + done, total) }));
    } finally {
      await started.close();
    }
  } else {
    analysed = missing.map((i, n) => {
      const article = analyseFile(entries[i]!, bodies);
      if ((n + 1) % 100 === 0) options.onProgress?.(hits + n + 1, total);
      return keepBody ? article : withoutBody(article);
    });
  }
  missing.forEach((i, n) => {
    const article = analysed[n]!;
    articles[i] = article;
    const hash = entries[i]!.hash;
    if (cache && hash !== undefined) cache.set(hash, article);
  });
  options.onProgress?.(total, total);
  cache?.save();
  return {
    wiki: indexWiki(root, articles as Article[]),
    stats: { files: total, fromCache: hits, analysed: missing.length, workers, onWorkers },
  };
}
