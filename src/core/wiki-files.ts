import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { IGNORED, UsageError } from './wiki';

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

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
