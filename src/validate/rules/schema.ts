import { fileLineOfPointer } from '../../core/frontmatter';
import type { FileRule } from './rule';

/**
 * `schema` — front matter violates its type's JSON Schema. The finding points at
 * the line of the offending key; a missing top-level key points at the closing `---`.
 *
 * ok:     `criticality: high`
 * not-ok: `criticality: sehr-hoch`, `reviewed: 2026-13-45`, a missing `deputies`.
 */
export const schemaRule: FileRule = {
  id: 'schema',
  severity: 'error',
  scope: 'file',
  check(article) {
    const result = article.schema;
    if (!result || result.valid) return [];
    return result.issues.map((issue) => {
      const pointer = issue.missing ? issue.pointer.slice(0, issue.pointer.lastIndexOf('/')) : issue.pointer;
      return { article, line: fileLineOfPointer(article.frontMatter, pointer), column: 1, message: issue.message };
    });
  },
  examples: [
    {
      title: 'an unknown criticality names the allowed values',
      files: { 'fb1/stelle-1-002.md': 'REPLACE:criticality: medium=>criticality: sehr-hoch' },
      expected: ['fb1/stelle-1-002.md:9:1 error „criticality“ (Kritikalität) hat den ungültigen Wert „sehr-hoch“ – erlaubt sind: high, medium, low. [schema]'],
    },
    {
      title: 'an impossible date is an error, not a date in 2027',
      files: { 'fb1/stelle-1-002.md': 'REPLACE:reviewed: 2026-06-01=>reviewed: 2026-13-45' },
      expected: ['fb1/stelle-1-002.md:7:1 error „reviewed“ (Zuletzt überprüft) ist kein gültiges Kalenderdatum: „2026-13-45“. Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-06-01. [schema]'],
    },
    {
      title: 'a missing required key points at the closing ---',
      files: { 'fb1/stelle-1-002.md': 'REPLACE:criticality: medium\n=>' },
      expected: ['fb1/stelle-1-002.md:10:1 error Pflichtfeld "criticality" fehlt – erlaubt: high, medium, low [schema]'],
    },
    {
      title: 'unquoted dates and LeiKa keys are read as written; a 13-digit key is not',
      files: { 'fb1/antrag-bearbeiten.md': 'REPLACE:leika: 99000000000001=>leika: 9900000000001' },
      expected: ['fb1/antrag-bearbeiten.md:9:1 error „leika“ (LeiKa-Schlüssel) hat nicht das erwartete Format: „9900000000001“. Schlüssel der Leistung im Leistungskatalog (LeiKa): genau 14 Ziffern, z. B. 99050012104000. [schema]'],
    },
  ],
};
