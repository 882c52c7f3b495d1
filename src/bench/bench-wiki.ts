/**
 * The bench's generated wiki, cached by generator version, N and seed under
 * node_modules/.cache/stellenwissen-bench/ (written to a temporary folder, then renamed,
 * so a half-written wiki is never used).
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GENERATOR_VERSION, generateWiki, OUTPUT_LAYOUT, writeGeneratedWiki } from './generate';
import { ROOT, type Progress } from './measure';

const CACHE_ROOT = join(ROOT, 'node_modules/.cache/stellenwissen-bench');

export interface BenchWiki {
  dir: string;
  docs: string;
  register: string;
  /** The full staff export with birth dates (issue 19). */
  staff: string;
  /** True when generated in this run (in `seconds`), false when taken from the cache. */
  generated: boolean;
  seconds: number;
}

/** Returns the cached wiki folder for (version, N, seed), generating it on first use. */
export function benchWiki(articles: number, seed: number, progress: Progress): BenchWiki {
  const dir = join(CACHE_ROOT, `v${GENERATOR_VERSION}-n${articles}-s${seed}`);
  const wiki = (generated: boolean, seconds: number): BenchWiki =>
    ({ dir, docs: join(dir, OUTPUT_LAYOUT.docs), register: join(dir, OUTPUT_LAYOUT.register), staff: join(dir, OUTPUT_LAYOUT.staff), generated, seconds });
  if (existsSync(join(dir, '.complete'))) return wiki(false, 0);
  progress(`erzeuge ${articles} Artikel (Startwert ${seed}) …`);
  const started = performance.now();
  mkdirSync(CACHE_ROOT, { recursive: true });
  const temp = mkdtempSync(join(CACHE_ROOT, 'tmp-'));
  writeGeneratedWiki(temp, generateWiki({ articles, seed }));
  writeFileSync(join(temp, '.complete'), '');
  rmSync(dir, { recursive: true, force: true });
  renameSync(temp, dir);
  return wiki(true, (performance.now() - started) / 1000);
}
