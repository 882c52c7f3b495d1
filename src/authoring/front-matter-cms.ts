import { join, relative, resolve, sep } from 'node:path';
import { CRITICALITY_LABELS, DIGITAL_STATUS_LABELS, FREQUENCY_LABELS, HANDOVER_STATUS_LABELS, TYPE_LABELS } from '../core/schema/labels';
import { activeSchemaModel } from '../core/schema/model';
import { ARTICLE_TYPES, type ArticleType } from '../core/schema/schemas';
import { resolveRefs, typeFields } from '../core/schema/type-fields';
import { LOCAL_TEMPLATES_DIR, TEMPLATES_DIR, templatePath } from './scaffold';

const ROOT = resolve(__dirname, '../..');
/** The editor configuration's file name: it belongs in the wiki root (the folder VS Code opens). */
export const FRONTMATTER_CONFIG_FILE = 'frontmatter.json';
/** This repository's own, committed next to its sample wiki (this repository is a wiki too). */
export const FRONTMATTER_CONFIG_PATH = join(ROOT, FRONTMATTER_CONFIG_FILE);

/** Where `npm run gen:editor` writes for the wiki in `wikiRoot` (with its own keys, erweiterungen/). */
export function frontMatterConfigPath(wikiRoot: string): string {
  return join(resolve(wikiRoot), FRONTMATTER_CONFIG_FILE);
}

/** Front Matter CMS stores dates in this date-fns format: the contract's `YYYY-MM-DD`. */
export const DATE_FORMAT = 'yyyy-MM-dd';

/** A field of a Front Matter CMS content type (https://frontmatter.codes/docs/content-creation/fields). */
export interface CmsField {
  title: string;
  name: string;
  type: 'string' | 'number' | 'datetime' | 'choice' | 'list' | 'tags' | 'fields';
  description?: string;
  required?: boolean;
  hidden?: boolean;
  default?: string | number;
  single?: boolean;
  choices?: Array<{ id: string; title: string }>;
  dateFormat?: string;
  numberOptions?: { min?: number; max?: number; step?: number };
  fields?: CmsField[];
}

export interface CmsContentType {
  name: ArticleType;
  pageBundle: boolean;
  defaultFileName?: string;
  fileType: 'md';
  template: string;
  fields: CmsField[];
}

type Json = Record<string, unknown>;

/** German words for enum values in the choice lists, by field path (the YAML keeps the contract's values). */
const CHOICE_LABELS: Record<string, Record<string, string>> = {
  type: TYPE_LABELS,
  criticality: CRITICALITY_LABELS,
  frequency: FREQUENCY_LABELS,
  status: HANDOVER_STATUS_LABELS,
  'digital.status': DIGITAL_STATUS_LABELS,
};

function toField(name: string, path: string, raw: Json, required: boolean): CmsField {
  const schema = resolveRefs(raw);
  const field: CmsField = { title: String(schema.title ?? name), name, type: 'string' };
  if (typeof schema.description === 'string') field.description = schema.description;
  if (required) field.required = true;
  // A wiki's own enums bring their German words along (`x-labels`), like ours in the schemas.
  const labels = CHOICE_LABELS[path] ?? (schema['x-labels'] as Record<string, string> | undefined) ?? {};
  const choice = (value: string) => ({ id: value, title: labels[value] && labels[value] !== value ? `${labels[value]} (${value})` : value });

  if (typeof schema.const === 'string') {
    // The article type: fixed per content type (Front Matter CMS picks the content type by it).
    field.type = 'choice';
    field.choices = [choice(schema.const)];
    field.default = schema.const;
    field.hidden = true;
  } else if (Array.isArray(schema.enum)) {
    field.type = 'choice';
    field.choices = (schema.enum as string[]).map(choice);
  } else if (schema.type === 'string' && schema.format === 'date') {
    field.type = 'datetime';
    field.dateFormat = DATE_FORMAT;
  } else if (schema.type === 'string') {
    field.single = true;
  } else if (schema.type === 'integer' || schema.type === 'number') {
    field.type = 'number';
    const options: CmsField['numberOptions'] = {};
    if (typeof schema.minimum === 'number') options.min = schema.minimum;
    if (typeof schema.maximum === 'number') options.max = schema.maximum;
    if (schema.type === 'integer') options.step = 1;
    field.numberOptions = options;
  } else if (schema.type === 'array') {
    // Free keywords use the editor's tag picker; ids, systems and citations are plain lists.
    field.type = name === 'tags' ? 'tags' : 'list';
  } else if (schema.type === 'object') {
    field.type = 'fields';
    const requiredKeys = new Set((schema.required as string[] | undefined) ?? []);
    field.fields = Object.entries((schema.properties as Record<string, Json> | undefined) ?? {})
      .map(([key, sub]) => toField(key, `${path}.${key}`, sub, requiredKeys.has(key)));
  } else {
    throw new Error(`Feld „${path}“: Schema-Typ ${JSON.stringify(schema.type)} hat keine Entsprechung in Front Matter CMS.`);
  }
  if (schema.default !== undefined && field.default === undefined) field.default = schema.default as string | number;
  return field;
}

