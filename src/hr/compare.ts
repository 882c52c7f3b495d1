import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { UsageError } from '../core/wiki';

/**
 * The trend between two audits (`--compare PREVIOUS.json`, contract §7): which posts are newly
 * flagged, which are no longer, and whose coverage changed, against an earlier audit's JSON
 * output. A post flagged in several register rows counts once, with the coverage of its
 * earliest departure (the first of its rows in departure order).
 */

export interface CoverageChange {
  post: string;
  before: number;
  after: number;
}

export interface AuditChanges {
  new: string[];
  resolved: string[];
  coverage: CoverageChange[];
}

/** What the comparison reads of an earlier audit. */
export interface PreviousAudit {
  today: string;
  flagged: Array<{ post: string; departure: string; coverage: number }>;
}

/** The part of the audit JSON the comparison relies on; anything else in the file is ignored. */
export const PREVIOUS_SCHEMA = {
  type: 'object',
  required: ['today', 'horizon', 'lead', 'flagged', 'summary'],
  properties: {
    today: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    horizon: { type: 'integer' },
    lead: { type: 'integer' },
    flagged: {
      type: 'array',
      items: {
        type: 'object',
        required: ['post', 'departure', 'coverage', 'missing'],
        properties: {
          post: { type: 'string', minLength: 1 },
          departure: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          coverage: { type: 'integer', minimum: 0, maximum: 100 },
          missing: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    summary: { type: 'object' },
  },
} as const;

/**
 * Compiled on first use, without checking the schema against the meta-schema (a test does):
 * that check alone took 0.1 s of every audit run.
 */
let validatePrevious: ValidateFunction<PreviousAudit> | undefined;
const previousValidator = () => (validatePrevious ??= new Ajv2020({ allErrors: false, strict: true, validateSchema: false }).compile<PreviousAudit>(PREVIOUS_SCHEMA));

/** The earlier audit in the file `path` (`--compare`), or a usage error in one German line. */
export function readPreviousAuditFile(path: string): PreviousAudit {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--compare ${path}: Datei nicht gefunden oder nicht lesbar.`);
  }
  return readPreviousAudit(text, path);
}

/** The earlier audit in `text` (file `name`), or a usage error in one German line. */
export function readPreviousAudit(text: string, name: string): PreviousAudit {
  const refuse = (why: string) => new UsageError(`--compare ${name}: ${why} – erwartet wird die JSON-Ausgabe einer früheren Auswertung (npm run audit -- --format json).`);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw refuse('kein gültiges JSON');
  }
  const validate = previousValidator();
  if (!validate(data)) {
    const error = validate.errors?.[0];
    const where = error?.instancePath ? ` bei ${error.instancePath}` : '';
    throw refuse(`keine Auswertung (Feld${where} fehlt oder hat die falsche Form)`);
  }
  return data;
}

/** Each post's coverage in its earliest flagged row (the rows are taken in departure order). */
function coverageByPost(rows: Array<{ post: string; departure: string; coverage: number }>): Map<string, number> {
  const byPost = new Map<string, number>();
  const ordered = [...rows].sort((a, b) => (a.departure < b.departure ? -1 : a.departure > b.departure ? 1 : 0));
  for (const row of ordered) if (!byPost.has(row.post)) byPost.set(row.post, row.coverage);
  return byPost;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareAudits(previous: PreviousAudit, current: Array<{ post: string; departure: string; coverage: number }>): AuditChanges {
  const before = coverageByPost(previous.flagged);
  const now = coverageByPost(current);
  return {
    new: [...now.keys()].filter((post) => !before.has(post)).sort(byId),
    resolved: [...before.keys()].filter((post) => !now.has(post)).sort(byId),
    coverage: [...now]
      .filter(([post, after]) => before.has(post) && before.get(post) !== after)
      .map(([post, after]) => ({ post, before: before.get(post)!, after }))
      .sort((a, b) => byId(a.post, b.post)),
  };
}
