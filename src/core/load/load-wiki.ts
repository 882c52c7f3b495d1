import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { AnalysisCache, contentHash, type CachedAnalysis } from './analysis-cache';
import { analyseArticle, withoutBody, type Article } from '../article';
import { normaliseText } from '../frontmatter';
import type { FileToAnalyse } from './parallel/messages';
import { AnalysisPool } from './parallel/pool';
import { indexWiki, type Wiki } from '../wiki';
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
  /** Worker threads for the files not in the cache (default: one per core). 1 = none. */
  workers?: number;
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
  /** Worker threads used (0: analysed on the calling thread). */
  workers: number;
}

interface Entry {
  path: string;
  file: string;
  relPath: string;
  bytes: Uint8Array;
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
  const { file, relPath } = names;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    bytes = new Uint8Array([0]); // unreadable: reported like a binary file
  }
  return { path, file, relPath, bytes, hash: hashing ? contentHash(bytes) : undefined };
}

function fromCache(entry: Entry, cached: CachedAnalysis, keepBody: boolean): Article {
  const parts = entry.relPath.split('/');
  const article: Article = { ...cached, file: entry.file, relPath: entry.relPath, folder: parts.length > 1 ? parts[0] : undefined };
  if (keepBody && !cached.readProblem) {
    const text = normaliseText(Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength).toString('utf8'));
    article.frontMatter = { ...cached.frontMatter, body: text.slice(cached.frontMatter.bodyOffset) };
  }
  return article;
}

/** Reads and analyses one file of the wiki (`path` absolute or relative to the cwd). */
export function readArticle(root: string, path: string, cwd: string = process.cwd()): Article {
  const entry = readEntry(path, pathNamer(root, cwd)(path), false);
  return analyseArticle(entry.file, entry.relPath, entry.bytes);
}

/**
 * The whole wiki on the calling thread, without the cache and with the bodies: the same
 * loader as loadWikiAsync with one thread and `cache: false` (tests, `new`, `review`, watch).
 */
export function loadWiki(root: string, cwd: string = process.cwd()): Wiki {
  requireWikiFolder(root);
  const names = pathNamer(root, cwd);
  return indexWiki(root, listArticleFiles(root).map((path) => {
    const entry = readEntry(path, names(path), false);
    return analyseArticle(entry.file, entry.relPath, entry.bytes);
  }));
}

/**
 * Loads a wiki like `loadWiki`, for large wikis: analyses of unchanged files come from the
 * content-hash cache, the rest is analysed on worker threads (one per core). The result
 * is the same as `loadWiki`'s (tested), without body texts unless `keepBody`.
 */
export async function loadWikiAsync(root: string, options: LoadOptions = {}): Promise<{ wiki: Wiki; stats: LoadStats }> {
  requireWikiFolder(root);
  const cwd = options.cwd ?? process.cwd();
  const keepBody = options.keepBody ?? false;
  const cache = options.cache === false ? undefined : new AnalysisCache(root, options.fingerprint, options.cacheDir);

  const paths = listArticleFiles(root);
  const wanted = options.workers ?? availableParallelism();
  const useWorkers = (count: number) => count >= MIN_FILES_FOR_WORKERS && wanted > 1;
  // Cold run: boot the workers now, while this thread reads the files.
  let pool = (cache === undefined || cache.size === 0) && useWorkers(paths.length) ? AnalysisPool.start(wanted) : undefined;
  pool?.catch(() => undefined); // awaited (and its error reported) below

  const names = pathNamer(root, cwd);
  const entries = paths.map((path) => readEntry(path, names(path), cache !== undefined));
  const articles: Array<Article | undefined> = new Array(entries.length);
  const missing: number[] = [];
  entries.forEach((entry, i) => {
    const cached = entry.hash === undefined ? undefined : cache?.get(entry.hash);
    if (cached) articles[i] = fromCache(entry, cached, keepBody);
    else missing.push(i);
  });
  const total = entries.length;
  const hits = total - missing.length;
  options.onProgress?.(hits, total);

  if (!pool && useWorkers(missing.length)) pool = AnalysisPool.start(wanted);
  else if (pool && !useWorkers(missing.length)) {
    void pool.then((p) => p.close(), () => undefined);
    pool = undefined;
  }
  let analysed: Article[];
  let workers = 0;
  if (pool) {
    const files: FileToAnalyse[] = missing.map((i) => ({ file: entries[i]!.file, relPath: entries[i]!.relPath, bytes: entries[i]!.bytes }));
    const started = await pool;
    workers = started.size;
    try {
      analysed = await started.analyse(files, { keepBody, onProgress: (done) => options.onProgress?.(hits + done, total) });
    } finally {
      await started.close();
    }
  } else {
    analysed = missing.map((i, n) => {
      const entry = entries[i]!;
      const article = analyseArticle(entry.file, entry.relPath, entry.bytes);
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
    stats: { files: total, fromCache: hits, analysed: missing.length, workers },
  };
}
