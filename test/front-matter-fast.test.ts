import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWiki } from '../src/bench/generate';
import { normaliseText, parseFrontMatter } from '../src/core/frontmatter';
import { listArticleFiles } from '../src/core/wiki-files';
import { parseFrontMatterFast, readFrontMatterFast } from '../src/core/front-matter-fast';
import { ROOT } from './helpers';

/**
 * The fast reading of front matter (js-yaml) against the wiki's parser, for the editor
 * (fields and body) and the loader (also the line of every key): wherever the fast one
 * answers, both give the same; where they could differ, it declines.
 */

function compare(text: string): 'fast' | 'declined' {
  const fast = readFrontMatterFast(text);
  const parsed = parseFrontMatterFast(text);
  if (fast === undefined) {
    expect(parsed, text).toBeUndefined();
    return 'declined';
  }
  const exact = parseFrontMatter(text);
  expect(exact.problems, text).toEqual([]);
  expect(fast.data, text).toStrictEqual(exact.data);
  expect(fast.body, text).toBe(exact.body);
  // The loader's reading: everything parseFrontMatter gives, the line of every key included.
  expect(parsed, text).toBeDefined();
  expect(parsed, text).toStrictEqual(exact);
  return 'fast';
}

const article = (yaml: string, body = '\n## Text\n\nInhalt.\n') => `---\n${yaml}\n---\n${body}`;

describe('the fast reading of front matter', () => {
  it('reads the sample wiki, the fixtures and a generated wiki as the wiki does, nearly all of them the fast way', () => {
    const texts = [
      ...listArticleFiles(join(ROOT, 'docs')),
      ...listArticleFiles(join(ROOT, 'test/fixtures')),
    ].map((path) => normaliseText(readFileSync(path, 'utf8')));
    const sample = texts.length;
    texts.push(...[...generateWiki({ articles: 300, seed: 11 }).files].filter(([path]) => path.endsWith('.md')).map(([, text]) => normaliseText(text)));
    const outcomes = texts.map(compare);
    const fastSample = outcomes.slice(0, sample).filter((o) => o === 'fast').length;
    const fastGenerated = outcomes.slice(sample).filter((o) => o === 'fast').length;
    expect(texts.length - sample).toBeGreaterThan(250);
    // The sample wiki and the fixtures include broken files on purpose; the generated one has none.
    expect(fastSample / sample).toBeGreaterThan(0.8);
    expect(fastGenerated).toBe(texts.length - sample);
  });

  it('types values by the wiki’s rules where plain js-yaml would not (digit strings, bases, signs)', () => {
    const values = ['0123', '00', '-0123', '12345678901', '99927590735042', '0b101', '+0x1F', '-0x1F', '0x1F', '0o17', '+0o7', '+.5', '-.5', '.5', '1.', '1e3', '1.5e+3', '1_000', '-0', '+12', '24', '.inf', '-.Inf', 'true', 'TRUE', 'yes', 'On', '~', 'null', 'Null', '2026-01-01', '12:30:00', '1:20', '"12"', "'0123'", '[1, 0012, 1_0, 0b1]', 'a # Kommentar', "'it''s'", '"a # b"', '[Kita-Portal, "OK.VERKEHR"]'];
    for (const value of values) expect(compare(article(`id: x\nwert: ${value}`)), value).toBe('fast');
    expect(readFrontMatterFast(article('id: x\nwert: 0123'))!.data.wert).toBe('0123');
    expect(readFrontMatterFast(article('id: x\nwert: 0b101'))!.data.wert).toBe('0b101');
    expect(readFrontMatterFast(article('id: x\nwert: +.5'))!.data.wert).toBe(0.5);
  });

  it('reads nested mappings, block lists and empty values like the wiki', () => {
    for (const yaml of [
      'digital:\n  status: analog\n  bundle: 2028-H2', 'deputies:\n  - stelle-1\n  - stelle-2', 'deputies: []', 'deputies:', 'tags: [a, b] # Kommentar',
      '# Kopf\nid: x\n\n# Ende', 'liste:\n  - name: a\n    wert: 1\n  - name: b',
      // Lists at the key's own indentation, comments between items, nested flow lists, keys after a nested block.
      'deputies:\n- stelle-1\n# dazwischen\n- stelle-2\nid: x', 'a:\n  b:\n  - 1\n  - [2, [3, 4]]\n  c: x\nd: # leer\ne: y',
      'digital:\n    status: analog\n    effort: 3\nowner: stelle-1', 'liste:\n  -   name: a\n      wert: [1, 2]\n  - b\nx: 1', 'a:\n\n  b: 1\n\nc:',
    ]) {
      expect(compare(article(yaml)), yaml).toBe('fast');
    }
  });

  it('declines what it does not read itself: anchors, tags, block texts, escapes, multi-line values, broken YAML', () => {
    const declined = [
      'a: &x 1\nb: *x',
      'a: !!str 1',
      'text: |\n  Zeile',
      'text: >\n  Zeile',
      'a: "zwei\\nZeilen"',
      'a: Zeile eins\n  Zeile zwei',
      'a: [x,\n  y]',
      'a: {b: 1}',
      '? a\n: b',
      'a:\tb',
      'id: x\nid: y',
      'a: b: c',
      'digital:\n  status: x\n bundle: y',
      'a: "offen',
      '- a\n- b',
      'a: 1\n...',
      '%YAML 1.2',
      'a: `b`',
      'null: x',
      'NULL: x',
      'true: x',
      '12: x',
    ];
    for (const yaml of declined) {
      const text = article(yaml);
      const fast = readFrontMatterFast(text);
      // Declined, or (where the line grammar lets it through) exactly the wiki's reading.
      if (fast !== undefined) compare(text);
      else expect(fast, yaml).toBeUndefined();
    }
    for (const yaml of declined.slice(0, 13)) {
      expect(readFrontMatterFast(article(yaml)), yaml).toBeUndefined();
      expect(parseFrontMatterFast(article(yaml)), yaml).toBeUndefined();
    }
  });

  it('declines texts without readable front matter', () => {
    for (const text of ['Kein Kopf', '---\nid: x\n', '---json\n{}\n---\n', '---\n\n---\nText']) {
      expect(readFrontMatterFast(text), text).toBeUndefined();
      expect(parseFrontMatterFast(text), text).toBeUndefined();
    }
  });
});
