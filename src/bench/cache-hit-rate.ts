/**
 * The analysis cache's hit rate after a code change, measured for real: warm the cache for
 * the generated wiki, change a module's source text on disk, load again with a freshly
 * computed fingerprint, restore the module. A report module is no part of the analysis, so
 * every analysis should come from the cache (goal 100 %); a parsing module is, so none
 * should (the control that shows the measurement can fail).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/fs-atomic';
import { analysisFingerprint, analysisSources } from '../core/load/analysis-cache';
import { loadWikiAsync } from '../core/load/load-wiki';
import { COMMON_SCHEMA, TYPE_SCHEMAS } from '../core/schema/schemas';
import { UsageError } from '../core/wiki';
import { ROOT, type Progress } from './measure';
import { met, percent } from './report';

/** A report (HR register as HTML): changing it must keep every cached analysis. */
export const REPORT_MODULE = 'src/hr/format/html.ts';
/** The Markdown parser the analysis uses: changing it must empty the cache. */
export const PARSING_MODULE = 'src/core/markdown/remark.ts';
const TOUCH = '\n// touched by npm run bench (analysis cache hit rate); removed again at once\n';

export interface HitRate {
  /** Project path of the touched module. */
  module: string;
  fromCache: number;
  files: number;
}

/** The fingerprint of the sources as they are on disk now (not the memoised one of the running code). */
const fingerprintNow = () => analysisFingerprint({ COMMON_SCHEMA, TYPE_SCHEMAS }, analysisSources());

/**
 * Runs `body` while `module` carries an extra comment line; restores the exact bytes and
 * the modification time afterwards (also on Ctrl+C), so bundle caches and git see no change.
 * Every write is atomic. If someone else changed the file meanwhile, it is left alone.
 */
async function withTouchedSource<T>(module: string, body: () => Promise<T>): Promise<T> {
  const path = join(ROOT, module);
  let original: Buffer;
  try {
    original = readFileSync(path);
  } catch {
    throw new UsageError(`${module} fehlt; die Trefferquote des Analyse-Caches lässt sich ohne die Quellen nicht messen.`);
  }
  const { atimeMs, mtimeMs, mode } = statSync(path);
  const touched = Buffer.concat([original, Buffer.from(TOUCH)]);
  const write = (bytes: Buffer) => {
    writeFileAtomic(path, bytes);
    chmodSync(path, mode & 0o7777);
  };
  const restore = () => {
    if (!readFileSync(path).equals(touched)) {
      throw new UsageError(`${module} wurde während der Messung von anderer Seite geändert und bleibt, wie es ist; bitte prüfen, ob die Zeile „${TOUCH.trim()}“ am Ende steht.`);
    }
    write(original);
    utimesSync(path, atimeMs / 1000, mtimeMs / 1000);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.kill(process.pid, signal);
  };
  write(touched);
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    return await body();
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    restore();
  }
}

/** Warms a private cache for `docs` with the untouched sources, touches `module`, loads again. */
async function hitRateAfterTouching(docs: string, cacheDir: string, module: string): Promise<HitRate> {
  await loadWikiAsync(docs, { cacheDir, fingerprint: fingerprintNow() });
  // One thread: worker threads would load (and rebuild) their bundle from the touched sources.
  const { stats } = await withTouchedSource(module, () => loadWikiAsync(docs, { cacheDir, fingerprint: fingerprintNow(), threads: 1 }));
  return { module, fromCache: stats.fromCache, files: stats.files };
}

/** Both hit rates and their goal lines; the cache lives in a temporary folder, not in node_modules. */
export async function measureCacheHitRates(docs: string, progress: Progress): Promise<{ report: HitRate; control: HitRate; goals: string[] }> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'stellenwissen-bench-cache-'));
  try {
    progress(`Analyse-Cache: Trefferquote nach Änderung an ${REPORT_MODULE} …`);
    const report = await hitRateAfterTouching(docs, cacheDir, REPORT_MODULE);
    progress(`Analyse-Cache: Gegenprobe mit ${PARSING_MODULE} …`);
    const control = await hitRateAfterTouching(docs, cacheDir, PARSING_MODULE);
    return { report, control, goals: hitRateGoals(report, control) };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

const share = (rate: HitRate) => `${rate.fromCache} von ${rate.files} Analysen aus dem Cache = ${percent(rate.files === 0 ? 0 : rate.fromCache / rate.files)}`;

/** The goal line (every analysis from the cache) and the control's line (none from the cache). */
export function hitRateGoals(report: HitRate, control: HitRate): string[] {
  const controlHolds = control.fromCache === 0 && control.files > 0;
  return [
    `Analyse-Cache nach Änderung an einem Berichtsmodul (${report.module}): ${share(report)} (Ziel 100 %): ${met(report.files > 0 && report.fromCache === report.files)}`,
    `Gegenprobe Analyse-Cache nach Änderung an einem Modul der Analyse (${control.module}): ${share(control)} (erwartet 0 %): ` +
      (controlHolds ? 'bestätigt' : 'NICHT bestätigt – die Messung darüber ist nicht aussagekräftig'),
  ];
}
