import type { Article } from '../../core/article';
import { localToday, type CalendarDate } from '../../core/dates';
import type { Finding, Severity } from '../../core/finding';
import type { Wiki } from '../../core/wiki';
import { formatFinding } from '../../validate/format/text';
import { RULES } from '../../validate/rules/index';
import { validateWiki, type ValidationResult } from '../../validate/validate';
import { wikiWithEntry, type PreviewIndex } from './wiki';

/** How the preview names a finding's severity. */
export const SEVERITY_WORDS: Record<Severity, string> = { error: 'Fehler', warning: 'Warnung' };

/** The edited entry, checked with validate's rules in the wiki around it. */
export interface EntryCheck {
  article: Article;
  wiki: Wiki;
  validation: ValidationResult;
  /** The day it was checked on (`stale`). */
  today: CalendarDate;
  /** The findings of the edited file only, in validate's order. */
  findings: Finding[];
}

/** Checks the edited article (`relPath` in the wiki, the whole file as `text`) on `today` (default: the browser's day). */
export function checkEntry(index: PreviewIndex, relPath: string, text: string, today: CalendarDate = localToday()): EntryCheck {
  const { wiki, article } = wikiWithEntry(index, relPath, text);
  const validation = validateWiki(wiki, today, RULES);
  return { article, wiki, validation, today, findings: validation.findings.filter((f) => f.file === article.file) };
}

/** The findings as validate prints them (`datei:zeile:spalte schwere meldung [regel]`). */
export function findingLines(check: EntryCheck): string[] {
  return check.findings.map(formatFinding);
}
