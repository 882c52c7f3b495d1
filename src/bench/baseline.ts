/**
 * The build baseline: plain Docusaurus + Faster + @easyops-cn/docusaurus-search-local
 * building the same docs folder (bench/plain-docusaurus/, see its docusaurus.config.js),
 * installed on first use with `npm ci` into its own node_modules.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UsageError } from '../core/wiki';
import { ROOT, stderrTail, type Progress } from './measure';

export const BASELINE_DIR = join(ROOT, 'bench/plain-docusaurus');
/** Written into the baseline's node_modules after `npm ci`: hash of its package.json and lock. */
const BASELINE_STAMP = join(BASELINE_DIR, 'node_modules/.stellenwissen-bench-installed');

function baselineFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(BASELINE_DIR, file)));
  return hash.digest('hex');
}

/**
 * Installs the baseline with `npm ci` unless its node_modules already match package.json
 * and the lock. Returns the seconds the install took, or undefined when nothing was done.
 */
export function ensureBaseline(progress: Progress): number | undefined {
  const fingerprint = baselineFingerprint();
  if (existsSync(BASELINE_STAMP) && readFileSync(BASELINE_STAMP, 'utf8') === fingerprint) return undefined;
  progress('installiere den Vergleichsbau (reines Docusaurus) mit npm ci, einmalig …');
  const started = performance.now();
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: BASELINE_DIR, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new UsageError(`„npm ci“ für den Vergleichsbau in ${BASELINE_DIR} ist fehlgeschlagen (Exit-Status ${result.status ?? 'Signal'}).\n${stderrTail(result.stderr ?? '')}`);
  }
  writeFileSync(BASELINE_STAMP, fingerprint);
  return (performance.now() - started) / 1000;
}

/** Installed version of a baseline package, for the report. */
export function baselineVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(BASELINE_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}
