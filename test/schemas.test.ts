import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateFrontMatterTypes, GENERATED_TYPES_PATH } from '../src/core/schema/generate-types';
import { translateSchemaError } from '../src/core/schema/messages';
import { ARTICLE_TYPES, COMMON_SCHEMA, CONFIG_SCHEMA, REGISTER_SCHEMA, TYPE_SCHEMAS } from '../src/core/schema/schemas';
import Ajv2020 from 'ajv/dist/2020';
import { validateFrontMatter } from '../src/core/schema/validator';

type Json = Record<string, unknown>;

/** Every property schema, with its path, in a schema tree. */
function properties(schema: unknown, path = ''): Array<[string, Json]> {
  if (schema === null || typeof schema !== 'object') return [];
  const out: Array<[string, Json]> = [];
  const node = schema as Json;
  for (const [key, value] of Object.entries((node.properties as Json | undefined) ?? {})) {
    out.push([`${path}.${key}`, value as Json], ...properties(value, `${path}.${key}`));
  }
  for (const sub of (node.allOf as unknown[] | undefined) ?? []) out.push(...properties(sub, path));
  for (const [key, def] of Object.entries((node.$defs as Json | undefined) ?? {})) out.push(...properties(def, `${path}$${key}`));
  return out;
}

describe('schemas', () => {
  it('give every property a German title and description', () => {
    for (const schema of [COMMON_SCHEMA, ...Object.values(TYPE_SCHEMAS)]) {
      const props = properties(schema);
      expect(props.length).toBeGreaterThan(0);
      for (const [path, prop] of props) {
        expect(typeof prop.title, `${schema.$id}${path} title`).toBe('string');
        expect(String(prop.description), `${schema.$id}${path} description`).toMatch(/[a-zäöüß]{3,}/);
      }
    }
  });

  it('accept their own examples', () => {
    for (const schema of Object.values(TYPE_SCHEMAS)) {
      for (const example of schema.examples) {
        const result = validateFrontMatter(structuredClone(example) as Json, translateSchemaError);
        expect(result.issues, schema.$id).toEqual([]);
      }
    }
  });

  it('extend the common schema with allOf and name their required sections', () => {
    for (const type of ARTICLE_TYPES) {
      const schema = TYPE_SCHEMAS[type];
      expect(schema.allOf[0]).toEqual({ $ref: 'common.schema.json' });
      expect(Array.isArray(schema['x-sections'])).toBe(true);
    }
    expect(TYPE_SCHEMAS.post['x-sections']).toEqual(['Aufgaben', 'Vertretung', 'Ansprechpartner', 'Fristen und Termine', 'Fachverfahren und Zugänge', 'Ablage und Akten']);
  });

  it('are valid JSON Schema 2020-12 (the validator does not check them again at run time)', () => {
    const ajv = new Ajv2020({ strict: true });
    for (const schema of [COMMON_SCHEMA, ...Object.values(TYPE_SCHEMAS), REGISTER_SCHEMA, CONFIG_SCHEMA]) {
      expect(ajv.validateSchema(schema), schema.$id).toBe(true);
      expect(ajv.errors, schema.$id).toBeNull();
    }
    expect(ajv.validateSchema({ ...COMMON_SCHEMA, type: 'objekt' })).toBe(false);
  });

  it('are the source of the TypeScript types (generated file is up to date)', async () => {
    expect(readFileSync(GENERATED_TYPES_PATH, 'utf8')).toBe(await generateFrontMatterTypes());
  });
});
