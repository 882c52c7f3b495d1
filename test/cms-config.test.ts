import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import express from 'express';
import { registerLocalFs } from 'decap-server/dist/middlewares';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readWikiConfig } from '../src/core/config';
import { loadWiki } from '../src/core/load/load-wiki';
import { resetWikiExtensions, useWikiExtensions } from '../src/core/schema/extensions';
import { ARTICLE_TYPES, COMMON_SCHEMA, TYPE_SCHEMAS, type ArticleType } from '../src/core/schema/schemas';
import { cmsConfigFor, MEDIA_FOLDER, PUBLIC_FOLDER, type CmsCollection, type CmsConfig, type CmsField } from '../src/editing/cms-config';
import { cmsBundle } from '../src/editing/client-bundle';
import { checkDecapConfig } from '../src/editing/decap-config-check';
import { ENTRY_FORMAT } from '../src/editing/front-matter-format';
import { editingSettings, type EditingSettings } from '../src/editing/settings';
import { ROOT, tempDir } from './helpers';
import { resolved, schemaOf, type Json } from './schemas-by-hand';


const LOCAL: EditingSettings = { enabled: true, backend: 'local', branch: 'main', review: true };
const PROXY = 'http://127.0.0.1:8081/api/v1';
const SERVER = { baseUrl: 'https://git.rathaus.example', apiRoot: 'https://git.rathaus.example/api/v4', appId: '3f2a9c', repo: 'wissen/wiki' };

let sampleWiki: ReturnType<typeof loadWiki> | undefined;
/** The sample wiki's configuration (this repository is a wiki), for `npm run edit` unless told otherwise. */
function sampleConfig(settings: EditingSettings = LOCAL, options: Parameters<typeof cmsConfigFor>[3] = { proxyUrl: PROXY }): CmsConfig {
  useWikiExtensions(ROOT);
  sampleWiki ??= loadWiki(join(ROOT, 'docs'));
  return cmsConfigFor(ROOT, sampleWiki, settings, options);
}
const collectionOf = (config: CmsConfig, type: ArticleType) => config.collections.find((c) => c.name === type)!;
const fieldOf = (collection: CmsCollection, name: string) => collection.fields.find((f) => f.name === name)!;

afterEach(() => resetWikiExtensions());

const POST_KEYS = ['owner', 'deputies', 'performers', 'post'];

function checkField(field: CmsField, schema: Json, required: boolean, type: ArticleType, where: string): void {
  expect(field.label, where).toBe(schema.title);
  expect(field.hint, where).toBe(schema.description);
  // A required list that may be empty is optional in the form (Decap refuses empty required lists).
  expect(field.required, `${where} required`).toBe(required && !(schema.type === 'array' && !((schema.minItems as number | undefined) ?? 0)));
  const key = where.split('.').slice(1).join('.');
  if (schema.const !== undefined) {
    expect(field, where).toMatchObject({ widget: 'hidden', default: schema.const });
  } else if (key === 'department' && type !== 'department') {
    expect(field.widget, where).toBe('select');
  } else if (POST_KEYS.includes(key) && !(key === 'owner' && (type === 'post' || type === 'department'))) {
    expect(field, where).toMatchObject({ widget: 'relation', collection: 'post', value_field: 'id', search_fields: ['title', 'id'], display_fields: ['{{title}} ({{id}})'] });
    expect(field.multiple === true, where).toBe(schema.type === 'array');
  } else if (Array.isArray(schema.enum)) {
    const labels = schema['x-labels'] as Record<string, string>;
    expect(field.widget, where).toBe('select');
    expect(field.options, where).toEqual((schema.enum as string[]).map((value) => ({ label: labels[value], value })));
  } else if (schema.format === 'date') {
    expect(field, where).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD.MM.YYYY', time_format: false });
  } else if (schema.type === 'array') {
    expect(field, where).toMatchObject({ widget: 'list', field: { widget: 'string', label: schema.title, required: true } });
  } else if (schema.type === 'integer') {
    expect(field, where).toMatchObject({ widget: 'number', value_type: 'int', step: 1 });
    if (schema.minimum !== undefined) expect(field.min, where).toBe(schema.minimum);
  } else if (schema.type === 'object') {
    expect(field.widget, where).toBe('object');
    const props = schema.properties as Record<string, Json>;
    // Sub-fields are required only where the object is (Decap checks them inside an empty optional object too).
    const sub = new Set(required ? ((schema.required as string[] | undefined) ?? []) : []);
    expect(field.fields!.map((f) => f.name), where).toEqual(Object.keys(props));
    for (const f of field.fields!) checkField(f, resolved(props[f.name]!), sub.has(f.name), type, `${where}.${f.name}`);
  } else {
    expect(schema.type, where).toBe('string');
    expect(field.widget, where).toBe('string');
    if (typeof schema.pattern === 'string') expect(field.pattern, where).toEqual([schema.pattern, schema.description]);
  }
}

