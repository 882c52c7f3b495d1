import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { stringValue, type Article } from './article';

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

const IGNORED = /^[._]|^node_modules$/;

/**
 * Whether a path relative to the wiki root names a file or folder the wiki reads:
 * no segment starts with `_` or `.` (nor is `node_modules`). Files must also end in `.md`.
 */
export function isWikiPath(relPath: string, kind: 'file' | 'dir'): boolean {
  const parts = relPath.split(/[\\/]/).filter((p) => p !== '');
  if (parts.some((p) => IGNORED.test(p))) return false;
  return kind === 'dir' || relPath.endsWith('.md');
}

/** Every file below `root`, sorted by name per folder; files and folders matching `ignored` are skipped. */
export function listFiles(root: string, ignored: RegExp = IGNORED): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (ignored.test(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(root);
  return files;
}

/** Lists the wiki's Markdown files as Docusaurus would build them (`_`/`.` prefixed ones are skipped). */
export function listArticleFiles(root: string): string[] {
  return listFiles(root).filter((path) => path.endsWith('.md'));
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Throws the usage error every command reports when the wiki folder is missing. */
export function requireWikiFolder(root: string): void {
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`Wiki-Ordner nicht gefunden: ${root}`);
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
