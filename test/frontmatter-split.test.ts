import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { generateWiki } from '../src/bench/generate';
import { normaliseText, splitFrontMatter } from '../src/core/frontmatter';
import { markdownFiles, CORPORA, ROOT } from './helpers';


const noEngine = { parse: () => ({}), stringify: () => '' };
/** gray-matter as the project used it: YAML language, no engine evaluated. */
function grayMatter(text: string): { matter: string; content: string } {
  const file = matter(text, { language: 'yaml', engines: { yaml: noEngine } } as never) as unknown as { matter: string; content: string };
  return { matter: file.matter, content: file.content };
}

/** The texts parseFrontMatter hands to the splitter: first line `---` with optional blanks. */
const reachesSplitter = (text: string) => /^---[ \t]*(\n|$)/.test(text);

function compareAll(texts: Array<[string, string]>): number {
  let compared = 0;
  for (const [label, raw] of texts) {
    const text = normaliseText(raw);
    if (!reachesSplitter(text)) continue;
    expect(splitFrontMatter(text), label).toEqual(grayMatter(text));
    compared++;
  }
  return compared;
}

describe('splitFrontMatter against gray-matter', () => {
  it('splits like gray-matter on edge cases', () => {
    const cases = [
      '---', '---\n', '--- \n', '---\t\nid: a\n---', '---\nid: a\n---\n', '---\nid: a\n---\nText', '---\nid: a\n---\n\nText\n',
      '---\nid: a\n----\nText', '---\nid: a\n--- trailing\nText', '---\nid: a\nno end\n', '---\n---\nbody', '---\n\n---\n',
      '---\nid: a\n---\r\nText', '---\nid: a\n   ---\n', '---\nid: |\n  ---x\n---\nbody ---\n---\n', '---\n# comment\n---\n',
    ];
    expect(compareAll(cases.map((text) => [JSON.stringify(text), text]))).toBe(cases.length);
  });

  it('splits like gray-matter on docs/, templates/, fixtures, a generated wiki and the corpora', () => {
    const paths = [...markdownFiles(join(ROOT, 'docs')), ...markdownFiles(join(ROOT, 'templates')), ...markdownFiles(join(ROOT, 'test/fixtures')), ...markdownFiles(CORPORA)];
    const files: Array<[string, string]> = paths.map((path) => [path, readFileSync(path, 'utf8')]);
    for (const [path, content] of generateWiki({ articles: 300, seed: 7 }).files) files.push([path, content]);
    expect(compareAll(files)).toBeGreaterThan(400);
  });
});
