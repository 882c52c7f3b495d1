import { readFileSync } from 'node:fs';
import { analyseArticle, type Article } from '../article';
import type { ArticleType } from '../schema/schemas';
import type { FileToAnalyse } from './parallel/messages';

/** A file's bytes; an unreadable file is one NUL byte, reported like a binary file. */
export function readArticleBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch {
    return new Uint8Array([0]);
  }
}

/**
 * Analyses a file from its bytes, or reads them first (a cold run: each thread reads its own
 * files); the body only for the types in `bodies` (default all, see analyseArticle).
 */
export function analyseFile(file: FileToAnalyse, bodies?: readonly ArticleType[]): Article {
  return analyseArticle(file.file, file.relPath, file.bytes ?? readArticleBytes(file.path), bodies);
}
