import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { fileLineOfPointer, normaliseText, parseYamlFields } from '../frontmatter';
import { headingKey } from '../required-sections';
import { UsageError } from '../wiki';
import { TYPE_LABELS } from './labels';
import type { FieldSchema } from './messages';
import { activateSchemaModel, createSchemaModel, OUR_MODEL, ourProperties, ourRequired, type LocalExtension, type LocalExtensions, type SchemaModel } from './model';
import { ARTICLE_TYPES, isArticleType, TYPE_SCHEMAS, type ArticleType } from './schemas';
import { extensionSchemaErrors } from './validator';

/**
 * A wiki's own front-matter keys and required sections per article type, without forking
 * the package: `erweiterungen/<type>.schema.json` in the wiki root, a JSON Schema 2020-12
 * that may only add (README „Eigene Felder und Abschnitte“). Read and checked here; a broken
 * file stops the command with one German line per problem, `datei:zeile:spalte meldung`.
 */

/** The folder of the extensions, in the wiki root (next to docs/). */
export const EXTENSIONS_DIR = 'erweiterungen';

/** The top-level keywords an extension may use: adding keys and sections, describing itself. */
export const EXTENSION_KEYWORDS = ['$schema', '$id', 'title', 'description', 'properties', 'required', 'x-sections', 'examples', '$comment'] as const;

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
/** A key of its own, written like ours (`review_months`). */
const KEY_NAME = /^[a-z][a-z0-9_]*$/;
const WORDING = { subject: 'Die Erweiterung', within: 'in der Erweiterung', example: '"kostenstelle": { "title": "Kostenstelle", "type": "string" }' };

interface Problem {
  line: number;
  column: number;
  message: string;
}

/** Where a pointer's key (or list item) stands in the file: its line, and the column of `needle` on it. */
function locator(text: string, keyLines: Map<string, number>): (pointer: string, needle?: string) => { line: number; column: number } {
  const lines = text.split('\n');
  return (pointer, needle) => {
    const line = fileLineOfPointer({ keyLines, endLine: 1 }, pointer);
    const lineText = lines[line - 1] ?? '';
    const at = needle === undefined ? -1 : lineText.indexOf(JSON.stringify(needle));
    return { line, column: at >= 0 ? at + 1 : lineText.search(/\S|$/) + 1 };
  };
}

