import { isAbsolute, relative } from 'node:path';
import { stringValue } from '../core/article';
import { parseFrontMatter } from '../core/frontmatter';
import { TYPE_LABELS, TYPE_PLURAL_LABELS } from '../core/schema/labels';
import { activeSchemaModel } from '../core/schema/model';
import { ARTICLE_TYPES, TYPE_SCHEMAS, type ArticleType } from '../core/schema/schemas';
import { resolveRefs, typeFields, type JsonSchema } from '../core/schema/type-fields';
import { UsageError, type Wiki } from '../core/wiki';
import { toPosix } from '../core/wiki-files';
import { readTemplate } from '../authoring/scaffold';
import { ENTRY_FORMAT } from './front-matter-format';
import type { EditingSettings } from './settings';

/**
 * The Decap CMS configuration of a wiki (https://decapcms.org/docs/configuration-options/):
 * one folder collection per article type, its form derived from the active schema model
 * (our schemas and the wiki's erweiterungen/), new articles starting from the type's
 * template. Pure: src/editing/admin-folder.ts and the edit server write it as config.json.
 */

/** The widgets a form field can have; Decap registers them (client/decap.ts) except `hidden`, its own. */
export type DecapWidget = 'string' | 'text' | 'select' | 'relation' | 'datetime' | 'number' | 'boolean' | 'list' | 'object';

/** A form field (widget options as Decap names them; only what we use). */
export interface CmsField {
  name: string;
  label: string;
  widget: 'hidden' | DecapWidget;
  /** Decap treats every field as required unless told otherwise: always written. */
  required: boolean;
  hint?: string;
  default?: unknown;
  /** [regular expression, message] – the schema's pattern, checked while typing. */
  pattern?: [string, string];
  options?: Array<{ label: string; value: string }>;
  multiple?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  format?: string;
  date_format?: string;
  time_format?: false;
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  step?: number;
  field?: CmsField;
  fields?: CmsField[];
  collapsed?: boolean;
}

export interface CmsCollection {
  name: ArticleType;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  path: string;
  slug: string;
  identifier_field: string;
  filter: { field: 'type'; value: ArticleType };
  /** Our own front-matter format (src/editing/front-matter-format.ts, registered by the browser entry). */
  format: typeof ENTRY_FORMAT;
  extension: 'md';
  create: true;
  summary: string;
  media_folder: string;
  public_folder: string;
  sortable_fields: string[];
  view_groups?: Array<{ label: string; field: string }>;
  nested?: { depth: number };
  fields: CmsField[];
}

export type CmsBackend =
  | { name: 'proxy'; proxy_url: string }
  | { name: 'gitlab'; repo: string; branch: string; base_url: string; api_root: string; auth_type: 'pkce'; app_id: string }
  | { name: 'gitea'; repo: string; branch: string; base_url: string; api_root: string; app_id: string }
  | { name: 'forgejo'; repo: string; branch: string; api_root: string; app_id: string };

/** The whole configuration, JSON-serialisable (CMS.init({ config })). */
export interface CmsConfig {
  backend: CmsBackend;
  publish_mode?: 'editorial_workflow';
  load_config_file: false;
  locale: 'de';
  media_folder: string;
  public_folder: string;
  site_url?: string;
  display_url?: string;
  logo_url?: string;
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  collections: CmsCollection[];
}

/** A type's template split: the front matter's values and the Markdown after it. */
export interface TemplateParts {
  data: Record<string, unknown>;
  body: string;
}

export interface CmsConfigInput {
  /** The docs folder relative to the site (repository) folder, `/`-separated, e.g. `docs`. */
  docsFolder: string;
  /** The wiki's departments (select options of `department`), in this order. */
  departments: Array<{ id: string; title: string }>;
  /** Per type the deepest article, in path segments below the docs folder (`<dep>/<id>.md` = 2). */
  depths: Partial<Record<ArticleType, number>>;
  templates: Record<ArticleType, TemplateParts>;
  settings: EditingSettings;
  /** The edit server's API (`npm run edit`): the proxy backend, whatever the settings say. */
  proxyUrl?: string;
  /** The published wiki's address, for Decap's links to the site. */
  siteUrl?: string;
  /** The logo as a path on the wiki's own server (never another host: the admin page loads nothing from outside). */
  logoUrl?: string;
}

/**
 * Uploaded images go to one folder of the wiki's static files, linked from the site root
 * like the importer's (`/img/<kennung>/…`); README „Bearbeiten im Browser“.
 */
