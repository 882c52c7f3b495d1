import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { COMMON_SCHEMA, type ArticleType } from './schemas';
import { activeSchemaModel, ourProperties } from './model';
import type { SchemaIssue } from './validator';
import { CRITICALITY_LABELS, DIGITAL_STATUS_LABELS, FREQUENCY_LABELS, HANDOVER_STATUS_LABELS, TYPE_LABELS } from './labels';

/**
 * The one place where schema violations become German sentences a clerk can act on:
 * which key, what is wrong, and what to write instead (allowed values, formats, examples).
 */

export interface FieldSchema {
  title?: string;
  description?: string;
  enum?: readonly string[];
  /** German words of the enum values (a wiki's own keys carry theirs here too). */
  'x-labels'?: Readonly<Record<string, string>>;
  examples?: readonly unknown[];
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
  $ref?: string;
  type?: string;
}

const COMMON_DEFS = COMMON_SCHEMA.$defs as unknown as Record<string, FieldSchema>;

/** A schema's top-level properties, as the messages read them. */
export type Properties = Record<string, FieldSchema>;

function deref(schema: FieldSchema | undefined): FieldSchema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.split('/').pop() ?? '';
  return { ...COMMON_DEFS[name], ...schema, $ref: undefined };
}

/** Top-level properties a type allows: its own (more specific) over the common ones, and the wiki's own (model.ts). */
export function typeProperties(type: ArticleType | undefined): Record<string, FieldSchema> {
  return type ? activeSchemaModel().properties[type] : ourProperties(undefined);
}

/** The schema of the key a JSON pointer names (array items resolve to their list). */
function fieldAt(root: Properties, pointer: string): FieldSchema | undefined {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let props: Record<string, FieldSchema> | undefined = root;
  let field: FieldSchema | undefined;
  for (const part of parts) {
    if (/^\d+$/.test(part) && field?.items) {
      // A list of objects (accessibility.limitations): its items' keys come next.
      props = deref(field.items)?.properties;
      continue;
    }
    field = deref(props?.[part]);
    props = field?.properties;
  }
  return field;
}

