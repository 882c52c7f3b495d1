import { stringValue } from '../../core/article';
import { formatIsoDate } from '../../core/dates';
import { fileLineOfPointer } from '../../core/frontmatter';
import { isStale, reviewDue } from '../../core/review-dates';
import type { FileRule } from './rule';

/**
 * `stale` (warning) — `reviewed` + `review_months` (default 12) lies before the
 * check date (`--today`). Month arithmetic clamps: 31 Jan + 1 month = end of Feb.
 *
 * ok:     reviewed 2026-06-01, checked 2027-06-01 (due that day).
 * not-ok: reviewed 2026-06-01, checked 2027-06-02.
 */
export const staleRule: FileRule = {
  id: 'stale',
  severity: 'warning',
  scope: 'file',
  check(article, { today }) {
    if (!article.type || !isStale(article, today)) return [];
    const due = reviewDue(article)!;
    return [{
      article,
      line: fileLineOfPointer(article.frontMatter, '/reviewed'),
      column: 1,
      message: `Überprüfung überfällig seit ${formatIsoDate(due)} (zuletzt überprüft ${stringValue(article, 'reviewed')}): Inhalt prüfen und „reviewed“ auf das Prüfdatum setzen.`,
    }];
  },
  examples: [
    {
      title: 'due on the check date is not yet stale',
      files: {},
      today: '2027-06-01',
      expected: [],
    },
    {
      title: 'one day later every article of the mini wiki is stale; review_months shortens it',
      files: { 'fb1/stelle-1-002.md': 'REPLACE:review_months: 12=>review_months: 6' },
      today: '2026-12-02',
      expected: ['fb1/stelle-1-002.md:7:1 warning Überprüfung überfällig seit 2026-12-01 (zuletzt überprüft 2026-06-01): Inhalt prüfen und „reviewed“ auf das Prüfdatum setzen. [stale]'],
    },
  ],
};
