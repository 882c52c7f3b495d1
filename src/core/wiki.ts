import { stringValue, type Article } from './article';

// Pure: no file system here, so the browser editor bundles it (files: wiki-files.ts).

/** A loaded wiki: every article plus the indexes the cross-file rules and coverage need. */
export interface Wiki {
  root: string;
  articles: Article[];
  /** Articles by `id` (several when an id is duplicated). */
  byId: Map<string, Article[]>;
  /** Department ids (from department articles). */
  departments: Map<string, Article>;
  /** Post ids (from post articles, valid or not: a broken post still exists). */
  posts: Map<string, Article>;
}

/** A problem that stops a whole run (exit 2): missing folder and the like. */
export class UsageError extends Error {}

export const IGNORED = /^[._]|^node_modules$/;

/**
 * Whether a path relative to the wiki root names a file or folder the wiki reads:
 * no segment starts with `_` or `.` (nor is `node_modules`). Files must also end in `.md`.
 */
export function isWikiPath(relPath: string, kind: 'file' | 'dir'): boolean {
  const parts = relPath.split(/[\\/]/).filter((p) => p !== '');
  if (parts.some((p) => IGNORED.test(p))) return false;
  return kind === 'dir' || relPath.endsWith('.md');
}

/** The order of the wiki's files as listFiles (wiki-files.ts) reads them: by name per folder. */
export function compareWikiPaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  }
  return left.length - right.length;
}


export function indexWiki(root: string, articles: Article[]): Wiki {
  const byId = new Map<string, Article[]>();
  const departments = new Map<string, Article>();
  const posts = new Map<string, Article>();
  for (const article of articles) {
    const id = stringValue(article, 'id');
    if (id === undefined) continue;
    byId.set(id, [...(byId.get(id) ?? []), article]);
    if (article.type === 'department' && !departments.has(id)) departments.set(id, article);
    if (article.type === 'post' && !posts.has(id)) posts.set(id, article);
  }
  return { root, articles, byId, departments, posts };
}
