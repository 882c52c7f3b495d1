import { bodyOf } from '../../core/article';
import { missingSections } from '../../core/required-sections';
import { requiredSections } from '../../core/schema/model';
import type { FileRule, Report } from './rule';

/**
 * `sections` — a required `##` section (from `x-sections` in the type's schema) is
 * missing or empty; headings match case-insensitively and trimmed. A section with
 * only HTML comments or sub-headings is empty. A guide has no required sections,
 * but its body must not be empty. A `##` inside a code block is no heading.
 *
 * ok:     `## Vertretung` followed by text.
 * not-ok: no `## Vertretung`; `## Vertretung` directly followed by the next `##`.
 */
export const sectionsRule: FileRule = {
  id: 'sections',
  severity: 'error',
  scope: 'file',
  check(article) {
    if (!article.type) return [];
    const reports: Report[] = [];
    const line = article.frontMatter.bodyLine;
    if (requiredSections(article.type).length === 0 && !bodyOf(article).hasContent) {
      reports.push({ article, line, column: 1, message: 'Der Artikel hat keinen Text: Schreiben Sie den Inhalt unter das Front Matter.' });
    }
    for (const { title, empty } of missingSections(article)) {
      if (!empty) {
        reports.push({ article, line, column: 1, message: `Pflichtabschnitt „## ${title}“ fehlt: Fügen Sie die Überschrift „## ${title}“ mit Inhalt hinzu.` });
      } else {
        reports.push({ article, line: empty.line, column: empty.column, message: `Abschnitt „## ${title}“ ist leer: Schreiben Sie den Inhalt unter die Überschrift.` });
      }
    }
    return reports;
  },
  examples: [
    {
      title: 'a missing section',
      files: { 'fb1/stelle-1-002.md': 'REPLACE:## Vertretung\n\nDie Leitung vertritt.\n\n=>' },
      expected: ['fb1/stelle-1-002.md:12:1 error Pflichtabschnitt „## Vertretung“ fehlt: Fügen Sie die Überschrift „## Vertretung“ mit Inhalt hinzu. [sections]'],
    },
    {
      title: 'an empty section (a comment is no content)',
      files: { 'fb1/stelle-1-002.md': 'REPLACE:Die Leitung vertritt.=><!-- Wer vertritt? -->' },
      expected: ['fb1/stelle-1-002.md:17:1 error Abschnitt „## Vertretung“ ist leer: Schreiben Sie den Inhalt unter die Überschrift. [sections]'],
    },
    {
      title: 'a heading only inside a code block does not count',
      files: { 'fb1/antrag-bearbeiten.md': 'REPLACE:## Sonderfälle\n\nKeine bekannt.=>```\n## Sonderfälle\n```' },
      expected: ['fb1/antrag-bearbeiten.md:16:1 error Pflichtabschnitt „## Sonderfälle“ fehlt: Fügen Sie die Überschrift „## Sonderfälle“ mit Inhalt hinzu. [sections]'],
    },
    {
      title: 'headings match case-insensitively and trimmed',
      files: { 'fb1/stelle-1-002.md': 'REPLACE:## Fristen und Termine=>##   fristen und TERMINE  ' },
      expected: [],
    },
    {
      title: 'a guide without text',
      files: { 'fb1/leer.md': '---\nid: leer\ntype: guide\ntitle: Leer\ndepartment: fb1\nowner: stelle-1-001\nreviewed: 2026-06-01\n---\n\n<!-- später -->\n' },
      expected: ['fb1/leer.md:9:1 error Der Artikel hat keinen Text: Schreiben Sie den Inhalt unter das Front Matter. [sections]'],
    },
  ],
};
