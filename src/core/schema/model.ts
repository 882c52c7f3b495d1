import type { FieldSchema } from './messages';
import { ARTICLE_TYPES, COMMON_SCHEMA, TYPE_SCHEMAS, type ArticleType } from './schemas';

/**
 * The knowledge model one wiki works with: our schemas plus the wiki's own local
 * extensions (erweiterungen/<type>.schema.json, read and checked by extensions.ts).
 * Everything that asks for a type's keys, required sections or schema asks the active
 * model; without extensions it is ours alone, exactly as shipped.
 */

/** A wiki's checked addition to one article type. Plain data: it also travels to the worker threads. */
export interface LocalExtension {
  /** The file as shown in messages, e.g. erweiterungen/post.schema.json. */
  file: string;
  /** The file's text as read (part of the analysis cache's key). */
  text: string;
  /** Its own front-matter keys (never one of ours). */
  properties: Record<string, FieldSchema>;
  /** Keys it makes required: its own or optional ones of ours. */
  required: string[];
  /** Required `##` sections after ours (`x-sections`). */
  sections: string[];
}

export type LocalExtensions = Partial<Record<ArticleType, LocalExtension>>;

export interface SchemaModel {
  /** The wiki root the extensions came from; undefined for ours alone. */
  root: string | undefined;
  local: LocalExtensions;
  /** Each type's schema with the local part merged in (one more `allOf` entry). */
  schemas: Record<ArticleType, Record<string, unknown>>;
  /** Required `##` sections: ours, then the local ones. */
  sections: Record<ArticleType, readonly string[]>;
  /** Top-level keys a type allows, with their schemas: common, the type's own, the local ones. */
  properties: Record<ArticleType, Record<string, FieldSchema>>;
}

const COMMON_PROPERTIES = COMMON_SCHEMA.properties as unknown as Record<string, FieldSchema>;

/** Top-level keys our schema of a type allows: its own (more specific) over the common ones. */
export function ourProperties(type: ArticleType | undefined): Record<string, FieldSchema> {
  const own = type ? ((TYPE_SCHEMAS[type].allOf[1] as { properties?: Record<string, FieldSchema> }).properties ?? {}) : {};
  return { ...COMMON_PROPERTIES, ...own };
}

/** Keys our schema of a type requires (common and own). */
export function ourRequired(type: ArticleType): string[] {
  return [...COMMON_SCHEMA.required, ...((TYPE_SCHEMAS[type].allOf[1] as { required?: string[] }).required ?? [])];
}

/**
 * The model of a wiki with these extensions. The local part joins our type schema's
 * `allOf`, inside the schema that says `unevaluatedProperties: false` – so a local key
 * counts as evaluated only where the extension declares it, and any other stays refused.
 */
export function createSchemaModel(root: string | undefined, local: LocalExtensions): SchemaModel {
  const schemas = {} as SchemaModel['schemas'];
  const sections = {} as SchemaModel['sections'];
  const properties = {} as SchemaModel['properties'];
  for (const type of ARTICLE_TYPES) {
    const ours = TYPE_SCHEMAS[type];
    const extension = local[type];
    sections[type] = extension ? [...ours['x-sections'], ...extension.sections] : ours['x-sections'];
    properties[type] = { ...ourProperties(type), ...extension?.properties };
    schemas[type] = extension
      ? {
          ...ours,
          allOf: [...ours.allOf, { type: 'object', properties: extension.properties, ...(extension.required.length > 0 ? { required: extension.required } : {}) }],
          'x-sections': sections[type],
        }
      : ours;
  }
  return { root, local, schemas, sections, properties };
}

/** Our schemas alone: the model of every wiki without `erweiterungen/`. */
export const OUR_MODEL: SchemaModel = createSchemaModel(undefined, {});

let active: SchemaModel = OUR_MODEL;

/** The model in force in this process (or worker thread). */
export function activeSchemaModel(): SchemaModel {
  return active;
}

/** Puts a model in force (src/core/schema/extensions.ts for a wiki; OUR_MODEL resets). */
export function activateSchemaModel(model: SchemaModel): void {
  active = model;
}

/** Required `##` sections of a type, in template order: `x-sections` of ours, then the wiki's own. */
export function requiredSections(type: ArticleType): readonly string[] {
  return active.sections[type];
}

/** The wiki's own keys of a type, in the extension's order, with their schemas (cards, search, editor). */
export function localFields(type: ArticleType): Array<[string, FieldSchema]> {
  return Object.entries(active.local[type]?.properties ?? {});
}
