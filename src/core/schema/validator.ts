import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ARTICLE_TYPES, COMMON_SCHEMA, TYPE_SCHEMAS, type ArticleType, isArticleType } from './schemas';
import type { FrontMatter } from '../generated/front-matter';

/** One schema violation, with the JSON pointer of the key it concerns. */
export interface SchemaIssue {
  pointer: string;
  /** True when the key itself is absent (point at where it would go, not at a key). */
  missing: boolean;
  message: string;
}

export type SchemaResult =
  | { valid: true; data: FrontMatter; issues: [] }
  | { valid: false; data: undefined; issues: SchemaIssue[] };

type MessageFn = (error: ErrorObject, type: ArticleType | undefined, data: unknown) => SchemaIssue | undefined;

/**
 * Compiles the schemas once. Values are coerced the way people write YAML:
 * `tags: [2025]` is the text "2025", `review_months: "6"` the number 6.
 */
function compile(): { common: ValidateFunction; byType: Record<ArticleType, ValidateFunction> } {
  // Our schemas are checked against the 2020-12 meta-schema once, in test/schemas.test.ts;
  // checking them again costs every command (and every worker) some 70 ms of ajv compiling.
  const ajv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: true, validateSchema: false });
  addFormats(ajv, ['date']);
  ajv.addKeyword({ keyword: 'x-sections', schemaType: 'array' });
  ajv.addKeyword({ keyword: 'x-section-synonyms', schemaType: 'object' });
  // Labels for people, not rules for values (see labels.ts).
  ajv.addKeyword({ keyword: 'x-labels', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'x-title-plural', schemaType: 'string' });
  ajv.addSchema(COMMON_SCHEMA);
  const byType = {} as Record<ArticleType, ValidateFunction>;
  for (const type of ARTICLE_TYPES) byType[type] = ajv.compile(TYPE_SCHEMAS[type]);
  return { common: ajv.getSchema(COMMON_SCHEMA.$id)!, byType };
}

let compiled: ReturnType<typeof compile> | undefined;

/**
 * Validates parsed front matter against its type's schema (or, when `type` is
 * missing or unknown, against the common schema, which then reports `type`).
 * The data is coerced in place; `translate` turns each ajv error into German.
 */
export function validateFrontMatter(data: Record<string, unknown>, translate: MessageFn): SchemaResult {
  compiled ??= compile();
  const type = isArticleType(data.type) ? data.type : undefined;
  const validate = type ? compiled.byType[type] : compiled.common;
  if (validate(data)) return { valid: true, data: data as unknown as FrontMatter, issues: [] };
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const issue = translate(error, type, data);
    if (!issue) continue;
    // One issue per key: an empty value would otherwise fail pattern and format at once.
    if (seen.has(issue.pointer)) continue;
    seen.add(issue.pointer);
    issues.push(issue);
  }
  return { valid: false, data: undefined, issues };
}