/** JSON.parse's error position as line and column. */
function jsonErrorPosition(text: string, error: Error): { line: number; column: number } {
  const offset = Number(/position (\d+)/.exec(error.message)?.[1] ?? NaN);
  if (!Number.isFinite(offset)) return { line: 1, column: 1 };
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** One ajv meta-schema error in German (the schema keyword ajv names stays as written). */
function metaMessage(error: ErrorObject): string {
  const field = /^\/properties\/([^/]+)(\/.*)?$/.exec(error.instancePath);
  const where = error.instancePath === '' ? 'Die Erweiterung' : field ? `Das Feld „${field[1]}“${field[2] ? ` bei „${field[2].slice(1)}“` : ''}` : `„${error.instancePath.slice(1)}“`;
  if (error.instancePath.endsWith('/type')) return `${where} nennt keinen Typ von JSON Schema: erlaubt sind string, integer, number, boolean, array, object und null.`;
  return `${where} ist so kein gültiges JSON Schema 2020-12 (${error.keyword}: ${error.message ?? 'ungültig'}).`;
}

/** Checks one extension file's text; `extension` only when there is no problem. */
export function checkExtension(type: ArticleType, file: string, text: string): { extension?: LocalExtension; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = 'Die Erweiterung ist kein gültiges JSON: Prüfen Sie Anführungszeichen, Doppelpunkte, Kommas und Klammern an dieser Stelle (nach dem letzten Eintrag steht in JSON kein Komma).';
    return { problems: [{ ...jsonErrorPosition(text, error as Error), message }] };
  }
  // The yaml parser reads JSON too and keeps every key's line; it also refuses a key written twice, which JSON.parse lets pass.
  const fields = parseYamlFields(text, 0, WORDING);
  if (fields.problems.length > 0) return { problems: fields.problems };
  const at = locator(text, fields.keyLines);
  const problems: Problem[] = [];
  const report = (pointer: string, needle: string | undefined, message: string) => problems.push({ ...at(pointer, needle), message });
  if (!isObject(data)) {
    report('', undefined, 'Die Erweiterung muss ein JSON-Objekt sein: { "properties": { … eigene Felder … }, "x-sections": [ … eigene Abschnitte … ] }.');
    return { problems };
  }
  const label = TYPE_LABELS[type] ?? type;
  for (const keyword of Object.keys(data)) {
    if (!(EXTENSION_KEYWORDS as readonly string[]).includes(keyword)) {
      report(`/${escape(keyword)}`, keyword, `Das Schlüsselwort „${keyword}“ ist in einer Erweiterung nicht erlaubt – sie kann nur Felder und Abschnitte hinzufügen. Erlaubt sind: ${EXTENSION_KEYWORDS.join(', ')}.`);
    }
  }
  if (data.$schema !== undefined && data.$schema !== DRAFT_2020_12) {
    report('/$schema', '$schema', `„$schema“ muss „${DRAFT_2020_12}“ sein (JSON Schema 2020-12), gefunden: ${JSON.stringify(data.$schema)}.`);
  }

  const ours = ourProperties(type);
  const properties: Record<string, FieldSchema> = {};
  if (data.properties !== undefined && !isObject(data.properties)) {
    report('/properties', 'properties', '„properties“ muss ein Objekt sein: je eigenem Feld ein Eintrag "name": { "title": …, "type": … }.');
  }
  for (const [key, schema] of Object.entries(isObject(data.properties) ? data.properties : {})) {
    const pointer = `/properties/${escape(key)}`;
    if (Object.hasOwn(ours, key)) {
      report(pointer, key, `Der Schlüssel „${key}“ gehört zu Stellenwissen und kann hier nicht geändert werden; wählen Sie einen eigenen Namen, z. B. „kostenstelle“.`);
    } else if (!KEY_NAME.test(key)) {
      report(pointer, key, `„${key}“ taugt nicht als Feldname: nur Kleinbuchstaben, Ziffern und Unterstriche, am Anfang ein Buchstabe (wie „review_months“), z. B. „kostenstelle“.`);
    } else if (!isObject(schema)) {
      report(pointer, key, `„${key}“ braucht ein Schema als Objekt, z. B. { "title": "Kostenstelle", "type": "string" }.`);
    } else {
      properties[key] = schema as FieldSchema;
    }
  }

  const theirs = new Set(ourRequired(type));
  const required: string[] = [];
  if (data.required !== undefined && !Array.isArray(data.required)) report('/required', 'required', '„required“ muss eine Liste der Pflichtfelder sein, z. B. ["kostenstelle"].');
  (Array.isArray(data.required) ? data.required : []).forEach((key: unknown, i) => {
    const pointer = `/required/${i}`;
    if (typeof key !== 'string') report(pointer, undefined, '„required“ nennt Feldnamen als Text, z. B. ["kostenstelle"].');
    else if (theirs.has(key)) report(pointer, key, `„${key}“ ist in Stellenwissen schon Pflicht für ${label} und kann hier nicht geändert werden; nennen Sie unter „required“ nur eigene Felder, z. B. „kostenstelle“.`);
    else if (required.includes(key)) report(pointer, key, `„${key}“ steht zweimal unter „required“.`);
    else if (!Object.hasOwn(properties, key) && !Object.hasOwn(ours, key) && !problems.some((p) => p.message.includes(`„${key}“`))) {
      report(pointer, key, `„${key}“ steht unter „required“, aber nicht unter „properties“: Beschreiben Sie das Feld dort (mit „title“ und „type“).`);
    } else required.push(key);
  });

  const sections: string[] = [];
  const ourSections = new Set(TYPE_SCHEMAS[type]['x-sections'].map(headingKey));
  if (data['x-sections'] !== undefined && !Array.isArray(data['x-sections'])) report('/x-sections', 'x-sections', '„x-sections“ muss eine Liste der zusätzlichen Abschnitte sein, z. B. ["Datenschutz"].');
  (Array.isArray(data['x-sections']) ? data['x-sections'] : []).forEach((title: unknown, i) => {
    const pointer = `/x-sections/${i}`;
    if (typeof title !== 'string' || title.trim() === '') report(pointer, undefined, '„x-sections“ nennt die Überschriften als Text, z. B. ["Datenschutz"] für „## Datenschutz“.');
    else if (ourSections.has(headingKey(title))) report(pointer, title, `Der Abschnitt „${title}“ ist in Stellenwissen schon Pflicht für ${label} und kann hier nicht geändert werden; nennen Sie unter „x-sections“ nur zusätzliche Abschnitte, z. B. „Datenschutz“.`);
    else if (sections.some((s) => headingKey(s) === headingKey(title))) report(pointer, title, `Der Abschnitt „${title}“ steht zweimal unter „x-sections“.`);
    else sections.push(title.trim());
  });
  if (problems.length > 0) return { problems };

  const part = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  const ajv = extensionSchemaErrors(data, part, TYPE_SCHEMAS[type].$id.replace(/[^/]+$/, `erweiterung-${type}.schema.json`));
  const seen = new Set<string>();
  for (const error of ajv.meta) {
    if (seen.has(error.instancePath)) continue; // `type` fails enum, array and anyOf at once
    seen.add(error.instancePath);
    report(error.instancePath, error.instancePath.split('/').pop(), metaMessage(error));
  }
  if (ajv.compile !== undefined) {
    const word = /unknown keyword: "([^"]+)"/.exec(ajv.compile)?.[1];
    const pointer = word === undefined ? '' : [...fields.keyLines.keys()].find((p) => p.endsWith(`/${escape(word)}`)) ?? '';
    report(pointer, word, word !== undefined
      ? `Unbekanntes Schlüsselwort „${word}“: Ein Feld beschreiben die Wörter von JSON Schema 2020-12 (type, enum, pattern, minimum, items …) und title, description, examples, x-labels.`
      : `Das Schema wird nicht angenommen: ${ajv.compile}.`);
  }
  if (problems.length > 0) return { problems };
  return { extension: { file, text, properties, required, sections }, problems };
}

