import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = resolve(__dirname, '..');
export const MINI_WIKI = join(ROOT, 'test/fixtures/mini-wiki');

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'stellenwissen-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/**
 * Copies the mini wiki into a temporary folder and lays `files` over it:
 * plain text replaces/creates a file, `''` removes it, `COPY:<path>` copies
 * another fixture file, `REPLACE:<old>=><new>` edits the fixture's text.
 */
export function overlayWiki(files: Record<string, string | Uint8Array>): string {
  const root = tempDir();
  cpSync(MINI_WIKI, root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    if (content === '') {
      rmSync(target, { force: true });
    } else if (typeof content === 'string' && content.startsWith('COPY:')) {
      writeFileSync(target, readFileSync(join(MINI_WIKI, content.slice(5))));
    } else if (typeof content === 'string' && content.startsWith('REPLACE:')) {
      const [from, to] = content.slice(8).split('=>');
      const original = readFileSync(join(MINI_WIKI, path), 'utf8');
      if (!original.includes(from)) throw new Error(`fixture ${path} does not contain ${JSON.stringify(from)}`);
      writeFileSync(target, original.replace(from, to));
    } else {
      writeFileSync(target, content);
    }
  }
  return root;
}
