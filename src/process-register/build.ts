import { validFrontMatter, type Article } from '../core/article';
import type { ProcessFrontMatter } from '../core/generated/front-matter';
import { articleRef } from '../coverage/coverage';
import type { CalendarDate } from '../core/dates';
import { findingsByFile, hasValidFrontMatter, type Finding } from '../core/finding';
import { RULES } from '../validate/rules/index';
import { validateWiki } from '../validate/validate';
import type { Wiki } from '../core/wiki';

/**
 * One row of the process register, as neighbouring municipalities merge it into an
 * inter-municipal register. Keys are the contract's front matter keys; `digital` is
 * flattened to `digital_status`/`digital_bundle` so JSON and CSV have the same columns.
 * Every key is always present: absent optional values are `null` (texts) or `[]` (lists).
 */
export interface ProcessRecord {
  id: string;
  title: string;
  department: string;
  owner: string;
  performers: string[];
  frequency: string;
  leika: string | null;
  legal_basis: string[];
  systems: string[];
  digital_status: string | null;
  digital_bundle: string | null;
  /** `YYYY-MM-DD`. */
  reviewed: string;
  /** Page path as the site routes it: `<department folder>/<id>`. */
  path: string;
}

/** The keys of a record, in column order (JSON key order and CSV columns). */
export const PROCESS_RECORD_KEYS = [
  'id', 'title', 'department', 'owner', 'performers', 'frequency', 'leika', 'legal_basis', 'systems',
  'digital_status', 'digital_bundle', 'reviewed', 'path',
] as const satisfies ReadonlyArray<keyof ProcessRecord>;

/** An article left out of the register, with the findings that explain why. */
export interface SkippedArticle {
  file: string;
  /** `invalid`: a process whose front matter is invalid; `duplicate`: its id is not unique; `unknown`: its type cannot be read. */
  reason: 'invalid' | 'duplicate' | 'unknown';
  findings: Finding[];
}

export interface ProcessRegister {
  processes: ProcessRecord[];
  skipped: SkippedArticle[];
}

/** The rules that decide whether a process can be exported: readable, schema-valid, unique id. */
const GATE_RULES = RULES.filter((rule) => rule.id === 'yaml' || rule.id === 'schema' || rule.id === 'duplicate-id');

/** A process the schema accepted, as a record (optional lists as [], optional values as null). */
function toRecord(article: Article, data: ProcessFrontMatter): ProcessRecord {
  return {
    id: data.id,
    title: data.title,
    department: data.department,
    owner: data.owner,
    performers: data.performers,
    frequency: data.frequency,
    leika: data.leika ?? null,
    legal_basis: data.legal_basis ?? [],
    systems: data.systems ?? [],
    digital_status: data.digital?.status ?? null,
    digital_bundle: data.digital?.bundle ?? null,
    reviewed: data.reviewed,
    path: articleRef(article).path,
  };
}

/**
 * The process register of a loaded wiki: every `process` article whose front matter is
 * valid (no `yaml` or `schema` finding, as in the coverage checks) and whose id is unique.
 * Left out and listed in `skipped`: processes with invalid front matter or a duplicate id,
 * and files whose article type cannot be read (they might be processes). Other findings
 * (placeholders, references, sections, review dates) do not keep a process out: the
 * register exports what is written; `validate` judges it. Sorted by page path.
 */
export function buildProcessRegister(wiki: Wiki, today: CalendarDate): ProcessRegister {
  const findings = validateWiki(wiki, today, GATE_RULES).findings;
  const byFile = findingsByFile(findings);

  const processes: ProcessRecord[] = [];
  const skipped: SkippedArticle[] = [];
  for (const article of wiki.articles) {
    const own = byFile.get(article.file) ?? [];
    if (article.type === undefined) {
      skipped.push({ file: article.file, reason: 'unknown', findings: own });
    } else if (article.type === 'process') {
      const data = validFrontMatter(article, 'process');
      if (!data || !hasValidFrontMatter(article, own)) {
        skipped.push({ file: article.file, reason: 'invalid', findings: own });
      } else if (own.some((f) => f.rule === 'duplicate-id')) {
        skipped.push({ file: article.file, reason: 'duplicate', findings: own });
      } else {
        processes.push(toRecord(article, data));
      }
    }
  }
  processes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { processes, skipped };
}

/** `--format json`: an array of records with ISO dates, two-space indented. */
export function formatProcessRegisterJson(register: ProcessRegister): string {
  return `${JSON.stringify(register.processes, PROCESS_RECORD_KEYS as unknown as string[], 2)}\n`;
}