export const MEDIA_FOLDER = 'static/img/artikel';
export const PUBLIC_FOLDER = '/img/artikel';

/** Front-matter keys naming posts (the `reference` rule checks the same keys, src/validate/rules/reference.ts). */
const POST_REFERENCES = new Set(['owner', 'deputies', 'performers', 'post']);
/**
 * Types whose `owner` may name a post that does not exist yet, as in `npm run new`: a post
 * owns itself, a new department names its head post before that can be created.
 */
const FREE_OWNER = new Set<ArticleType>(['post', 'department']);
/** Path segments of `{{department}}/{{slug}}` – the depth Decap lists without `nested`. */
const PATH_DEPTH = 2;

const DATE = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD.MM.YYYY', time_format: false } as const;

interface Context {
  type: ArticleType;
  departments: CmsConfigInput['departments'];
}

const label = (key: string, schema: JsonSchema) => (typeof schema.title === 'string' ? schema.title : key);

function describe(key: string, schema: JsonSchema, required: boolean): Pick<CmsField, 'name' | 'label' | 'required' | 'hint'> {
  return { name: key, label: label(key, schema), required, ...(typeof schema.description === 'string' ? { hint: schema.description } : {}) };
}

function options(schema: JsonSchema): CmsField['options'] {
  const labels = (schema['x-labels'] as Record<string, string> | undefined) ?? {};
  return (schema.enum as string[]).map((value) => ({ label: labels[value] ?? value, value }));
}

const postRelation = (): Pick<CmsField, 'widget' | 'collection' | 'value_field' | 'search_fields' | 'display_fields'> =>
  ({ widget: 'relation', collection: 'post', value_field: 'id', search_fields: ['title', 'id'], display_fields: ['{{title}} ({{id}})'] });

/** Where the schema came from, for a message about a key no widget fits. */
function origin(ctx: Context, key: string): string {
  const extension = activeSchemaModel().local[ctx.type];
  return extension && key.split('.')[0]! in extension.properties ? extension.file : TYPE_SCHEMAS[ctx.type].$id;
}

/**
 * A required list the schema allows empty (`performers: []`, `deputies: []`: „none“, a gap
 * the audit reports): Decap's `required` would refuse the empty list, so the form leaves it
 * optional and the file keeps the key (src/editing/front-matter-format.ts).
 */
export function mayBeEmpty(schema: JsonSchema): boolean {
  return schema.type === 'array' && !(typeof schema.minItems === 'number' && schema.minItems > 0);
}

/** One schema key as a Decap field; `path` names nested keys (`digital.status`). */
function toField(key: string, path: string, raw: JsonSchema, required: boolean, ctx: Context): CmsField {
  const schema = resolveRefs(raw);
  const base = describe(key, schema, required && !mayBeEmpty(schema));
  if (schema.const !== undefined) return { ...base, widget: 'hidden', default: schema.const };
  if (path === 'department' && ctx.type !== 'department') {
    return { ...base, widget: 'select', options: ctx.departments.map((d) => ({ label: d.title, value: d.id })) };
  }
  if (POST_REFERENCES.has(path) && !(path === 'owner' && FREE_OWNER.has(ctx.type))) {
    return { ...base, ...postRelation(), ...(schema.type === 'array' ? { multiple: true } : {}) };
  }
  if (Array.isArray(schema.enum)) return { ...base, widget: 'select', options: options(schema) };
  if (schema.type === 'string' && schema.format === 'date') return { ...base, ...DATE };
  if (schema.type === 'string') {
    const hint = base.hint ?? `Format von „${base.label}“`;
    return { ...base, widget: 'string', ...(typeof schema.pattern === 'string' ? { pattern: [schema.pattern, hint] } : {}) };
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return {
      ...base,
      widget: 'number',
      value_type: schema.type === 'integer' ? 'int' : 'float',
      ...(typeof schema.minimum === 'number' ? { min: schema.minimum } : {}),
      ...(typeof schema.maximum === 'number' ? { max: schema.maximum } : {}),
      ...(schema.type === 'integer' ? { step: 1 } : {}),
    };
  }
  if (schema.type === 'boolean') return { ...base, widget: 'boolean' };
  if (schema.type === 'object') {
    // Decap checks the sub-fields of an optional object that was left empty, too: `digital.status`
    // is required only once `digital` is there, and the validator says so (src/validate, schema rule).
    const requiredKeys = new Set(required ? ((schema.required as string[] | undefined) ?? []) : []);
    const fields = Object.entries((schema.properties as Record<string, JsonSchema> | undefined) ?? {})
      .map(([sub, value]) => toField(sub, `${path}.${sub}`, value, requiredKeys.has(sub), ctx));
    return { ...base, widget: 'object', collapsed: false, fields };
  }
  if (schema.type === 'array') {
    const items = resolveRefs((schema.items as JsonSchema | undefined) ?? { type: 'string' });
    if (Array.isArray(items.enum)) return { ...base, widget: 'select', multiple: true, options: options(items) };
    // One input per entry: a comma-separated text would split „§ 3 Abs. 1, 2 BauGB“.
    if (items.type === 'object') return { ...base, widget: 'list', fields: toField(key, path, items, true, ctx).fields! };
    return { ...base, widget: 'list', field: toField(key, path, { title: base.label, ...items }, true, ctx) };
  }
  throw new UsageError(`${origin(ctx, path)}: Das Feld „${path}“ (Schema-Typ ${JSON.stringify(schema.type)}) lässt sich im Browser nicht bearbeiten – erlaubt sind string, integer, number, boolean, array, object und enum.`);
}

