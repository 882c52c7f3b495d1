import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhrasingContent, Root, Table, TableCell, TableRow } from 'mdast';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../src/bench/generate';
import { LARGE_DOCX, largeDocx } from '../src/bench/large-docx';
import { htmlToMdast, htmlToMdastReference, markdownToMdast, mdastToMarkdown, mdastToMarkdownReference } from '../src/authoring/import/mdast';
import * as fixtures from './docx-fixtures';
import { CORPORA, markdownFiles, ROOT } from './helpers';

// The import's fast text handler (mdast.ts) against the serialiser's own escaping.
describe('writing Markdown: the fast text handler equals state.safe', () => {
  it('on docs/, both corpora and the templates', () => {
    const files = [ROOT + '/docs', join(CORPORA, '18f-handbook'), join(CORPORA, 'moj-modernisation-platform'), ROOT + '/templates'].flatMap((dir) => markdownFiles(dir));
    expect(files.length).toBeGreaterThan(450);
    for (const file of files) {
      const tree = markdownToMdast(readFileSync(file, 'utf8'));
      expect(mdastToMarkdown(tree), file).toBe(mdastToMarkdownReference(tree));
    }
  }, 120_000);

  it('on the large Word document of the benchmark (wide tables)', async () => {
    const { bytes } = await largeDocx(LARGE_DOCX);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const tree = await htmlToMdast(html);
    expect(mdastToMarkdown(tree)).toBe(mdastToMarkdownReference(tree));
  }, 120_000);

  it('on random texts of every ASCII punctuation character, in paragraphs, emphasis, links and table cells', () => {
    const random = mulberry32(14);
    const ATOMS = ['a', 'Wort', ' ', '  ', '1', '12', 'ä', '\u00a0', 'www', 'http', 'mailto', '@', '\n', ...'!"#$%&\'()*+,-./:;<=>?[\\]^_`{|}~'];
    const word = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => ATOMS[Math.floor(random() * ATOMS.length)]).join('');
    for (let run = 0; run < 3000; run++) {
      const tree: Root = {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', value: word() }, { type: 'strong', children: [{ type: 'text', value: word() }] }, { type: 'text', value: word() }] },
          { type: 'paragraph', children: [{ type: 'link', url: 'x.md', children: [{ type: 'text', value: word() }] }, { type: 'text', value: word() }] },
          { type: 'table', children: [
            { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: word() }] }, { type: 'tableCell', children: [{ type: 'emphasis', children: [{ type: 'text', value: word() }] }] }] },
            { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: word() }] }, { type: 'tableCell', children: [{ type: 'text', value: word() }] }] },
          ] },
          { type: 'heading', depth: 2, children: [{ type: 'text', value: word() }] },
          { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: word() }] }] }] },
        ],
      };
      expect(mdastToMarkdown(tree), JSON.stringify(tree)).toBe(mdastToMarkdownReference(tree));
    }
  });
  it('on random tables: ragged rows, alignment, and cells of text, <br>, emphasis, code, links and multi-line HTML', () => {
    const random = mulberry32(15);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const ATOMS = ['a', 'Zelle', ' ', '|', '\\|', '`', '*', '_', '\n', '-', ':', '<', '&', '[', ']', '1.', '#', '\u00a0'];
    const word = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(ATOMS)).join('');
    const phrasing = (): PhrasingContent => {
      switch (Math.floor(random() * 8)) {
        case 0: return { type: 'html', value: '<br>' };
        case 1: return { type: 'html', value: pick(['<br>\n', '<span>x</span>', '']) };
        case 2: return { type: 'emphasis', children: [{ type: 'text', value: word() }] };
        case 3: return { type: 'inlineCode', value: word() };
        case 4: return { type: 'link', url: pick(['a.md', 'https://example.org/|x']), children: [{ type: 'text', value: word() }] };
        default: return { type: 'text', value: random() < 0.5 ? pick(['Text', 'zwei Wörter', ' vorn', 'hinten ', '']) : word() };
      }
    };
    const ALIGN = [null, 'left', 'right', 'center'] as const;
    for (let run = 0; run < 2000; run++) {
      const columns = 1 + Math.floor(random() * 4);
      const rows: TableRow[] = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
        type: 'tableRow',
        children: Array.from({ length: Math.max(0, columns - Math.floor(random() * 2)) }, (): TableCell => ({
          type: 'tableCell', children: Array.from({ length: Math.floor(random() * 4) }, phrasing),
        })),
      }));
      const table: Table = { type: 'table', children: rows };
      if (random() < 0.5) table.align = Array.from({ length: columns }, () => pick(ALIGN));
      const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Vor' }] }, table] };
      expect(mdastToMarkdown(tree), JSON.stringify(tree)).toBe(mdastToMarkdownReference(tree));
    }
  });
});

// The import's parser without source positions (mdast.ts) against rehype-parse.
describe('reading Word HTML: parse5 without positions equals rehype-parse', () => {
  const withoutPositions = (tree: unknown) => JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value));

  it('on every Word fixture and the large benchmark document', async () => {
    const builders = [
      fixtures.stellenbeschreibungDocx, fixtures.prozessDocx, fixtures.tableCellsDocx, fixtures.bookmarksDocx, fixtures.footnotesDocx,
      fixtures.leftOutDocx, fixtures.pictureOnlyDocx, fixtures.deepHeadingsDocx, fixtures.emphasisDocx,
    ];
    const documents = [...await Promise.all(builders.map((build) => build())), Buffer.from((await largeDocx(LARGE_DOCX)).bytes)];
    for (const [i, bytes] of documents.entries()) {
      const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
      const fast = await htmlToMdast(html);
      const reference = await htmlToMdastReference(html);
      expect(withoutPositions(fast), `document ${i}`).toBe(withoutPositions(reference));
      expect(mdastToMarkdown(fast), `document ${i}`).toBe(mdastToMarkdown(reference));
    }
  }, 120_000);

  it('on hand-written HTML with whitespace, entities, nested lists, tables and templates', async () => {
    const html = '<h1>Titel &amp; mehr</h1>\n  <p> Text  mit\tLeer  </p><ul><li>eins<ul><li>zwei</li></ul></li></ul>'
      + '<table><tr><td><p>a</p><p>b</p></td><td>&lt;x&gt;</td></tr></table><template><p>t</p></template><p><strong> fett </strong><a href="#x">L</a></p>';
    expect(withoutPositions(await htmlToMdast(html))).toBe(withoutPositions(await htmlToMdastReference(html)));
  });
});
