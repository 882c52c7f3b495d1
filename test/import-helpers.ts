import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportOptions } from '../src/authoring/import';
import { parseIsoDate } from '../src/core/dates';
import { MINI_WIKI, tempDir } from './helpers';

/** The import tests' check date. */
export const IMPORT_TODAY = parseIsoDate('2026-11-30')!;

export interface ImportProject { root: string; docs: string; staticDir: string }

/** A temporary project: the mini wiki in `docs/`, an empty `static/`. */
export function importProject(prefix = 'stellenwissen-import-'): ImportProject {
  const root = tempDir(prefix);
  const docs = join(root, 'docs');
  cpSync(MINI_WIKI, docs, { recursive: true });
  return { root, docs, staticDir: join(root, 'static') };
}

/** Import options into a project: a guide in fb1 unless `more` says otherwise. */
export const importOptions = (p: Pick<ImportProject, 'docs' | 'staticDir'>, source: string, more: Partial<ImportOptions> = {}): ImportOptions => ({
  source, type: 'guide', department: 'fb1', docs: p.docs, staticDir: p.staticDir, today: IMPORT_TODAY, ...more,
});