/**
 * Defaults of a new article from its template: values that are no placeholder – enum
 * values, numbers, booleans, lists (`[]`) and objects of them (`digital.status: analog`).
 * Free text, ids and dates of a template are examples („TODO: …“, `fb00-fachbereich`) and
 * stay empty; only `reviewed` starts at today, as with `npm run new`.
 */
function withDefault(field: CmsField, value: unknown): CmsField {
  if (field.widget === 'hidden') return field;
  if (field.name === 'reviewed' && field.widget === 'datetime') return { ...field, default: '{{now}}' };
  if (field.widget === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const values = value as Record<string, unknown>;
    return { ...field, fields: field.fields!.map((sub) => withDefault(sub, values[sub.name])) };
  }
  const fixed = Array.isArray(value) ? value.length === 0 : typeof value === 'number' || typeof value === 'boolean';
  const chosen = field.widget === 'select' && typeof value === 'string' && field.options!.some((o) => o.value === value);
  return fixed || chosen ? { ...field, default: value } : field;
}

/** The form of one type: the template's keys in its order (how a new file's keys are written), then the other keys. */
function typeForm(type: ArticleType, input: CmsConfigInput): CmsField[] {
  const ctx: Context = { type, departments: input.departments };
  const template = input.templates[type];
  const order = Object.keys(template.data);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const fields = typeFields(type)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.key) - rank(b.f.key) || a.i - b.i)
    .map(({ f }) => withDefault(toField(f.key, f.key, f.schema, f.required, ctx), template.data[f.key]));
  // Markdown as plain text (a text area), not Decap's Markdown widget: its rich-text mode rewrites
  // the whole text on the first edit – measured on a handover: every `- [x]`/`- [ ]` of its
  // checklist became a plain `*` item and every table was re-aligned –, and its raw mode is a
  // text field too, with 0.9 MB of script for the modes not used (README, „Bearbeiten im Browser“).
  const body: CmsField = { name: 'body', label: 'Text', widget: 'text', required: true, default: template.body, hint: 'Der Artikel in Markdown mit den Pflichtabschnitten der Vorlage; ersetzen Sie jede Zeile „TODO: …“.' };
  return [...fields, body];
}

function collection(type: ArticleType, input: CmsConfigInput): CmsCollection {
  const depth = input.depths[type] ?? PATH_DEPTH;
  const department = typeFields(type).find((f) => f.key === 'department')!;
  return {
    name: type,
    label: TYPE_PLURAL_LABELS[type]!,
    label_singular: TYPE_LABELS[type]!,
    description: TYPE_SCHEMAS[type].description,
    folder: input.docsFolder,
    // A department is its folder's index.md; every other article lies in its department's folder.
    path: type === 'department' ? '{{id}}/index' : '{{department}}/{{slug}}',
    slug: '{{id}}',
    identifier_field: 'id',
    filter: { field: 'type', value: type },
    format: ENTRY_FORMAT,
    extension: 'md',
    create: true,
    summary: '{{title}}',
    // A collection with `path` would otherwise store images next to the article (Decap's default '').
    media_folder: `/${MEDIA_FOLDER}`,
    public_folder: PUBLIC_FOLDER,
    sortable_fields: ['title', 'department', 'reviewed'],
    ...(type === 'department' ? {} : { view_groups: [{ label: label('department', department.schema), field: 'department' }] }),
    // Imported sub-folders (docs/<dep>/<sub>/<id>.md) lie deeper than the path: Decap lists them only with `nested` (test/cms-config.test.ts measures it).
    ...(type !== 'department' && depth > PATH_DEPTH ? { nested: { depth } } : {}),
    fields: typeForm(type, input),
  };
}

