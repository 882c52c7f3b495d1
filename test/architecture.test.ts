import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('core library boundaries', () => {
  const files = sources(join(ROOT, 'src/knowledge'));
  it('has no Docusaurus import, no console output and no process.exit', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]@docusaurus|require\(['"]@docusaurus/);
      expect(text, file).not.toMatch(/\bconsole\.|process\.exit/);
    }
  });
  it('keeps docs/ and the site free of .mdx (staff content is never executed)', () => {
    const mdx = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? mdx(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : []);
    expect(mdx(join(ROOT, 'docs'))).toEqual([]);
  });
});
