import { activeSchemaModel, localFields } from './model';
import { COMMON_SCHEMA, TYPE_SCHEMAS, type ArticleType } from './schemas';

/**
 * The front-matter keys of one article type as an editor form needs them – each key's
 * schema with its `$ref`s resolved and whether it is required – for both generated editor
 * configurations (Front Matter CMS: src/authoring/front-matter-cms.ts, Decap CMS:
 * src/editing/cms-config.ts), so the schemas are walked in one place.
 */

export type JsonSchema = Record<string, unknown>;

export interface TypeField {
  key: string;
  /** The key's schema, `$ref`s resolved, the type's own keywords over the common ones. */
  schema: JsonSchema;
  required: boolean;
}

/** Resolves the `$ref`s the schemas use (`#/$defs/…`, `common.schema.json#/$defs/…`); local keys win. */
export function resolveRefs(node: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const match = /^(?:common\.schema\.json)?#\/\$defs\/([A-Za-z]+)$/.exec(ref);
  if (!match) throw new Error(`Unbekannter $ref in den Schemas: ${ref}`);
  const target = (COMMON_SCHEMA.$defs as Record<string, JsonSchema>)[match[1]];
  if (!target) throw new Error(`$ref ins Leere: ${ref}`);
  const { $ref: _, ...local } = node;
  return { ...resolveRefs(target), ...local };
}

/**
 * The keys of one article type in the active model: the common keys up to `owner`, then
 * the type's own keys and the wiki's own (erweiterungen/), then the remaining common keys
 * (review date, interval, tags …).
 */
export function typeFields(type: ArticleType): TypeField[] {
  const own = TYPE_SCHEMAS[type].allOf[1] as JsonSchema;
  const ownProps = (own.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set([...COMMON_SCHEMA.required, ...((own.required as string[] | undefined) ?? []), ...(activeSchemaModel().local[type]?.required ?? [])]);
  const common = Object.entries(COMMON_SCHEMA.properties as Record<string, JsonSchema>);
  const split = common.findIndex(([key]) => key === 'owner') + 1;
  const merged = (key: string, value: JsonSchema): JsonSchema => (key in ownProps ? { ...value, ...ownProps[key] } : value);
  const entries: Array<[string, JsonSchema]> = [
    ...common.slice(0, split).map(([k, v]): [string, JsonSchema] => [k, merged(k, v)]),
    ...Object.entries(ownProps).filter(([key]) => !(key in COMMON_SCHEMA.properties)),
    ...localFields(type).map(([key, value]): [string, JsonSchema] => [key, value as JsonSchema]),
    ...common.slice(split).map(([k, v]): [string, JsonSchema] => [k, merged(k, v)]),
  ];
  return entries.map(([key, value]) => ({ key, schema: resolveRefs(value), required: required.has(key) }));
}
