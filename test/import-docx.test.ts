import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { openArrayBuffer } from 'mammoth/lib/zipfile';
import { LARGE_DOCX, largeDocx } from '../src/bench/large-docx';
import { stripRevisionIds } from '../src/authoring/import/sources/word-xml';
import { formatImportReport, planImport, writeImport, type ImportOptions } from '../src/authoring/import';
import { markdownToMdast, mdastToMarkdown } from '../src/authoring/import/mdast';
import { arrangeSections } from '../src/authoring/import/sections';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseFrontMatter } from '../src/core/frontmatter';
import { parseIsoDate } from '../src/core/dates';
import { validateWiki } from '../src/validate/validate';
import {
  bookmarksDocx, deepHeadingsDocx, emphasisDocx, footnotesDocx, GIF, leftOutDocx, LINKED_TARGET, PNG, pictureOnlyDocx, prozessDocx, stellenbeschreibungDocx, tableCellsDocx,
} from './docx-fixtures';
import { MINI_WIKI, tempDir } from './helpers';

const TODAY = parseIsoDate('2026-11-30')!;

/** Imports one generated .docx into a copy of the mini wiki; returns body, report and findings. */
async function importDocx(name: string, docx: Buffer, type: ImportOptions['type'] = 'guide') {
  const root = tempDir('stellenwissen-import-docx-');
  const docs = join(root, 'docs');
  cpSync(MINI_WIKI, docs, { recursive: true });
  const source = join(tempDir(), `${name}.docx`);
  writeFileSync(source, docx);
  const plan = await planImport(loadWiki(docs, docs), { source, type, department: 'fb1', docs, staticDir: join(root, 'static'), today: TODAY });
  writeImport(plan.writes);
  const file = plan.files[0]!;
  const text = readFileSync(file.target, 'utf8');
  const relPath = file.target.slice(docs.length + 1);
  const findings = validateWiki(loadWiki(docs, docs), TODAY).findings.filter((f) => f.file === relPath && f.rule !== 'placeholder');
  return { body: parseFrontMatter(text).body, report: formatImportReport(plan, { dryRun: false }), findings, staticDir: join(root, 'static'), id: file.id };
}

describe('Word tables', () => {
  it('keeps paragraphs, line breaks and lists of a cell on one row, joined with <br>', async () => {
    const { body, findings } = await importDocx('Tabelle', await tableCellsDocx());
    expect(body).toContain([
      '| Aufgabe | Schritte | Hinweis |',
      '| - | - | - |',
      '| Simple<br>Multiparagraph | • eins<br>\u00a0\u00a0\u00a0◦ Unterpunkt<br>• zwei | Zeile A<br>Zeile B[^1] |',
      '| Bescheid | 1. prüfen<br>2. zeichnen | – |',
      '',
      'Text nach der Tabelle.',
    ].join('\n'));
    expect(body).toMatch(/\n\[\^1\]: Nach Satzung\.\n$/);
    expect(findings).toEqual([]);
  });

  it('writes wide tables compactly: no padding, no encoded blanks, at most 3× the text', async () => {
    const { bytes, text } = await largeDocx({ tables: 1, rows: 12, columns: 30, seed: 7 });
    const { body } = await importDocx('Breit', bytes);
    const rows = body.split('\n').filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(12 + 1);
    for (const row of rows) expect(row).not.toMatch(/ {2}|-{2}/);
    expect(body).not.toContain('&#x');
    // Every bold run (one per cell, blanks around it in Word) is still bold, with no blank inside.
    const bold: string[] = [];
    const walk = (node: Nodes) => {
      if (node.type === 'strong') bold.push(toString(node));
      if ('children' in node) node.children.forEach(walk);
    };
    walk(markdownToMdast(body));
    expect(bold).toHaveLength(12 * 30);
    for (const text of bold) expect(text).toBe(text.trim());
    expect(Buffer.byteLength(body) / text).toBeLessThanOrEqual(3);
  });
});

