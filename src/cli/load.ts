import { Option } from 'commander';
import { loadWikiAsync } from '../core/load/load-wiki';
import { type Wiki } from '../core/wiki';
import type { ArticleType } from '../core/schema/schemas';
import { fileProgress } from './progress';

/** `--no-cache`: read every file again instead of reusing analyses of unchanged files. */
export function noCacheOption(): Option {
  return new Option('--no-cache', 'alle Dateien neu lesen, ohne den Zwischenspeicher in node_modules/.cache');
}

/**
 * Loads the wiki for a command: unchanged files from the analysis cache (unless
 * `--no-cache`), the rest on worker threads, with a progress bar at a terminal.
 */
export async function loadWikiForCommand(docs: string, options: { cache: boolean; label: string; bodies?: readonly ArticleType[] }): Promise<Wiki> {
  const progress = fileProgress(options.label);
  try {
    const { wiki } = await loadWikiAsync(docs, { cache: options.cache, bodies: options.bodies, onProgress: (done, total) => progress.update(done, total) });
    return wiki;
  } finally {
    progress.stop();
  }
}
