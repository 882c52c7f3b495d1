import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ARTICLE_TYPES, COMMON_SCHEMA, type ArticleType, isArticleType } from './schemas';
import { activeSchemaModel, type SchemaModel } from './model';
import type { FrontMatter } from '../generated/front-matter';
import * as PRECOMPILED_MODULE from '../generated/validators.cjs';

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

type Compiled = { common: ValidateFunction; byType: Record<ArticleType, ValidateFunction> };

/**
 * An ajv that knows our keywords and the common schema (which the type schemas `$ref`).
 * `source`: keep each validator's code, for the precompiled module (generate-validators.ts).
 */
export function createAjv(source = false): Ajv2020 {
  // Our schemas are checked against the 2020-12 meta-schema once, in test/schemas.test.ts;
  // checking them again costs every command (and every worker) some 70 ms of ajv compiling.
  const ajv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: true, validateSchema: false, ...(source ? { code: { source: true, lines: true } } : {}) });
  addFormats(ajv, ['date']);
  ajv.addKeyword({ keyword: 'x-sections', schemaType: 'array' });
  ajv.addKeyword({ keyword: 'x-section-synonyms', schemaType: 'object' });
  // Labels for people, not rules for values (see labels.ts).
  ajv.addKeyword({ keyword: 'x-labels', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'x-title-plural', schemaType: 'string' });
  ajv.addSchema(COMMON_SCHEMA);
  return ajv;
}

/**
 * Compiles a model's schemas (ours plus a wiki's extensions). Values are coerced the way
 * people write YAML: `tags: [2025]` is the text "2025", `review_months: "6"` the number 6.
 */
function compile(model: SchemaModel): Compiled {
  // Ours alone: compiled when the package was built (100–250 ms less per thread and command).
  if (Object.keys(model.local).length === 0) return PRECOMPILED;
  const ajv = createAjv();
  const byType = {} as Record<ArticleType, ValidateFunction>;
  for (const type of ARTICLE_TYPES) byType[type] = ajv.compile(model.schemas[type]);
  return { common: ajv.getSchema(COMMON_SCHEMA.$id)!, byType };
}

/**
 * What ajv says about a wiki's extension file (src/core/schema/extensions.ts): `file` checked
 * against the 2020-12 meta-schema, then `part` (what joins our schema) compiled as the
 * validator will; `id` places it next to our schemas, so `common.schema.json#/$defs/…` resolves.
 */
export function extensionSchemaErrors(file: object, part: object, id: string): { meta: ErrorObject[]; compile?: string } {
  const ajv = createAjv();
  if (!ajv.validateSchema(file)) return { meta: ajv.errors ?? [] };
  try {
    ajv.compile({ ...part, $id: id });
    return { meta: [] };
  } catch (error) {
    return { meta: [], compile: (error as Error).message };
  }
}

/** Our schemas' validators as `npm run gen:types` wrote them (drift test: test/schema-validators.test.ts). */
const PRECOMPILED: Compiled = (() => {
  const { common, ...byType } = PRECOMPILED_MODULE as unknown as Record<'common' | ArticleType, ValidateFunction>;
  return { common, byType };
})();

/** Once per model: a process usually has one, tests switch between a few. */
const compiledByModel = new WeakMap<SchemaModel, Compiled>();

/** The compiled validators of a model (compiling them on first use; see `compile` for errors). */
export function compileSchemaModel(model: SchemaModel): Compiled {
  let compiled = compiledByModel.get(model);
  if (!compiled) {
    compiled = compile(model);
    compiledByModel.set(model, compiled);
  }
  return compiled;
}

/**
 * Validates parsed front matter against its type's schema (or, when `type` is
 * missing or unknown, against the common schema, which then reports `type`).
 * The data is coerced in place; `translate` turns each ajv error into German.
 */
export function validateFrontMatter(data: Record<string, unknown>, translate: MessageFn): SchemaResult {
  const compiled = compileSchemaModel(activeSchemaModel());
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