function backend(input: CmsConfigInput): CmsBackend {
  const { settings, proxyUrl } = input;
  if (proxyUrl !== undefined) return { name: 'proxy', proxy_url: proxyUrl };
  if (settings.backend === 'local') throw new Error('createCmsConfig: backend local braucht proxyUrl (npm run edit).');
  const { repo, branch, baseUrl: base_url, apiRoot: api_root, appId: app_id } = settings;
  switch (settings.backend) {
    case 'gitlab':
      return { name: 'gitlab', repo, branch, base_url, api_root, auth_type: 'pkce', app_id };
    case 'gitea':
      return { name: 'gitea', repo, branch, base_url, api_root, app_id };
    case 'forgejo':
      // Decap's Forgejo backend takes the server's address from api_root.
      return { name: 'forgejo', repo, branch, api_root, app_id };
  }
}

/** The Decap configuration for one wiki (pure). */
export function createCmsConfig(input: CmsConfigInput): CmsConfig {
  const review = input.proxyUrl === undefined && input.settings.backend !== 'local' && input.settings.review;
  const local = input.logoUrl !== undefined && /^\/(?!\/)/.test(input.logoUrl);
  return {
    backend: backend(input),
    // The local file server of `npm run edit` saves files only; review happens in the merge request.
    ...(review ? { publish_mode: 'editorial_workflow' as const } : {}),
    load_config_file: false,
    locale: 'de',
    media_folder: MEDIA_FOLDER,
    public_folder: PUBLIC_FOLDER,
    ...(input.siteUrl === undefined ? {} : { site_url: input.siteUrl, display_url: input.siteUrl }),
    ...(local ? { logo_url: input.logoUrl } : {}),
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: ARTICLE_TYPES.map((type) => collection(type, input)),
  };
}

/** A type's template (the wiki's vorlagen/ override or ours, checked by readTemplate) split into values and body. */
export function templateParts(type: ArticleType): TemplateParts {
  const fm = parseFrontMatter(readTemplate(type));
  return { data: fm.data ?? {}, body: fm.body.replace(/^\n+/, '') };
}

/** The wiki folder as the editor addresses it (relative to the site folder, with /); undefined when it lies outside. */
export function docsFolderInSite(siteDir: string, docsRoot: string): string | undefined {
  const docsFolder = toPosix(relative(siteDir, docsRoot));
  return docsFolder === '' || docsFolder.startsWith('..') || isAbsolute(docsFolder) ? undefined : docsFolder;
}

/**
 * The configuration for the wiki `wiki` in the site folder `siteDir`, with the wiki's
 * extensions in force (useWikiExtensions). `options.proxyUrl` for `npm run edit`.
 */
export function cmsConfigFor(siteDir: string, wiki: Wiki, settings: EditingSettings, options: Pick<CmsConfigInput, 'proxyUrl' | 'siteUrl' | 'logoUrl'> = {}): CmsConfig {
  const docsFolder = docsFolderInSite(siteDir, wiki.root);
  if (docsFolder === undefined) {
    throw new UsageError(`${wiki.root}: Der Wiki-Ordner muss unterhalb des Wurzelordners ${siteDir} liegen, damit das Bearbeiten im Browser ihn im Repository findet.`);
  }
  const departments = [...wiki.departments.entries()]
    .map(([id, article]) => ({ id, title: stringValue(article, 'title') ?? id }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const depths: CmsConfigInput['depths'] = {};
  for (const article of wiki.articles) {
    if (article.type === undefined) continue;
    depths[article.type] = Math.max(depths[article.type] ?? PATH_DEPTH, article.relPath.split('/').length);
  }
  const templates = Object.fromEntries(ARTICLE_TYPES.map((type) => [type, templateParts(type)])) as Record<ArticleType, TemplateParts>;
  return createCmsConfig({ docsFolder, departments, depths, templates, settings, ...options });
}