/**
 * Reads and checks `root`/erweiterungen/*.schema.json. No folder: none. Every `.json` file
 * there must be `<type>.schema.json`; other files (a README) are left alone.
 * Throws a UsageError listing every problem of every file.
 */
export function readWikiExtensions(root: string, cwd: string = process.cwd()): LocalExtensions {
  const dir = join(root, EXTENSIONS_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UsageError(`${relative(cwd, dir) || dir}: Der Ordner der Erweiterungen ist nicht lesbar (${(error as Error).message}).`);
  }
  const local: LocalExtensions = {};
  const lines: string[] = [];
  for (const name of names) {
    if (/^[._]/.test(name) || !name.endsWith('.json')) continue;
    const path = join(dir, name);
    const shown = (relative(cwd, path) || path).split('\\').join('/');
    const type = /^(.*)\.schema\.json$/.exec(name)?.[1];
    if (!isArticleType(type)) {
      lines.push(`${shown}:1:1 Unbekannte Erweiterung „${name}“: Der Dateiname ist <typ>.schema.json mit typ = ${ARTICLE_TYPES.join(', ')}.`);
      continue;
    }
    let text: string;
    try {
      text = normaliseText(readFileSync(path, 'utf8'));
    } catch (error) {
      lines.push(`${shown}:1:1 Die Erweiterung ist nicht lesbar (${(error as Error).message}).`);
      continue;
    }
    const { extension, problems } = checkExtension(type, shown, text);
    if (extension) local[type] = extension;
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    lines.push(...problems.map((p) => `${shown}:${p.line}:${p.column} ${p.message}`));
  }
  if (lines.length > 0) throw new UsageError(lines.join('\n'));
  return local;
}

let loaded: { root: string; texts: string; model: SchemaModel } | undefined;

/**
 * Puts the model of the wiki in `root` (the folder holding docs/) in force for this
 * process: ours plus its extensions. Every entry point calls it once (CLI: the working
 * directory; site: Docusaurus's siteDir); unchanged files keep the model and its compiled
 * validators. A broken extension throws (UsageError) – never silently ignored.
 */
export function useWikiExtensions(root: string, cwd: string = process.cwd()): SchemaModel {
  const absolute = resolve(root);
  const local = readWikiExtensions(absolute, cwd);
  const texts = JSON.stringify(Object.entries(local).map(([type, e]) => [type, e.text]));
  if (loaded?.root !== absolute || loaded.texts !== texts) {
    loaded = { root: absolute, texts, model: Object.keys(local).length === 0 ? { ...OUR_MODEL, root: absolute } : createSchemaModel(absolute, local) };
  }
  activateSchemaModel(loaded.model);
  return loaded.model;
}

/** Back to our schemas alone (tests). */
export function resetWikiExtensions(): void {
  loaded = undefined;
  activateSchemaModel(OUR_MODEL);
}
