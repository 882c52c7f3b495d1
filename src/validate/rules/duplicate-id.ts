import { fileLineOfPointer } from '../../core/frontmatter';
import type { Report, WikiRule } from './rule';

/**
 * `duplicate-id` — two articles share an `id`; every file involved is reported.
 *
 * ok:     ids unique across the wiki.
 * not-ok: a copied article whose `id` was not changed.
 */
export const duplicateIdRule: WikiRule = {
  id: 'duplicate-id',
  severity: 'error',
  scope: 'wiki',
  check({ wiki }) {
    const reports: Report[] = [];
    for (const [id, articles] of wiki.byId) {
      if (articles.length < 2) continue;
      for (const article of articles) {
        const others = articles.filter((a) => a !== article).map((a) => a.file).join(', ');
        reports.push({
          article,
          line: fileLineOfPointer(article.frontMatter, '/id'),
          column: 1,
          message: `Kennung „${id}“ ist mehrfach vergeben (auch in ${others}): Geben Sie einem der Artikel eine eigene Kennung.`,
        });
      }
    }
    return reports;
  },
  examples: [
    {
      title: 'a copied article reports both files',
      files: { 'fb1/kopie.md': 'COPY:fb1/anleitung-ablage.md' },
      expected: [
        'fb1/anleitung-ablage.md:2:1 error Kennung „anleitung-ablage“ ist mehrfach vergeben (auch in fb1/kopie.md): Geben Sie einem der Artikel eine eigene Kennung. [duplicate-id]',
        'fb1/kopie.md:2:1 error Kennung „anleitung-ablage“ ist mehrfach vergeben (auch in fb1/anleitung-ablage.md): Geben Sie einem der Artikel eine eigene Kennung. [duplicate-id]',
      ],
    },
  ],
};
