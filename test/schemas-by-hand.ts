import { COMMON_SCHEMA, TYPE_SCHEMAS, type ArticleType } from '../src/core/schema/schemas';

/**
 * The schema of every key of a type, `$ref`s resolved by hand – independently of
 * src/core/schema/type-fields.ts, which both editor generators use: the drift tests of
 * frontmatter.json (test/editor-config.test.ts) and of the browser editor's configuration
 * (test/cms-config.test.ts) compare the generators' output with this.
 */
export type Json = Record<string, unknown>;

function defOf(ref: string): Json {
  return (COMMON_SCHEMA.$defs as Record<string, Json>)[/\$defs\/(\w+)$/.exec(ref)![1]!]!;
}

export function resolved(schema: Json): Json {
  return typeof schema.$ref === 'string' ? { ...resolved(defOf(schema.$ref)), ...schema } : schema;
}

export function schemaOf(type: ArticleType): { props: Record<string, Json>; required: Set<string> } {
  const own = TYPE_SCHEMAS[type].allOf[1] as Json;
  const ownProps = (own.properties ?? {}) as Record<string, Json>;
  const props: Record<string, Json> = {};
  for (const [key, value] of Object.entries(COMMON_SCHEMA.properties as Record<string, Json>)) props[key] = resolved({ ...value, ...ownProps[key] });
  for (const [key, value] of Object.entries(ownProps)) props[key] = resolved({ ...props[key], ...value });
  return { props, required: new Set([...COMMON_SCHEMA.required, ...((own.required as string[] | undefined) ?? [])]) };
}
