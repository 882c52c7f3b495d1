/**
 * A seeded, deterministic generator of benchmark wikis in the contract format
 * (contract/knowledge-model.md): departments, posts, processes, handovers and guides
 * with realistic – invented – German administrative text, plus an HR register of
 * departures. Pure (`generateWiki`) plus a small fs writer (`writeGeneratedWiki`, write.ts).
 * One module per article type; they draw from one random stream in a fixed order.
 *
 * Design: the wiki validates with **zero errors** on the reference date (no `TODO:`
 * placeholders – `npm run build` refuses wikis with errors, and the bench builds it), but
 * carries the gaps an audit must find: empty `deputies`, empty `performers`, overdue
 * reviews (`stale` warnings), posts without processes, handovers not yet complete.
 * Everything derives from the seed; no clock is read.
 */
import { articleContext } from './context';
import { departmentArticles } from './department';
import { guideArticles } from './guide';
import { handoverArticles } from './handover';
import { organisation } from './organisation';
import { postArticles } from './post';
import { processArticles } from './process';
import { Random } from './random';
import { register } from './register';
import { staffRegister } from './staff';

export { REFERENCE_DATE } from './dates';
export { mulberry32 } from './random';
export { isEmptyOrMissing, OUTPUT_LAYOUT, writeGeneratedWiki } from './write';

/** Bumped whenever the output for a given (articles, seed) changes; part of the bench cache key. */
export const GENERATOR_VERSION = 4;

export const MIN_ARTICLES = 20;
export const MAX_ARTICLES = 200_000;

export interface GenerateOptions {
  articles: number;
  seed?: number;
}

export interface GeneratedWiki {
  /** Relative path under the wiki folder (`<department>/<id>.md`) → file content. */
  files: Map<string, string>;
  /** The register CSV (UTF-8 BOM, `;`, CRLF). */
  register: string;
  /** A full staff export with birth dates (same format), for the audit's long view. */
  staff: string;
  /** What was generated, for tests and the bench. */
  manifest: {
    counts: Record<'department' | 'post' | 'process' | 'handover' | 'guide', number>;
    /** Relative paths of the articles whose review is overdue on REFERENCE_DATE (`stale` warnings). */
    stale: string[];
    registerRows: number;
    staffRows: number;
  };
}

/** The number of articles of each type for N articles. */
export function articleCounts(n: number): GeneratedWiki['manifest']['counts'] {
  const department = Math.max(2, Math.round(n / 100));
  const post = Math.max(department * 2, Math.round(n * 0.35));
  const process = Math.round(n * 0.45);
  const handover = Math.max(1, Math.round(n * 0.05));
  const guide = n - department - post - process - handover;
  if (guide < 0) throw new RangeError(`zu wenige Artikel: ${n}`);
  return { department, post, process, handover, guide };
}

export function generateWiki(options: GenerateOptions): GeneratedWiki {
  const n = options.articles;
  if (!Number.isInteger(n) || n < MIN_ARTICLES || n > MAX_ARTICLES) throw new RangeError(`articles must be an integer from ${MIN_ARTICLES} to ${MAX_ARTICLES}`);
  const r = new Random(options.seed ?? 1);
  const counts = articleCounts(n);
  const ctx = articleContext(r);
  // The order of these steps is the order of the random draws: changing it changes every wiki.
  const { departments, posts } = organisation(r, counts);
  const owned = processArticles(ctx, departments, counts.process);
  postArticles(ctx, posts, owned);
  departmentArticles(ctx, departments);
  const { departures, csv, rows } = register(r, posts, n);
  handoverArticles(ctx, posts, departures, counts.handover);
  guideArticles(ctx, departments, counts.guide);
  // Last, so that adding it changed none of the draws above.
  const staff = staffRegister(r, posts, n);
  return { files: ctx.files, register: csv, staff: staff.csv, manifest: { counts, stale: ctx.stale.sort(), registerRows: rows, staffRows: staff.rows } };
}
