import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project's own module graph, read from the sources: the relative imports of a file
 * and everything a file reaches through them. The analysis cache's fingerprint covers
 * exactly what `analyseArticle` reaches; test/architecture.test.ts checks the folders'
 * import directions with the same reader.
 */

// `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')`, `require('…')`;
// comments are not stripped, so an example import in a comment counts too (harmless).
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)(['"])(\.{1,2}(?:\/[^'"]*)?)\1/g;
const CANDIDATES = ['', '.ts', '.tsx', '.d.ts', '.cjs', '.js', '.json', '/index.ts', '/index.tsx'];

/** Absolute paths of the project files `file` imports with relative specifiers (unresolvable ones are left out). */
export function relativeImports(file: string, text: string = readFileSync(file, 'utf8')): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) {
    const base = resolve(dirname(file), match[2]!);
    const target = CANDIDATES.map((ending) => base + ending).find((path) => existsSync(path) && statSync(path).isFile());
    if (target) found.add(target);
  }
  return [...found];
}

/** `entries` and every project file they reach through relative imports, sorted. */
export function importClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const open = [...entries];
  while (open.length > 0) {
    const file = open.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (/\.(?:[cm]?[jt]sx?)$/.test(file)) open.push(...relativeImports(file));
  }
  return [...seen].sort();
}

/** `path` below `root`, with forward slashes (the form tests and fingerprints name files by). */
export function projectPath(root: string, path: string): string {
  return path.slice(join(root, '/').length).split('\\').join('/');
}