/**
 * The fields of one article type, from its schema: the common keys up to `owner`,
 * then the type's own keys and the wiki's own (erweiterungen/), then the remaining
 * common keys (review date, interval, tags …), so the form reads like the templates.
 */
export function contentTypeFields(type: ArticleType): CmsField[] {
  return typeFields(type).map(({ key, schema, required }) => toField(key, key, schema, required));
}

/**
 * Our templates as the editor finds them from the wiki root: templates/ in this repository,
 * node_modules/stellenwissen/templates/ in a wiki that installed the package.
 */
function ourTemplatesFolder(): string {
  return relative(activeSchemaModel().root ?? process.cwd(), TEMPLATES_DIR).split(sep).join('/');
}

function contentType(type: ArticleType): CmsContentType {
  return {
    name: type,
    // A department is a folder with index.md (docs/<id>/index.md); every other article is one file.
    pageBundle: type === 'department',
    ...(type === 'department' ? { defaultFileName: 'index' } : {}),
    fileType: 'md',
    template: templatePath(type) === join(TEMPLATES_DIR, `${type}.md`) ? `[[workspace]]/${ourTemplatesFolder()}/${type}.md` : `[[workspace]]/${LOCAL_TEMPLATES_DIR}/${type}.md`,
    fields: contentTypeFields(type),
  };
}

/**
 * The Front Matter CMS configuration (`frontmatter.json`): one content type per article
 * type, derived from schemas/*.schema.json, the wiki folder docs/ and the templates.
 */
export function buildFrontMatterConfig(): Json {
  return {
    $schema: 'https://frontmatter.codes/frontmatter.schema.json',
    'frontMatter.framework.id': 'docusaurus',
    'frontMatter.content.publicFolder': 'static',
    'frontMatter.content.pageFolders': [
      { title: 'Wiki (docs)', path: '[[workspace]]/docs', contentTypes: [...ARTICLE_TYPES] },
    ],
    // Articles are CommonMark, never MDX.
    'frontMatter.content.supportedFileTypes': ['md'],
    'frontMatter.content.defaultFileType': 'md',
    // `reviewed` is set on purpose (npm run review), never on save.
    'frontMatter.content.autoUpdateDate': false,
    'frontMatter.templates.enabled': true,
    'frontMatter.templates.folder': ourTemplatesFolder(),
    'frontMatter.templates.prefix': '',
    'frontMatter.taxonomy.dateFormat': DATE_FORMAT,
    // Dates picked in the editor are German calendar days, not UTC instants.
    'frontMatter.global.timezone': 'Europe/Berlin',
    // Search-engine hints make no sense for an intranet wiki.
    'frontMatter.taxonomy.seoTitleLength': -1,
    'frontMatter.taxonomy.seoDescriptionLength': -1,
    'frontMatter.taxonomy.seoSlugLength': -1,
    'frontMatter.taxonomy.seoContentLengh': -1,
    'frontMatter.taxonomy.contentTypes': ARTICLE_TYPES.map(contentType),
  };
}

/** The file content: two-space JSON with a final newline. */
export function formatFrontMatterConfig(): string {
  return `${JSON.stringify(buildFrontMatterConfig(), null, 2)}\n`;
}
