import { fileLineOfPointer } from '../../core/frontmatter';
import { PLACEHOLDER_MARK as MARK } from '../../core/markdown/placeholders';
import type { FileRule, Report } from './rule';

function frontMatterPlaceholders(value: unknown, pointer: string, out: Array<{ pointer: string; text: string }>): void {
  if (typeof value === 'string') {
    if (value.includes(MARK)) out.push({ pointer, text: value.slice(value.indexOf(MARK)) });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => frontMatterPlaceholders(item, `${pointer}/${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) frontMatterPlaceholders(item, `${pointer}/${key}`, out);
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * `placeholder` — `TODO:` text left from a template, in the body outside code
 * (inline code, code blocks and HTML comments do not count) or in a front-matter value.
 *
 * ok:     ``Schreiben Sie `TODO:` nicht ab.``
 * not-ok: `TODO: Aufgaben der Stelle beschreiben`
 */
export const placeholderRule: FileRule = {
  id: 'placeholder',
  severity: 'error',
  scope: 'file',
  check(article) {
    // A body left out of the load (LoadOptions.bodies) has no findings here: its command reads none.
    const reports: Report[] = (article.markdown?.placeholders ?? []).map((p) => ({
      article,
      line: p.line,
      column: p.column,
      message: `Platzhalter aus der Vorlage: „${shorten(p.text)}“ – ersetzen Sie ihn durch den tatsächlichen Inhalt.`,
    }));
    const inFrontMatter: Array<{ pointer: string; text: string }> = [];
    frontMatterPlaceholders(article.data, '', inFrontMatter);
    for (const { pointer, text } of inFrontMatter) {
      reports.push({
        article,
        line: fileLineOfPointer(article.frontMatter, pointer),
        column: 1,
        message: `Platzhalter aus der Vorlage: „${shorten(text)}“ – ersetzen Sie ihn durch den tatsächlichen Inhalt.`,
      });
    }
    return reports;
  },
  examples: [
    {
      title: 'TODO: in text, in the title, but not in code',
      files: {
        'fb1/stelle-1-002.md': 'REPLACE:Anträge prüfen und bescheiden.=>Anträge prüfen. TODO: Fristen ergänzen\n\n`TODO:` im Code zählt nicht.',
        'fb1/anleitung-ablage.md': 'REPLACE:title: Ablage im Beispielamt=>title: "TODO: Titel"',
      },
      expected: [
        'fb1/anleitung-ablage.md:4:1 error Platzhalter aus der Vorlage: „TODO: Titel“ – ersetzen Sie ihn durch den tatsächlichen Inhalt. [placeholder]',
        'fb1/stelle-1-002.md:15:17 error Platzhalter aus der Vorlage: „TODO: Fristen ergänzen“ – ersetzen Sie ihn durch den tatsächlichen Inhalt. [placeholder]',
      ],
    },
  ],
};