describe('the Decap CMS configuration (src/editing/cms-config.ts)', () => {
  it('has one collection per article type over the docs folder, with the German words of the schemas', () => {
    const config = sampleConfig();
    expect(config.collections.map((c) => c.name)).toEqual(ARTICLE_TYPES);
    for (const collection of config.collections) {
      const type = collection.name;
      expect(collection, type).toMatchObject({
        label: TYPE_SCHEMAS[type]['x-title-plural'], label_singular: TYPE_SCHEMAS[type].title, description: TYPE_SCHEMAS[type].description,
        folder: 'docs', slug: '{{id}}', identifier_field: 'id', filter: { field: 'type', value: type }, format: ENTRY_FORMAT, extension: 'md',
        create: true, summary: '{{title}}', media_folder: `/${MEDIA_FOLDER}`, public_folder: PUBLIC_FOLDER,
      });
      expect(collection.path, type).toBe(type === 'department' ? '{{id}}/index' : '{{department}}/{{slug}}');
      // The sample wiki has no sub-folders: a flat list, no tree.
      expect(collection.nested, type).toBeUndefined();
    }
    expect(config).toMatchObject({ load_config_file: false, locale: 'de', media_folder: 'static/img/artikel', public_folder: '/img/artikel', slug: { encoding: 'ascii', clean_accents: true } });
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it.each(ARTICLE_TYPES)('gives %s a field per schema key (label = title, hint = description, required, options = x-labels) and the body last', (type) => {
    const collection = collectionOf(sampleConfig(), type);
    const { props, required } = schemaOf(type);
    const names = collection.fields.map((f) => f.name);
    expect(names.at(-1)).toBe('body');
    expect(new Set(names.slice(0, -1))).toEqual(new Set(Object.keys(props)));
    expect(names.slice(0, 5)).toEqual(['id', 'type', 'title', 'department', 'owner']);
    for (const field of collection.fields.slice(0, -1)) checkField(field, props[field.name]!, required.has(field.name), type, `${type}.${field.name}`);
  });

  it('orders the fields like the template (a new file’s keys come out in template order)', () => {
    const collection = collectionOf(sampleConfig(), 'handover');
    const template = readFileSync(join(ROOT, 'templates/handover.md'), 'utf8');
    const keys = [...template.split('\n---\n')[0]!.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]);
    expect(collection.fields.map((f) => f.name).slice(0, keys.length)).toEqual(keys);
  });

  it('lists the wiki\'s departments by title in the department field; post references pick posts', () => {
    const config = sampleConfig();
    const docs = join(ROOT, 'docs');
    const titles = readFileSync(join(docs, 'fb32-ordnung/index.md'), 'utf8').match(/^title: (.*)$/m)![1];
    const department = fieldOf(collectionOf(config, 'process'), 'department');
    expect(department.options!.map((o) => o.value)).toEqual(['fb10-zentrale-dienste', 'fb20-finanzen', 'fb32-ordnung', 'fb40-bildung-kultur-sport', 'fb51-jugend-soziales', 'fb60-planen-bauen-umwelt']);
    expect(department.options!.find((o) => o.value === 'fb32-ordnung')!.label).toBe(titles!.replace(/^"|"$/g, ''));
    // A department is its own department (the folder name): typed, checked against the id pattern.
    expect(fieldOf(collectionOf(config, 'department'), 'department')).toMatchObject({ widget: 'string', pattern: [COMMON_SCHEMA.$defs.articleId.pattern, expect.any(String)] });
    // A post owns itself and a new department names a head post that may not exist yet: typed, not picked.
    expect(fieldOf(collectionOf(config, 'post'), 'owner').widget).toBe('string');
    expect(fieldOf(collectionOf(config, 'department'), 'owner').widget).toBe('string');
    expect(fieldOf(collectionOf(config, 'guide'), 'owner').widget).toBe('relation');
    expect(fieldOf(collectionOf(config, 'post'), 'deputies')).toMatchObject({ widget: 'relation', multiple: true, default: [] });
    expect(fieldOf(collectionOf(config, 'handover'), 'post')).toMatchObject({ widget: 'relation' });
    expect(fieldOf(collectionOf(config, 'handover'), 'post').multiple).toBeUndefined();
    const digital = fieldOf(collectionOf(config, 'process'), 'digital');
    expect(digital.widget).toBe('object');
    expect(digital.required).toBe(false);
    expect(digital.fields!.map((f) => [f.name, f.widget, f.required])).toEqual([['status', 'select', false], ['bundle', 'string', false], ['effort', 'number', false]]);
  });

  it('starts a new article from its template: the body and the values that are no placeholder', () => {
    const config = sampleConfig();
    for (const type of ARTICLE_TYPES) {
      const text = readFileSync(join(ROOT, `templates/${type}.md`), 'utf8');
      const body = text.slice(text.indexOf('\n---\n', 3) + 5).replace(/^\n+/, '');
      expect(fieldOf(collectionOf(config, type), 'body'), type).toMatchObject({ widget: 'text', default: body });
      const collection = collectionOf(config, type);
      for (const key of ['id', 'title', 'department', 'owner']) expect(fieldOf(collection, key).default, `${type}.${key}`).toBeUndefined();
      expect(fieldOf(collection, 'reviewed').default, type).toBe('{{now}}');
      expect(fieldOf(collection, 'review_months').default, type).toBe(12);
    }
    expect(fieldOf(collectionOf(config, 'process'), 'frequency').default).toBe('on-demand');
    expect(fieldOf(collectionOf(config, 'process'), 'digital').fields![0]!.default).toBe('analog');
    expect(fieldOf(collectionOf(config, 'post'), 'criticality').default).toBe('medium');
    expect(fieldOf(collectionOf(config, 'handover'), 'status').default).toBe('planned');
    expect(fieldOf(collectionOf(config, 'handover'), 'due').default).toBeUndefined();
  });

  it('brings a wiki\'s own keys (erweiterungen/) and its own template (vorlagen/)', () => {
    const root = join(ROOT, 'test/fixtures/extension-wiki');
    useWikiExtensions(root);
    const config = cmsConfigFor(root, loadWiki(join(root, 'docs')), LOCAL, { proxyUrl: PROXY });
    const post = collectionOf(config, 'post');
    expect(fieldOf(post, 'kostenstelle')).toMatchObject({ label: 'Kostenstelle', widget: 'string', required: true, pattern: ['^[0-9]{4,10}$', 'Nummer der Kostenstelle im Haushalt, vier bis zehn Ziffern, z. B. 1100.'] });
    expect(fieldOf(post, 'arbeitsort')).toMatchObject({ label: 'Arbeitsort', widget: 'select', required: false, options: [{ label: 'im Büro', value: 'buero' }, { label: 'mobil', value: 'mobil' }, { label: 'gemischt', value: 'gemischt' }] });
    const own = readFileSync(join(root, 'vorlagen/post.md'), 'utf8');
    expect(fieldOf(post, 'body').default).toBe(own.slice(own.indexOf('\n---\n', 3) + 5).replace(/^\n+/, ''));
    expect(fieldOf(collectionOf(config, 'guide'), 'kostenstelle')).toBeUndefined();
  });

  it('maps each backend of the settings; review on = editorial workflow; npm run edit always uses the proxy', () => {
    const server = (backend: EditingSettings['backend'], review: boolean) => ({ enabled: true, backend, branch: 'wiki', review, ...SERVER }) as EditingSettings;
    const gitlab = sampleConfig(server('gitlab', true), {});
    expect(gitlab.backend).toEqual({ name: 'gitlab', repo: 'wissen/wiki', branch: 'wiki', base_url: 'https://git.rathaus.example', api_root: 'https://git.rathaus.example/api/v4', auth_type: 'pkce', app_id: '3f2a9c' });
    expect(gitlab.publish_mode).toBe('editorial_workflow');
    expect(sampleConfig(server('gitlab', false), {}).publish_mode).toBeUndefined();
    expect(sampleConfig(server('gitea', false), {}).backend).toEqual({ name: 'gitea', repo: 'wissen/wiki', branch: 'wiki', base_url: 'https://git.rathaus.example', api_root: 'https://git.rathaus.example/api/v4', app_id: '3f2a9c' });
    const forgejo = sampleConfig(server('forgejo', true), {});
    expect(forgejo.backend).toEqual({ name: 'forgejo', repo: 'wissen/wiki', branch: 'wiki', api_root: 'https://git.rathaus.example/api/v4', app_id: '3f2a9c' });
    expect(forgejo.publish_mode).toBe('editorial_workflow');
    expect(sampleConfig(server('forgejo', false), {}).publish_mode).toBeUndefined();
    // The edit server saves files in the working copy: no merge requests there, whatever the settings.
    for (const settings of [LOCAL, server('gitlab', true)]) {
      const local = sampleConfig(settings, { proxyUrl: PROXY });
      expect(local.backend).toEqual({ name: 'proxy', proxy_url: PROXY });
      expect(local.publish_mode).toBeUndefined();
    }
    expect(() => sampleConfig(LOCAL, {})).toThrow(/proxyUrl/);
    // From the settings file itself.
    const dir = tempDir('stellenwissen-cms-');
    writeFileSync(join(dir, 'stellenwissen.config.yaml'), 'name: Stadt A\nediting:\n  backend: gitlab\n  base_url: https://git.a.example/\n  app_id: abc\n  repo: a/wiki\n');
    expect(sampleConfig(editingSettings(readWikiConfig(dir)), {}).backend).toMatchObject({ base_url: 'https://git.a.example', api_root: 'https://git.a.example/api/v4' });
  });

  it('links the site and a local logo only', () => {
    expect(sampleConfig(LOCAL, { proxyUrl: PROXY, siteUrl: 'https://wiki.example/wiki/', logoUrl: '/wiki/img/wiki-logo-1a2b.svg' })).toMatchObject({ site_url: 'https://wiki.example/wiki/', display_url: 'https://wiki.example/wiki/', logo_url: '/wiki/img/wiki-logo-1a2b.svg' });
    for (const logoUrl of ['https://cdn.example/logo.svg', '//cdn.example/logo.svg']) expect(sampleConfig(LOCAL, { proxyUrl: PROXY, logoUrl }).logo_url, logoUrl).toBeUndefined();
    expect(sampleConfig().site_url).toBeUndefined();
  });

  it('refuses a docs folder outside the site folder (Decap reads the repository from its root)', () => {
    useWikiExtensions(ROOT);
    expect(() => cmsConfigFor(join(ROOT, 'docs'), loadWiki(join(ROOT, 'docs')), LOCAL, { proxyUrl: PROXY })).toThrow(/Der Wiki-Ordner muss unterhalb/);
  });
});

/**
 * Decap's own check of the configuration (decap-cms-core's validateConfig with the widgets'
 * option schemas), which the build runs in Node (src/editing/decap-config-check.ts) so the
 * browser need not.
 */
describe('Decap CMS accepts the configuration (its own validateConfig, at build time)', () => {
  let checkFile = '';
  const check = (config: unknown) => checkDecapConfig(checkFile, config as CmsConfig);

  beforeAll(async () => {
    checkFile = (await cmsBundle()).checkFile;
  }, 180_000);

  it('for every backend, the sample wiki and a wiki with its own keys', () => {
    const server = (backend: 'gitlab' | 'forgejo' | 'gitea', review: boolean) => ({ enabled: true, backend, branch: 'main', review, ...SERVER }) as EditingSettings;
    const configs = [sampleConfig(), sampleConfig(server('gitlab', true), {}), sampleConfig(server('gitea', false), {}), sampleConfig(server('forgejo', true), {})];
    const root = join(ROOT, 'test/fixtures/extension-wiki');
    useWikiExtensions(root);
    configs.push(cmsConfigFor(root, loadWiki(join(root, 'docs')), LOCAL, { proxyUrl: PROXY }));
    for (const config of configs) expect(() => check(config), config.backend.name).not.toThrow();
  });

  it('really checks: a select without options and an unknown publish mode are refused', () => {
    const config = sampleConfig();
    const broken = structuredClone(config) as unknown as { publish_mode: string; collections: Array<{ fields: Json[] }> };
    delete broken.collections[2]!.fields.find((f) => f.name === 'frequency')!.options;
    expect(() => check(broken)).toThrow(/Decap CMS lehnt sie ab:\n.*'collections\[2\]\.fields\[\d+\]' must have required property 'options'/);
    expect(() => check({ ...config, publish_mode: 'review' })).toThrow(/publish_mode/);
  });
});

/**
 * Which files Decap lists: it asks its backend for `entriesByFolder` with the depth the
 * collection implies – `nested.depth`, else the segments of `path` (decap-cms-core
 * backend.js, collectionDepth). Measured against decap-server's own file middleware.
 */
describe('imported sub-folders (docs/<dep>/<sub>/<id>.md) are listed', () => {
  let server: import('node:http').Server;
  let url = '';
  const repo = tempDir('stellenwissen-cms-depth-');
  const article = (path: string, type: string, id: string, extra = '') => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), `---\nid: ${id}\ntype: ${type}\ntitle: ${id}\ndepartment: fb1\nowner: stelle-1-001\nreviewed: 2026-01-01\n${extra}---\n\n## Text\n\nText.\n`);
  };

  beforeAll(async () => {
    article('docs/fb1/index.md', 'department', 'fb1');
    article('docs/fb1/stelle-1-001.md', 'post', 'stelle-1-001', 'criticality: low\ndeputies: []\n');
    article('docs/fb1/anleitung-oben.md', 'guide', 'anleitung-oben');
    article('docs/fb1/handbuch/anleitung-unten.md', 'guide', 'anleitung-unten');
    article('docs/fb1/handbuch/teil/anleitung-ganz-unten.md', 'guide', 'anleitung-ganz-unten');
    const previous = process.env.GIT_REPO_DIRECTORY;
    process.env.GIT_REPO_DIRECTORY = repo;
    const app = express();
    app.use(express.json({ limit: '50mb' }));
    await registerLocalFs(app, { logLevel: 'error' });
    if (previous === undefined) delete process.env.GIT_REPO_DIRECTORY;
    else process.env.GIT_REPO_DIRECTORY = previous;
    await new Promise<void>((done) => { server = app.listen(0, '127.0.0.1', done); });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  /** The depth Decap derives from a collection (nested.depth || segments of path). */
  const depthOf = (collection: CmsCollection) => collection.nested?.depth ?? collection.path.split('/').length;
  const listed = async (collection: CmsCollection): Promise<string[]> => {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'entriesByFolder', params: { branch: 'main', folder: collection.folder, extension: collection.extension, depth: depthOf(collection) } }) });
    expect(response.status).toBe(200);
    return ((await response.json()) as Array<{ file: { path: string } }>).map((e) => e.file.path).sort();
  };

  it('not with the depth of the path alone (2), but with nested.depth = the deepest article', async () => {
    useWikiExtensions(repo);
    const config = cmsConfigFor(repo, loadWiki(join(repo, 'docs')), LOCAL, { proxyUrl: PROXY });
    const guide = collectionOf(config, 'guide');
    expect(guide.nested).toEqual({ depth: 4 });
    const flat = { ...guide, nested: undefined } as CmsCollection;
    expect(await listed(flat)).not.toContain('docs/fb1/handbuch/anleitung-unten.md');
    expect(await listed(guide)).toEqual(expect.arrayContaining(['docs/fb1/anleitung-oben.md', 'docs/fb1/handbuch/anleitung-unten.md', 'docs/fb1/handbuch/teil/anleitung-ganz-unten.md']));
    // Types without deeper articles stay flat lists; the department collection always is.
    expect(collectionOf(config, 'post').nested).toBeUndefined();
    expect(collectionOf(config, 'department').nested).toBeUndefined();
    expect(await listed(collectionOf(config, 'department'))).toContain('docs/fb1/index.md');
  });
});
