/** Writing a generated wiki to disk: the wiki under docs/, the registers beside it. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedWiki } from './index';

/** The files a generated wiki folder holds: the wiki under docs/, the registers beside it. */
export const OUTPUT_LAYOUT = { docs: 'docs', register: 'austritte.csv', staff: 'personalliste.csv' } as const;

/** True when `dir` does not exist or is empty. */
export function isEmptyOrMissing(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** Writes `<dir>/docs/**`, `<dir>/austritte.csv` and `<dir>/personalliste.csv`. The caller checks that `dir` is empty. */
export function writeGeneratedWiki(dir: string, wiki: GeneratedWiki): void {
  const docs = join(dir, OUTPUT_LAYOUT.docs);
  const made = new Set<string>();
  for (const [path, content] of wiki.files) {
    const folder = dirname(join(docs, path));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(join(docs, path), content);
  }
  writeFileSync(join(dir, OUTPUT_LAYOUT.register), wiki.register);
  writeFileSync(join(dir, OUTPUT_LAYOUT.staff), wiki.staff);
}
