import type { FileRule } from './rule';

/**
 * `yaml` — front matter missing or not parseable (also: binary or non-UTF-8 files).
 *
 * ok:     `---\nid: stelle-1-001\n…\n---`
 * not-ok: no front matter, an unclosed block, duplicate keys, a YAML list instead
 *         of a mapping, broken indentation.
 */
export const yamlRule: FileRule = {
  id: 'yaml',
  severity: 'error',
  scope: 'file',
  check(article) {
    const problems = article.readProblem ? [article.readProblem] : article.frontMatter.problems;
    return problems.map((p) => ({ article, line: p.line, column: p.column, message: p.message }));
  },
  examples: [
    {
      title: 'a file without front matter',
      files: { 'fb1/notiz.md': '# Notiz\n\nNur Text.\n' },
      expected: ['fb1/notiz.md:1:1 error Front Matter fehlt: Die Datei muss mit einer Zeile „---“ beginnen, gefolgt von den Feldern (z. B. „id: …“) und einer weiteren Zeile „---“. [yaml]'],
    },
    {
      title: 'a duplicate key points to its second occurrence',
      files: { 'fb1/anleitung.md': '---\nid: anleitung\ntype: guide\ntitle: A\ntitle: B\ndepartment: fb1\nowner: stelle-1-001\nreviewed: 2026-06-01\n---\nText.\n' },
      expected: ['fb1/anleitung.md:5:1 error Feld ist doppelt vorhanden: Jedes Feld darf im Front Matter nur einmal stehen – löschen Sie eine der beiden Zeilen. [yaml]'],
    },
    {
      title: 'a YAML list instead of a mapping',
      files: { 'fb1/liste.md': '---\n- id: liste\n- type: guide\n---\nText.\n' },
      expected: ['fb1/liste.md:2:1 error Front Matter ist eine Liste, keine Zuordnung: Schreiben Sie je Zeile ein Feld „name: wert“, z. B. „id: stelle-32-004“. [yaml]'],
    },
    {
      title: 'binary bytes',
      files: { 'fb1/bild.md': '\u0000\u0001PNG' },
      expected: ['fb1/bild.md:1:1 error Datei ist keine Textdatei in UTF-8 (Binärdaten oder andere Zeichenkodierung): Speichern Sie den Artikel als UTF-8-Markdown oder entfernen Sie ihn aus dem Wiki-Ordner. [yaml]'],
    },
    {
      title: 'a BOM and CRLF line endings are fine',
      files: { 'fb1/crlf.md': '\uFEFF---\r\nid: crlf\r\ntype: guide\r\ntitle: CRLF\r\ndepartment: fb1\r\nowner: stelle-1-001\r\nreviewed: 2026-06-01\r\n---\r\nText.\r\n' },
      expected: [],
    },
  ],
};
