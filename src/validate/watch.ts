import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Article } from '../core/article';
import type { CalendarDate } from '../core/dates';
import { formatFinding } from './format/text';
import type { Finding } from '../core/finding';
import { RULES } from './rules/index';
import type { Rule } from './rules/rule';
import { validateWiki, type ValidationResult } from './validate';
import { loadWiki, readArticle } from '../core/load/load-wiki';
import { compareWikiPaths, indexWiki, isWikiPath, type Wiki } from '../core/wiki';
import { listArticleFiles, toPosix } from '../core/wiki-files';

/** What happened to a file the watcher reported. */
export type FileChange = 'added' | 'changed' | 'removed';

/** One file whose findings are reported after an update. */
export interface FileReport {
  /** Path as shown to the user (like `Finding.file`). */
  file: string;
  /** Set when the file itself was added, changed or removed; undefined when only other files changed its findings. */
  change: FileChange | undefined;
  /** Its findings now (empty: the file is fine or gone). */
  findings: Finding[];
  /** Whether it had findings before the update. */
  hadFindings: boolean;
}

export interface WatchUpdate {
  /** The files touched by this update, plus every other file whose findings changed. Sorted by path. */
  files: FileReport[];
  /** The whole wiki after the update. */
  result: ValidationResult;
}

function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) map.set(f.file, [...(map.get(f.file) ?? []), f]);
  return map;
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => formatFinding(f) === formatFinding(b[i]));
}

/**
 * Validation that follows a changing wiki: the first run reads every file; afterwards
 * `update` re-reads only the files it is given (added, changed or removed), re-indexes
 * the wiki and re-runs the rules over the articles in memory, so cross-file findings
 * (`duplicate-id`, `reference`) stay right. It reports the given files and every other
 * file whose findings changed. No file watching here: the CLI feeds it paths.
 */
export class IncrementalValidation {
  readonly root: string;
  private readonly cwd: string;
  private readonly rules: readonly Rule[];
  private articles = new Map<string, Article>();
  private wikiValue: Wiki;
  private resultValue: ValidationResult;

  constructor(root: string, today: CalendarDate, options: { cwd?: string; rules?: readonly Rule[] } = {}) {
    this.root = root;
    this.cwd = options.cwd ?? process.cwd();
    this.rules = options.rules ?? RULES;
    this.wikiValue = loadWiki(root, this.cwd);
    for (const article of this.wikiValue.articles) this.articles.set(article.relPath, article);
    this.resultValue = validateWiki(this.wikiValue, today, this.rules);
  }

  get wiki(): Wiki {
    return this.wikiValue;
  }

  get result(): ValidationResult {
    return this.resultValue;
  }

  /** The path relative to the wiki root (`/`-separated), or undefined when outside it. */
  private relPathOf(path: string): string | undefined {
    // Like loadWiki: the root and the paths are relative to the process's directory; `cwd` only shapes `file`.
    const rel = toPosix(relative(resolve(this.root), resolve(path)));
    if (rel === '..' || rel.startsWith('../') || isAbsolute(rel)) return undefined;
    return rel;
  }

  /**
   * Re-checks the given paths (files or folders, absolute or relative to the process's directory):
   * an existing Markdown file is read again, a folder is rescanned, a path that is
   * gone removes its article(s). Paths outside the wiki or skipped by it (`_`, `.`) are ignored.
   */
  update(paths: readonly string[], today: CalendarDate): WatchUpdate {
    const previous = new Map([...this.articles].map(([relPath, article]) => [relPath, article.file]));
    const touched = new Set<string>();
    const remove = (relPath: string) => {
      if (this.articles.delete(relPath)) touched.add(relPath);
    };
    const read = (relPath: string) => {
      if (touched.has(relPath) && this.articles.has(relPath)) return; // already read in this update
      this.articles.set(relPath, readArticle(this.root, join(this.root, relPath), this.cwd));
      touched.add(relPath);
    };
    for (const path of paths) {
      const relPath = this.relPathOf(path);
      if (relPath === undefined) continue;
      let kind: 'file' | 'dir' | 'none' = 'none';
      try {
        const stats = statSync(join(this.root, relPath));
        kind = stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : 'none';
      } catch {
        kind = 'none';
      }
      if (kind === 'file') {
        if (isWikiPath(relPath, 'file')) read(relPath);
        continue;
      }
      // Gone or a folder: forget what was there, then read what is there now.
      const prefix = relPath === '' ? '' : `${relPath}/`;
      const present = new Set(
        kind === 'dir' && isWikiPath(relPath, 'dir')
          ? listArticleFiles(join(this.root, relPath)).map((p) => `${prefix}${toPosix(relative(join(this.root, relPath), p))}`)
          : [],
      );
      for (const known of [...this.articles.keys()]) {
        if ((known === relPath || known.startsWith(prefix)) && !present.has(known)) remove(known);
      }
      for (const relFile of present) read(relFile);
    }

    const before = byFile(this.resultValue.findings);
    const ordered = [...this.articles.values()].sort((a, b) => compareWikiPaths(a.relPath, b.relPath));
    this.wikiValue = indexWiki(this.root, ordered);
    this.resultValue = validateWiki(this.wikiValue, today, this.rules);
    const after = byFile(this.resultValue.findings);

    const reports = new Map<string, FileReport>();
    for (const relPath of touched) {
      const now = this.articles.get(relPath);
      const was = previous.get(relPath);
      const change: FileChange = now === undefined ? 'removed' : was === undefined ? 'added' : 'changed';
      const file = now?.file ?? was!;
      reports.set(file, { file, change, findings: after.get(file) ?? [], hadFindings: (before.get(file) ?? []).length > 0 });
    }
    for (const file of new Set([...before.keys(), ...after.keys()])) {
      if (reports.has(file)) continue;
      const old = before.get(file) ?? [];
      const now = after.get(file) ?? [];
      if (!sameFindings(old, now)) reports.set(file, { file, change: undefined, findings: now, hadFindings: old.length > 0 });
    }
    const files = [...reports.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return { files, result: this.resultValue };
  }
}
