import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/core/frontmatter';
import { buildFrontMatterConfig, DATE_FORMAT, formatFrontMatterConfig, FRONTMATTER_CONFIG_PATH, type CmsContentType, type CmsField } from '../src/authoring/front-matter-cms';
import { ARTICLE_TYPES, COMMON_SCHEMA, TYPE_SCHEMAS, type ArticleType } from '../src/core/schema/schemas';
import { ROOT } from './helpers';
import { resolved, schemaOf, type Json } from './schemas-by-hand';


const config = JSON.parse(readFileSync(FRONTMATTER_CONFIG_PATH, 'utf8')) as Json;
const contentTypes = config['frontMatter.taxonomy.contentTypes'] as CmsContentType[];

function checkField(field: CmsField, schema: Json, required: boolean, where: string): void {
  expect(field.title, where).toBe(schema.title);
  expect(field.description, where).toBe(schema.description);
  expect(field.required === true, `${where} required`).toBe(required);
  if (schema.const !== undefined) {
    expect(field.type, where).toBe('choice');
    expect(field.choices!.map((c) => c.id), where).toEqual([schema.const]);
    expect(field.default, where).toBe(schema.const);
  } else if (Array.isArray(schema.enum)) {
    expect(field.type, where).toBe('choice');
    expect(field.choices!.map((c) => c.id), where).toEqual(schema.enum);
    for (const choice of field.choices!) expect(choice.title, where).toContain(choice.id);
  } else if (schema.format === 'date') {
    expect(field, where).toMatchObject({ type: 'datetime', dateFormat: 'yyyy-MM-dd' });
  } else if (schema.type === 'array') {
    expect(['list', 'tags'], where).toContain(field.type);
  } else if (schema.type === 'integer') {
    expect(field.type, where).toBe('number');
  } else if (schema.type === 'object') {
    expect(field.type, where).toBe('fields');
    const props = schema.properties as Record<string, Json>;
    const sub = new Set((schema.required as string[] | undefined) ?? []);
    expect(field.fields!.map((f) => f.name), where).toEqual(Object.keys(props));
    for (const f of field.fields!) checkField(f, resolved(props[f.name]), sub.has(f.name), `${where}.${f.name}`);
  } else {
    expect(schema.type, where).toBe('string');
    expect(field, where).toMatchObject({ type: 'string', single: true });
  }
}

describe('frontmatter.json (Front Matter CMS)', () => {
  it('is the committed output of npm run gen:editor (regenerated, it cannot drift from the schemas)', () => {
    expect(readFileSync(FRONTMATTER_CONFIG_PATH, 'utf8')).toBe(formatFrontMatterConfig());
    expect(config).toEqual(buildFrontMatterConfig());
  });

  it('has one content type per article type, named like the `type` value (how the extension picks the form)', () => {
    expect(contentTypes.map((c) => c.name)).toEqual(ARTICLE_TYPES);
  });

  it.each(ARTICLE_TYPES)('gives %s a field per schema key with German title, description, required flag and choices', (type) => {
    const contentType = contentTypes.find((c) => c.name === type)!;
    const { props, required } = schemaOf(type);
    expect(new Set(contentType.fields.map((f) => f.name))).toEqual(new Set(Object.keys(props)));
    expect(contentType.fields.map((f) => f.name).slice(0, 5)).toEqual(['id', 'type', 'title', 'department', 'owner']);
    for (const field of contentType.fields) checkField(field, props[field.name], required.has(field.name), `${type}.${field.name}`);
  });

  it('writes dates as YYYY-MM-DD and nests the digital status as a group', () => {
    expect(DATE_FORMAT).toBe('yyyy-MM-dd');
    expect(config['frontMatter.taxonomy.dateFormat']).toBe('yyyy-MM-dd');
    const process = contentTypes.find((c) => c.name === 'process')!;
    const digital = process.fields.find((f) => f.name === 'digital')!;
    expect(digital.type).toBe('fields');
    expect(digital.fields!.map((f) => [f.name, f.type, f.required === true])).toEqual([['status', 'choice', true], ['bundle', 'string', false], ['effort', 'number', false]]);
    const handover = contentTypes.find((c) => c.name === 'handover')!;
    expect(handover.fields.filter((f) => f.type === 'datetime').map((f) => f.name)).toEqual(['due', 'reviewed']);
  });

  it('points at the wiki and at templates whose front matter the form covers', () => {
    expect(config['frontMatter.content.pageFolders']).toEqual([{ title: 'Wiki (docs)', path: '[[workspace]]/docs', contentTypes: ARTICLE_TYPES }]);
    expect(statSync(join(ROOT, 'docs')).isDirectory()).toBe(true);
    expect(statSync(join(ROOT, config['frontMatter.templates.folder'] as string)).isDirectory()).toBe(true);
    for (const contentType of contentTypes) {
      expect(contentType.template).toBe(`[[workspace]]/templates/${contentType.name}.md`);
      const template = join(ROOT, contentType.template.replace('[[workspace]]/', ''));
      const data = parseFrontMatter(readFileSync(template, 'utf8')).data!;
      expect(data.type).toBe(contentType.name);
      const names = new Set(contentType.fields.map((f) => f.name));
      for (const key of Object.keys(data)) expect(names.has(key), `${contentType.name}: ${key}`).toBe(true);
    }
  });

  it('comes with recommended VS Code settings and extensions', () => {
    const extensions = JSON.parse(readFileSync(join(ROOT, '.vscode/extensions.json'), 'utf8'));
    expect(extensions.recommendations).toContain('eliostruyf.vscode-front-matter');
    const settings = JSON.parse(readFileSync(join(ROOT, '.vscode/settings.json'), 'utf8'));
    expect(settings).toMatchObject({ 'files.eol': '\n', 'files.encoding': 'utf8', 'files.trimTrailingWhitespace': true });
    // Two trailing spaces are a line break in Markdown: never trimmed there.
    expect(settings['[markdown]']).toMatchObject({ 'editor.wordWrap': 'on', 'files.trimTrailingWhitespace': false });
  });
});

describe('npm run gen:editor', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/editor-config.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it('--check passes on the committed file without touching it', () => {
    const before = statSync(FRONTMATTER_CONFIG_PATH).mtimeMs;
    const result = run(['--check']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(statSync(FRONTMATTER_CONFIG_PATH).mtimeMs).toBe(before);
  });

  it('refuses unknown options with one German line and exit 2', () => {
    const result = run(['--force']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('gen:editor: Unbekannte Option „--force“. Alle Optionen: --help\n');
    expect(existsSync(FRONTMATTER_CONFIG_PATH)).toBe(true);
  });
});
