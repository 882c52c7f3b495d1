import { existsSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createFileExclusive } from '../../core/fs-atomic';
import { UsageError } from '../../core/wiki';
import { toPosix } from '../../core/wiki-files';
import type { PlannedWrite } from './plan';

/**
 * Writes a planned import all or nothing: every file is created atomically and never
 * over an existing one; if one fails (a file appeared meanwhile, a disk error), the files
 * and folders this call created are removed again.
 */
export function writeImport(writes: readonly PlannedWrite[]): void {
  const created: string[] = [];
  const createdDirs: string[] = [];
  try {
    for (const write of writes) {
      const missing: string[] = [];
      for (let dir = dirname(write.path); !existsSync(dir); dir = dirname(dir)) missing.push(dir);
      mkdirSync(dirname(write.path), { recursive: true });
      createdDirs.push(...missing);
      if (!createFileExclusive(write.path, write.content)) throw new UsageError(`Nichts importiert: ${toPosix(write.path)} gibt es schon.`);
      created.push(write.path);
    }
  } catch (error) {
    for (const path of created.reverse()) rmSync(path, { force: true });
    for (const dir of createdDirs.sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty: something else lives there now
      }
    }
    throw error;
  }
}