describe('Word bookmarks and internal links', () => {
  it('drops bookmark anchors; links to headings point at their anchors, other links keep their text', async () => {
    const { body, report, findings } = await importDocx('Kasse', await bookmarksDocx(), 'post');
    expect(body).not.toContain('[]');
    expect(body).not.toContain('](#_');
    // The heading „Aufgabenbeschreibung“ became the section „Aufgaben“; anchors as Docusaurus makes them (github-slugger).
    expect(body).toContain('## Aufgaben\n\n[1 Aufgabenbeschreibung](#aufgaben)\n\n[1.1 Barkasse führen](#barkasse-führen)\n\nTitel\n\nSiehe Tabelle 1 und Anhang.\n\nTabelle 1: Kassenzeiten\n\n### Barkasse führen\n');
    expect(body).toContain('### Barkasse führen\n\n### Barkasse führen\n\n[dritte Barkasse](#barkasse-führen-2)\n');
    expect(report).toContain('Verweise auf Überschriften (z. B. Inhaltsverzeichnis) als Links übernommen: 3');
    expect(report).toContain('Verweise auf Textmarken ohne Überschrift als Text übernommen: 3');
    expect(findings).toEqual([]);
  });
});

describe('Word footnotes and endnotes', () => {
  it('become GFM footnotes after the last section, without the back-links', async () => {
    const { body, report, findings } = await importDocx('Fussnoten', await footnotesDocx(), 'post');
    expect(body).toContain('Schmerz[^1] an sich[^2] und Ende[^e1].');
    expect(body).not.toMatch(/\\\[1]|↑|#footnote/);
    expect(body).toMatch(/## Ablage und Akten\n[\s\S]*\n\[\^1\]: Cicero, De finibus\.\n\n\[\^2\]: Siehe \*Satzung\* § 3\.\n\n\[\^e1\]: Stand: Januar\.\n$/);
    expect(report).toContain('Fußnoten/Endnoten: 3');
    expect(findings).toEqual([]);
  });
});

describe('content mammoth drops', () => {
  it('shows a note in the article and names each dropped element and mammoth warning in the report', async () => {
    const { body, report, findings, staticDir, id } = await importDocx('Berechnung', await leftOutDocx());
    expect(body).toContain('For \\[Formel nicht übernommen], the sum is known.\n\n\\[Formel nicht übernommen]\n');
    expect(body).toContain(`\\[Bild nicht übernommen, nur verknüpft: ${LINKED_TARGET}]`);
    expect(body).toContain('\\[Diagramm nicht übernommen]');
    expect(body).toContain('\\[SmartArt-Grafik nicht übernommen]');
    // A picture in a group: mammoth alone would drop it; the picture stays, the shapes are named.
    expect(body).toContain(`![Ablauf mit Pfeilen](/img/${id}/bild-1.gif) \\[Formen der Grafik nicht übernommen]`);
    expect(readFileSync(join(staticDir, 'img', id, 'bild-1.gif'))).toEqual(GIF);
    expect(body).toContain('Ein Hinweis im eigenen Format.');
    expect(body).toContain('Az. 32.1-2026 kommentiert');
    const lines = report.split('\n').map((l) => l.trim());
    expect(lines).toEqual(expect.arrayContaining([
      'Nicht übernommen: 2 Formeln (im Text „[Formel nicht übernommen]“)',
      `Nicht übernommen: 1 nur verknüpftes Bild (im Text „[Bild nicht übernommen, nur verknüpft]“): ${LINKED_TARGET}`,
      'Nicht übernommen: 1 Diagramm (im Text „[Diagramm nicht übernommen]“): Diagramm 1',
      'Nicht übernommen: 1 SmartArt-Grafik (im Text „[SmartArt-Grafik nicht übernommen]“): Organigramm',
      'Nicht übernommen: 1 Grafik aus mehreren Teilen, nur ihre Bilder übernommen (im Text „[Formen der Grafik nicht übernommen]“): Ablauf mit Pfeilen',
      'Absatzformate ohne Entsprechung (als normaler Absatz übernommen): Hinweiskasten',
      'Zeichenformate ohne Entsprechung (als normaler Text übernommen): Aktenzeichen',
      'Kommentare nicht übernommen: 1',
    ]));
    // Nothing left in English: every mammoth message is translated.
    expect(report).not.toMatch(/mammoth|unrecognised|Fehler beim Umwandeln/i);
    expect(findings).toEqual([]);
  });

  it('imports a document that is only a picture', async () => {
    const { body, report, staticDir, id } = await importDocx('Organigramm', await pictureOnlyDocx());
    expect(body.trim()).toBe(`![Organigramm Fachbereich 32](/img/${id}/bild-1.png)`);
    expect(readFileSync(join(staticDir, 'img', id, 'bild-1.png'))).toEqual(PNG);
    expect(report).toContain('1 Datei importiert, 1 Bild.');
  });
});

describe('Word emphasis', () => {
  it('keeps blanks outside bold and italic, never as &#x20;', async () => {
    const { body } = await importDocx('Hinweis', await emphasisDocx());
    expect(body.trim()).toBe('Bitte **unbedingt** beachten: *Frist* einhalten.');
  });
});

describe('heading levels beyond ######', () => {
  it('keeps Word levels 1–6 apart as far as Markdown allows and names the merged headings', async () => {
    const guide = await importDocx('Handbuch', await deepHeadingsDocx());
    expect(guide.body).toMatch(/^\n## Ebene 1\n[\s\S]*\n### Ebene 2\n[\s\S]*\n#### Ebene 3\n[\s\S]*\n##### Ebene 4\n[\s\S]*\n###### Ebene 5\n[\s\S]*\n###### Ebene 6\n/);
    expect(guide.report).toContain('Überschriftenebenen zusammengelegt (Markdown hat nur sechs, jetzt ######): „Ebene 6“ (Ebene 6 der Quelle)');
    // A post: `##` are the sections, so Word's six levels share four.
    const post = await importDocx('Handbuch', await deepHeadingsDocx(), 'post');
    expect(post.body).toContain('### Ebene 1\n\nText 1.\n\n#### Ebene 2\n\nText 2.\n\n##### Ebene 3\n\nText 3.\n\n###### Ebene 4\n\nText 4.\n\n###### Ebene 5\n');
    expect(post.report).toContain('„Ebene 5“ (Ebene 5 der Quelle), „Ebene 6“ (Ebene 6 der Quelle)');
    expect(post.findings).toEqual([]);
  });

  it('closes skipped levels before merging any', () => {
    const arranged = arrangeSections(markdownToMdast('# A\n\n### B\n\n##### C\n\n###### D\n\n###### E\n'), 'guide', { takeTitle: false });
    expect(mdastToMarkdown(arranged.tree)).toMatch(/^## A\n\n### B\n\n#### C\n\n##### D\n\n##### E\n/);
    expect(arranged.merged).toEqual([]);
  });
});

describe('revision ids removed before mammoth reads the document', () => {
  it('gives mammoth the same HTML as the untouched package (every fixture and the large benchmark document)', async () => {
    const documents: Array<[string, Buffer]> = [
      ['stellenbeschreibung', await stellenbeschreibungDocx()], ['prozess', await prozessDocx()], ['tabellen', await tableCellsDocx()],
      ['textmarken', await bookmarksDocx()], ['fussnoten', await footnotesDocx()], ['weggelassen', await leftOutDocx()],
      ['nur bild', await pictureOnlyDocx()], ['ueberschriften', await deepHeadingsDocx()], ['betonung', await emphasisDocx()],
      ['gross', Buffer.from((await largeDocx({ ...LARGE_DOCX, tables: 1 })).bytes)],
    ];
    for (const [name, bytes] of documents) {
      const zip = await openArrayBuffer(bytes);
      const xml = await zip.read('word/document.xml', 'utf-8') as string;
      const stripped = stripRevisionIds(xml);
      const before = await mammoth.convertToHtml({ buffer: bytes });
      zip.write('word/document.xml', stripped);
      const after = await mammoth.convertToHtml({ file: zip } as unknown as { buffer: Buffer });
      expect(after.value, name).toBe(before.value);
      expect(after.messages, name).toEqual(before.messages);
      expect(stripped, name).not.toMatch(/\bw:rsid\w*=|\bw14:(?:paraId|textId)=/);
    }
  }, 120_000);

  it('touches attributes inside tags only, never text that looks like one', () => {
    const xml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
      + '<w:p w14:paraId="1A2B" w:rsidR="00AB" w:rsidRDefault=\'00CD\'><w:r w:rsidRPr="00EF"><w:t xml:space="preserve"> w:rsidR="1" bleibt</w:t></w:r></w:p></w:document>';
    expect(stripRevisionIds(xml)).toBe(xml.replace(' w14:paraId="1A2B" w:rsidR="00AB" w:rsidRDefault=\'00CD\'', '').replace(' w:rsidRPr="00EF"', ''));
  });
});
