/** What every article type draws on and writes to: the one random stream, article sizes, review dates, the files. */
import { isoDaysFromRef } from './dates';
import type { Random } from './random';

export interface ArticleContext {
  r: Random;
  /** An article size in bytes: 2.5–6.5 KB, uniform, so the mean is about 4.5 KB. */
  target(): number;
  /** `reviewed` and `review_months` front-matter lines: about 12 % are overdue on the reference date. */
  review(path: string): string[];
  /** The articles generated so far: relative path → content, in the order written. */
  files: Map<string, string>;
  /** Relative paths of the articles `review` made overdue. */
  stale: string[];
}

/** One context per wiki: the article types draw from `r` in a fixed order, so the seed fixes the output. */
export function articleContext(r: Random): ArticleContext {
  const stale: string[] = [];
  return {
    r,
    files: new Map(),
    stale,
    target: () => r.int(2500, 6500),
    review: (path) => {
      if (r.chance(0.12)) {
        stale.push(path);
        return [`reviewed: ${isoDaysFromRef(-r.int(400, 900))}`, 'review_months: 12'];
      }
      const months = r.pick([12, 12, 12, 24, 6]);
      const maxAge = months === 6 ? 170 : 330;
      return [`reviewed: ${isoDaysFromRef(-r.int(5, maxAge))}`, ...(months === 12 && r.chance(0.5) ? [] : [`review_months: ${months}`])];
    },
  };
}