/** `/digital/status` → `digital.status`; list indexes are dropped (`/deputies/0` → `deputies`). */
function keyName(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .filter((p, i) => i === 0 || !/^\d+$/.test(p))
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** A label as a clerk might type it: lower case, blanks as hyphens, with umlauts or spelt out. */
function typedForms(label: string): string[] {
  const typed = label.toLowerCase().replace(/\s+/g, '-');
  return [typed, typed.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')];
}

/**
 * German words clerks are likely to write for the English enum values: every label of the
 * schemas (`x-labels`, the type titles), and a few synonyms that are no label.
 */
const GERMAN_VALUES: Record<string, string> = {
  ...Object.fromEntries(
    [TYPE_LABELS, CRITICALITY_LABELS, FREQUENCY_LABELS, DIGITAL_STATUS_LABELS, HANDOVER_STATUS_LABELS]
      .flatMap((labels) => Object.entries(labels))
      .flatMap(([value, label]) => typedForms(label).map((word) => [word, value])),
  ),
  quartalsweise: 'quarterly', laufend: 'in-progress', 'in-arbeit': 'in-progress', erledigt: 'done', teilweise: 'partial', papier: 'analog',
};

/** A close allowed value, only when it is plausibly what was meant (`labels`: the field's own German words). */
function suggest(value: string, allowed: string[], labels: Readonly<Record<string, string>> = {}): string | undefined {
  const lower = value.trim().toLowerCase();
  const own = Object.entries(labels).find(([, label]) => typedForms(label).includes(lower))?.[0];
  const german = own ?? GERMAN_VALUES[lower];
  if (german && allowed.includes(german)) return german;
  const best = closest(lower, allowed);
  return best && distance(lower, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function label(root: Properties, pointer: string): string {
  const field = fieldAt(root, pointer);
  const key = `„${keyName(pointer)}“`;
  return field?.title ? `${key} (${field.title})` : key;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return 'leer';
  if (typeof value === 'string') return `„${value}“`;
  return `„${JSON.stringify(value)}“`;
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const part of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The description's first sentence about format, e.g. "…, z. B. 2026-06-01." */
function hint(root: Properties, pointer: string): string {
  const description = fieldAt(root, pointer)?.description;
  return description ? ` ${description}` : '';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'ein Text sein',
  integer: 'eine ganze Zahl sein',
  number: 'eine Zahl sein',
  array: 'eine Liste sein (in eckigen Klammern, z. B. [wert-1, wert-2]; [] für keine)',
  object: 'ein Abschnitt mit eingerückten Unterfeldern sein',
  boolean: 'true oder false sein',
};

/** A front-matter violation in German, for an article of `type` (the common schema's keys when unknown). */
export function translateSchemaError(error: ErrorObject, type: ArticleType | undefined, data?: unknown): SchemaIssue | undefined {
  return translateAgainst(error, typeProperties(type), data);
}

/**
 * The same sentences for any schema of ours with German titles and descriptions (the
 * wiki's settings file, stellenwissen.config.yaml): `root` are its top-level properties.
 */
export function translateAgainst(error: ErrorObject, root: Properties, data?: unknown): SchemaIssue | undefined {
  const pointer = error.instancePath;
  const value = data === undefined ? undefined : valueAt(data, pointer);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = `${pointer}/${String(params.missingProperty)}`;
      const field = fieldAt(root, missing);
      const allowed = field?.enum ? ` – erlaubt: ${field.enum.join(', ')}` : field?.description ? ` – ${field.title}: ${field.description}` : '';
      return { pointer: missing, missing: true, message: `Pflichtfeld "${keyName(missing)}" fehlt${allowed}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? suggest(value, allowed, fieldAt(root, pointer)?.['x-labels']) : undefined;
      const mean = suggestion ? ` Meinten Sie „${suggestion}“?` : '';
      return {
        pointer,
        missing: false,
        message: `${label(root, pointer)} hat den ungültigen Wert ${shown(value)} – erlaubt sind: ${allowed.join(', ')}.${mean}`,
      };
    }
    case 'const':
      return undefined; // only reachable through `type`, which selects the schema
    case 'if':
      return undefined; // the failing `then` reports itself (stellenwissen.config.yaml: editing)
    case 'type':
      return {
        pointer,
        missing: false,
        message: `${label(root, pointer)} muss ${TYPE_WORDS[String(params.type)] ?? String(params.type)}, gefunden: ${shown(value)}.`,
      };
    case 'pattern':
      return {
        pointer,
        missing: false,
        message: `${label(root, pointer)} hat nicht das erwartete Format: ${shown(value)}.${hint(root, pointer)}`,
      };
    case 'format':
      return {
        pointer,
        missing: false,
        message: `${label(root, pointer)} ist kein gültiges Kalenderdatum: ${shown(value)}. Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-06-01.`,
      };
    case 'minimum':
    case 'maximum':
      return {
        pointer,
        missing: false,
        message: `${label(root, pointer)} liegt außerhalb des erlaubten Bereichs: ${shown(value)}.${hint(root, pointer)}`,
      };
    case 'minLength':
      return { pointer, missing: false, message: `${label(root, pointer)} darf nicht leer sein.${hint(root, pointer)}` };
    case 'uniqueItems':
      return { pointer, missing: false, message: `${label(root, pointer)} nennt denselben Eintrag mehrfach: Jeden Wert nur einmal aufführen.` };
    case 'unevaluatedProperties':
    case 'additionalProperties': {
      const key = String(params.unevaluatedProperty ?? params.additionalProperty);
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const allowedKeys = pointer === '' ? Object.keys(root) : Object.keys(fieldAt(root, pointer)?.properties ?? {});
      const suggestion = suggest(key, allowedKeys);
      return {
        pointer: at,
        missing: false,
        message: `Unbekanntes Feld „${keyName(at)}“${suggestion ? ` – meinten Sie „${suggestion}“?` : '.'} Erlaubt sind hier: ${allowedKeys.join(', ')}.`,
      };
    }
    default:
      return { pointer, missing: false, message: `${label(root, pointer)}: ${error.message ?? 'ungültiger Wert'}` };
  }
}
