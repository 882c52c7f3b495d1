import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFrontMatterConfig, FRONTMATTER_CONFIG_PATH, type CmsContentType } from '../src/authoring/front-matter-cms';
import { planNewArticle } from '../src/authoring/scaffold';
import { buildCoverageIndex, computeCoverage } from '../src/coverage/coverage';
import { parseIsoDate } from '../src/core/dates';
import { analysisFingerprint, analysisSources, currentAnalysisFingerprint } from '../src/core/load/analysis-cache';
import { loadWiki, loadWikiAsync } from '../src/core/load/load-wiki';
import { resetWikiExtensions, useWikiExtensions } from '../src/core/schema/extensions';
import { requiredSections } from '../src/core/schema/model';
import { COMMON_SCHEMA, TYPE_SCHEMAS } from '../src/core/schema/schemas';
import { UsageError } from '../src/core/wiki';
import { buildSiteData } from '../src/plugin/site-data';
import { buildSearchIndex } from '../src/search/build';
import { departmentTitles, searchDocumentsFromWiki } from '../src/search/documents';
import { SearchEngine } from '../src/search/engine';
import { SEARCH_DIR } from '../src/search/types';
import { TYPE_LABELS } from '../src/core/schema/labels';
import { validateWiki } from '../src/validate/validate';
import { ROOT, tempDir } from './helpers';

// A wiki with its own keys and sections (README „Eigene Felder und Abschnitte“): the sample
// wiki of the tests with erweiterungen/post.schema.json (kostenstelle, arbeitsort),
// erweiterungen/process.schema.json (## Datenschutz) and its own post template.
const FIXTURE = join(ROOT, 'test/fixtures/extension-wiki');
const TODAY = parseIsoDate('2026-07-01')!;

/** A copy of the fixture with `files` laid over it (`''` removes; `REPLACE:<old>=><new>` edits). */
function wikiWith(files: Record<string, string> = {}): string {
  const root = tempDir('stellenwissen-ext-');
  cpSync(FIXTURE, root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    if (content === '') rmSync(target, { force: true });
    else if (content.startsWith('REPLACE:')) {
      const [from, to] = content.slice(8).split('=>') as [string, string];
      const original = readFileSync(target, 'utf8');
      if (!original.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
      writeFileSync(target, original.replace(from, to));
    } else writeFileSync(target, content);
  }
  return root;
}

function validate(root: string) {
  useWikiExtensions(root, root);
  const wiki = loadWiki(join(root, 'docs'), root);
  return { wiki, result: validateWiki(wiki, TODAY) };
}

const lines = (root: string) => validate(root).result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.rule}]`);

/** The UsageError message of putting the extensions of `root` in force. */
function refusal(root: string): string {
  try {
    useWikiExtensions(root, root);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('the extension was accepted');
}

function run(script: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, ['--import', join(ROOT, 'node_modules/tsx/dist/loader.mjs'), join(ROOT, `scripts/${script}.ts`), ...args], { cwd, encoding: 'utf8', input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterEach(() => resetWikiExtensions());

describe('local extensions: front matter', () => {
  it('accepts the keys an extension declares – and only then', () => {
    const root = wikiWith();
    expect(lines(root)).toEqual([]);
    // The same articles without the extension: the local keys are unknown fields again.
    resetWikiExtensions();
    const ours = validateWiki(loadWiki(join(root, 'docs'), root), TODAY).findings.map((f) => f.message);
    expect(ours.filter((m) => m.startsWith('Unbekanntes Feld „kostenstelle“'))).toHaveLength(2);
    expect(ours.some((m) => m.startsWith('Unbekanntes Feld „arbeitsort“'))).toBe(true);
  });

  it('reports a missing required local key on the closing ---, in German with its description', () => {
    const root = wikiWith({ 'docs/fb1/stelle-1-002.md': 'REPLACE:kostenstelle: "1100"\n=>' });
    expect(lines(root)).toEqual([
      'docs/fb1/stelle-1-002.md:12:1 Pflichtfeld "kostenstelle" fehlt – Kostenstelle: Nummer der Kostenstelle im Haushalt, vier bis zehn Ziffern, z. B. 1100. [schema]',
    ]);
  });

  it('checks local values like ours: pattern, enum with its German words', () => {
    const root = wikiWith({
      'docs/fb1/stelle-1-001.md': 'REPLACE:kostenstelle: "1000"=>kostenstelle: 10-00',
      'docs/fb1/stelle-1-002.md': 'REPLACE:arbeitsort: buero=>arbeitsort: im-büro',
    });
    expect(lines(root)).toEqual([
      'docs/fb1/stelle-1-001.md:10:1 „kostenstelle“ (Kostenstelle) hat nicht das erwartete Format: „10-00“. Nummer der Kostenstelle im Haushalt, vier bis zehn Ziffern, z. B. 1100. [schema]',
      'docs/fb1/stelle-1-002.md:12:1 „arbeitsort“ (Arbeitsort) hat den ungültigen Wert „im-büro“ – erlaubt sind: buero, mobil, gemischt. Meinten Sie „buero“? [schema]',
    ]);
  });

  it('still refuses a key nobody declared, with the existing message (now listing the local keys too)', () => {
    const root = wikiWith({ 'docs/fb1/stelle-1-002.md': 'REPLACE:arbeitsort: buero=>arbeitsort: buero\nraum: 12' });
    expect(lines(root)).toEqual([
      'docs/fb1/stelle-1-002.md:13:1 Unbekanntes Feld „raum“. Erlaubt sind hier: id, type, title, department, owner, reviewed, review_months, tags, description, sidebar_position, criticality, deputies, systems, kostenstelle, arbeitsort. [schema]',
    ]);
    // A key of posts is no key of processes.
    const other = wikiWith({ 'docs/fb1/antrag-bearbeiten.md': 'REPLACE:frequency: daily=>frequency: daily\nkostenstelle: "1100"' });
    expect(lines(other)).toEqual([expect.stringMatching(/^docs\/fb1\/antrag-bearbeiten\.md:9:1 Unbekanntes Feld „kostenstelle“\. Erlaubt sind hier: .*frequency.*\[schema\]$/)]);
  });
});

describe('local extensions: sections', () => {
  it('requires the local sections after ours (sections rule)', () => {
    const root = wikiWith({ 'docs/fb1/antrag-bearbeiten.md': 'REPLACE:## Datenschutz=>## Daten' });
    expect(lines(root)).toEqual([
      'docs/fb1/antrag-bearbeiten.md:16:1 Pflichtabschnitt „## Datenschutz“ fehlt: Fügen Sie die Überschrift „## Datenschutz“ mit Inhalt hinzu. [sections]',
    ]);
    expect(requiredSections('process')).toEqual([...TYPE_SCHEMAS.process['x-sections'], 'Datenschutz']);
  });

  it('counts a missing local section of a post in its coverage', () => {
    const extension = JSON.parse(readFileSync(join(FIXTURE, 'erweiterungen/post.schema.json'), 'utf8'));
    const root = wikiWith({ 'erweiterungen/post.schema.json': JSON.stringify({ ...extension, 'x-sections': ['Haushalt'] }, null, 2) });
    const { wiki, result } = validate(root);
    const coverage = computeCoverage(buildCoverageIndex(wiki, result), 'stelle-1-002', { today: TODAY });
    expect(coverage.checks.sections).toBe('fail');
    expect(coverage.gaps).toContainEqual({ check: 'sections', kind: 'incomplete', sections: ['Haushalt'], placeholders: 0 });
  });
});

describe('local extensions: what they cannot do', () => {
  it('refuses retyping or re-requiring our keys and repeating our sections, naming file:line:column', () => {
    const root = wikiWith({
      'erweiterungen/post.schema.json': [
        '{',
        '  "properties": {',
        '    "kostenstelle": { "title": "Kostenstelle", "type": "string" },',
        '    "criticality": { "type": "integer" },',
        '    "title": { "type": "string" }',
        '  },',
        '  "required": ["kostenstelle", "deputies"],',
        '  "x-sections": ["Haushalt", "vertretung"]',
        '}',
      ].join('\n'),
    });
    expect(refusal(root).split('\n')).toEqual([
      'erweiterungen/post.schema.json:4:5 Der Schlüssel „criticality“ gehört zu Stellenwissen und kann hier nicht geändert werden; wählen Sie einen eigenen Namen, z. B. „kostenstelle“.',
      'erweiterungen/post.schema.json:5:5 Der Schlüssel „title“ gehört zu Stellenwissen und kann hier nicht geändert werden; wählen Sie einen eigenen Namen, z. B. „kostenstelle“.',
      'erweiterungen/post.schema.json:7:32 „deputies“ ist in Stellenwissen schon Pflicht für Stelle und kann hier nicht geändert werden; nennen Sie unter „required“ nur eigene Felder, z. B. „kostenstelle“.',
      'erweiterungen/post.schema.json:8:30 Der Abschnitt „vertretung“ ist in Stellenwissen schon Pflicht für Stelle und kann hier nicht geändert werden; nennen Sie unter „x-sections“ nur zusätzliche Abschnitte, z. B. „Datenschutz“.',
    ]);
  });

  it('refuses keywords that would do more than add (not, if, additionalProperties …)', () => {
    const root = wikiWith({ 'erweiterungen/process.schema.json': '{\n  "x-sections": ["Datenschutz"],\n  "not": { "required": ["leika"] },\n  "additionalProperties": true\n}\n' });
    const allowed = 'Erlaubt sind: $schema, $id, title, description, properties, required, x-sections, examples, $comment.';
    expect(refusal(root).split('\n')).toEqual([
      `erweiterungen/process.schema.json:3:3 Das Schlüsselwort „not“ ist in einer Erweiterung nicht erlaubt – sie kann nur Felder und Abschnitte hinzufügen. ${allowed}`,
      `erweiterungen/process.schema.json:4:3 Das Schlüsselwort „additionalProperties“ ist in einer Erweiterung nicht erlaubt – sie kann nur Felder und Abschnitte hinzufügen. ${allowed}`,
    ]);
  });

  it('refuses broken JSON, unknown schema words, wrong file names and requirements without a field', () => {
    expect(refusal(wikiWith({ 'erweiterungen/guide.schema.json': '{\n  "x-sections": ["Zweck"],\n}\n' })))
      .toMatch(/^erweiterungen\/guide\.schema\.json:3:1 Die Erweiterung ist kein gültiges JSON: /);
    expect(refusal(wikiWith({ 'erweiterungen/guide.schema.json': '{\n  "properties": {\n    "raum": { "tpye": "string" }\n  }\n}\n' })))
      .toBe('erweiterungen/guide.schema.json:3:15 Unbekanntes Schlüsselwort „tpye“: Ein Feld beschreiben die Wörter von JSON Schema 2020-12 (type, enum, pattern, minimum, items …) und title, description, examples, x-labels.');
    expect(refusal(wikiWith({ 'erweiterungen/guide.schema.json': '{\n  "properties": {\n    "raum": { "type": "zahl" }\n  }\n}\n' })))
      .toBe('erweiterungen/guide.schema.json:3:15 Das Feld „raum“ bei „type“ nennt keinen Typ von JSON Schema: erlaubt sind string, integer, number, boolean, array, object und null.');
    expect(refusal(wikiWith({ 'erweiterungen/stelle.schema.json': '{}' })))
      .toBe('erweiterungen/stelle.schema.json:1:1 Unbekannte Erweiterung „stelle.schema.json“: Der Dateiname ist <typ>.schema.json mit typ = department, post, process, handover, guide.');
    expect(refusal(wikiWith({ 'erweiterungen/guide.schema.json': '{ "required": ["raum"] }' })))
      .toBe('erweiterungen/guide.schema.json:1:16 „raum“ steht unter „required“, aber nicht unter „properties“: Beschreiben Sie das Feld dort (mit „title“ und „type“).');
  });

  it('stops every command with exit 2 and one line per problem; nothing is written', () => {
    const root = wikiWith({ 'erweiterungen/post.schema.json': '{\n  "properties": {\n    "criticality": { "type": "integer" }\n  }\n}\n' });
    const line = 'erweiterungen/post.schema.json:3:5 Der Schlüssel „criticality“ gehört zu Stellenwissen und kann hier nicht geändert werden; wählen Sie einen eigenen Namen, z. B. „kostenstelle“.\n';
    expect(run('validate', ['--no-cache'], root)).toMatchObject({ code: 2, stdout: '', stderr: `validate: ${line}` });
    expect(run('new', ['post', '--id', 'stelle-1-009', '--department', 'fb1', '--docs', 'docs'], root)).toMatchObject({ code: 2, stderr: `new: ${line}` });
    expect(existsSync(join(root, 'docs/fb1/stelle-1-009.md'))).toBe(false);
  });
});

describe('local extensions on the site', () => {
  it('cards show the local keys with their titles, enum values in German; without extension no local block', () => {
    const { wiki, result } = validate(wikiWith());
    const { cards } = buildSiteData(wiki, result, TODAY, '/wiki/');
    expect(cards['stelle-1-002']!.local).toEqual([
      { key: 'kostenstelle', label: 'Kostenstelle', value: '1100' },
      { key: 'arbeitsort', label: 'Arbeitsort', value: 'im Büro' },
    ]);
    expect(cards['stelle-1-001']!.local).toEqual([{ key: 'kostenstelle', label: 'Kostenstelle', value: '1000' }]);
    expect(cards['antrag-bearbeiten']!.local).toBeUndefined();
  });

  it('search finds an article by the value of a local key and by its German word', async () => {
    const { wiki } = validate(wikiWith({ 'docs/fb1/stelle-1-002.md': 'REPLACE:kostenstelle: "1100"=>kostenstelle: "73150"' }));
    const documents = searchDocumentsFromWiki(wiki, (a) => `/wiki/${a.relPath.replace(/\.md$/, '')}`);
    expect(documents.find((d) => d.url === '/wiki/fb1/stelle-1-002')!.keywords).toEqual(expect.arrayContaining(['73150', 'buero', 'im Büro']));
    const built = buildSearchIndex(documents, { departments: departmentTitles(wiki), types: TYPE_LABELS, lexicon: { nouns: new Set(), modifiers: new Set() } });
    const engine = new SearchEngine('/wiki/', async (url) => JSON.parse(built.files.get(url.slice(`/wiki/${SEARCH_DIR}/`.length))!));
    await engine.load();
    expect(engine.search('73150').hits.map((h) => h.title)).toEqual(['Sachbearbeitung Anträge']);
  });
});

describe('local extensions while writing', () => {
  it('frontmatter.json gets the local fields (required, choices with their words) and the local template', () => {
    const root = wikiWith();
    useWikiExtensions(root);
    const types = buildFrontMatterConfig()['frontMatter.taxonomy.contentTypes'] as CmsContentType[];
    const post = types.find((t) => t.name === 'post')!;
    expect(post.template).toBe('[[workspace]]/vorlagen/post.md');
    // Ours, as seen from the wiki root (in a wiki with the package installed: node_modules/stellenwissen/templates).
    expect(types.find((t) => t.name === 'process')!.template).toBe(`[[workspace]]/${relative(root, join(ROOT, 'templates'))}/process.md`);
    const names = post.fields.map((f) => f.name);
    expect(names.indexOf('kostenstelle')).toBe(names.indexOf('systems') + 1);
    expect(post.fields.find((f) => f.name === 'kostenstelle')).toEqual({
      title: 'Kostenstelle', name: 'kostenstelle', type: 'string', single: true, required: true,
      description: 'Nummer der Kostenstelle im Haushalt, vier bis zehn Ziffern, z. B. 1100.',
    });
    expect(post.fields.find((f) => f.name === 'arbeitsort')!.choices).toEqual([
      { id: 'buero', title: 'im Büro (buero)' }, { id: 'mobil', title: 'mobil' }, { id: 'gemischt', title: 'gemischt' },
    ]);
  });

  it('npm run gen:editor writes frontmatter.json into the wiki root, not into the package', () => {
    const root = wikiWith();
    const before = statSync(FRONTMATTER_CONFIG_PATH).mtimeMs;
    expect(run('editor-config', [], root)).toMatchObject({ code: 0, stderr: 'geschrieben: frontmatter.json\n' });
    expect(readFileSync(join(root, 'frontmatter.json'), 'utf8')).toContain('"name": "kostenstelle"');
    expect(statSync(FRONTMATTER_CONFIG_PATH).mtimeMs).toBe(before);
  });

  it('`new` uses the wiki\'s own template, and the new article is valid but for its TODOs', () => {
    const root = wikiWith();
    const created = run('new', ['post', '--id', 'stelle-1-009', '--department', 'fb1', '--docs', 'docs', '--today', '2026-07-01'], root);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).not.toContain('Hinweis:');
    const text = readFileSync(join(root, 'docs/fb1/stelle-1-009.md'), 'utf8');
    expect(text).toContain('kostenstelle: "0000"');
    expect(text).toContain('<!-- Vorlage der Stadt Auenfurt:');
  });

  it('refuses a local template that does not fit the extended schema, naming file:line', () => {
    const root = wikiWith({ 'vorlagen/post.md': 'REPLACE:kostenstelle: "0000"\n=>' });
    useWikiExtensions(root, root);
    const wiki = loadWiki(join(root, 'docs'), root);
    expect(() => planNewArticle(wiki, { type: 'post', id: 'stelle-1-009', department: 'fb1' }, TODAY))
      .toThrow(new UsageError(`${relative(process.cwd(), join(root, 'vorlagen/post.md'))}:13:1 Pflichtfeld "kostenstelle" fehlt – Kostenstelle: Nummer der Kostenstelle im Haushalt, vier bis zehn Ziffern, z. B. 1100.`));
    const sectionless = wikiWith({ 'vorlagen/post.md': 'REPLACE:## Ablage und Akten=>## Ablage' });
    useWikiExtensions(sectionless, sectionless);
    expect(() => planNewArticle(wiki, { type: 'post', id: 'stelle-1-009', department: 'fb1' }, TODAY)).toThrow('Pflichtabschnitt „## Ablage und Akten“ fehlt in der Vorlage.');
  });
});

describe('local extensions and the analysis cache', () => {
  it('without extensions the fingerprint is the one of our schemas alone', () => {
    useWikiExtensions(join(ROOT, 'test/fixtures/mini-wiki'));
    expect(currentAnalysisFingerprint()).toBe(analysisFingerprint({ COMMON_SCHEMA, TYPE_SCHEMAS }, analysisSources()));
  });

  it('a changed extension never serves analyses made without it', async () => {
    const root = wikiWith();
    const cacheDir = tempDir('stellenwissen-cache-');
    const load = async () => {
      useWikiExtensions(root, root);
      const { wiki, stats } = await loadWikiAsync(join(root, 'docs'), { cwd: root, cacheDir, threads: 1 });
      return { stats, findings: validateWiki(wiki, TODAY).findings.map((f) => f.message) };
    };
    expect((await load()).stats).toMatchObject({ fromCache: 0, analysed: 6 });
    expect((await load()).stats).toMatchObject({ fromCache: 6, analysed: 0 });
    // `arbeitsort` becomes required: stelle-1-001 lacks it – only a fresh analysis can tell.
    writeFileSync(join(root, 'erweiterungen/post.schema.json'), readFileSync(join(root, 'erweiterungen/post.schema.json'), 'utf8').replace('"required": ["kostenstelle"]', '"required": ["kostenstelle", "arbeitsort"]'));
    const changed = await load();
    expect(changed.stats).toMatchObject({ fromCache: 0, analysed: 6 });
    expect(changed.findings).toEqual([expect.stringMatching(/^Pflichtfeld "arbeitsort" fehlt/)]);
  });

  it('worker threads analyse with the extensions in force', { timeout: 120_000 }, async () => {
    const root = wikiWith();
    const post = readFileSync(join(root, 'docs/fb1/stelle-1-002.md'), 'utf8');
    for (let i = 100; i < 500; i++) writeFileSync(join(root, `docs/fb1/stelle-1-${i}.md`), post.replace(/stelle-1-002/g, `stelle-1-${i}`));
    useWikiExtensions(root, root);
    const { wiki, stats } = await loadWikiAsync(join(root, 'docs'), { cwd: root, cache: false, threads: 2, workersOnly: true });
    expect(stats.workers).toBe(1);
    expect(stats.onWorkers).toBe(stats.files);
    expect(wiki.articles.filter((a) => a.schema?.valid !== true).map((a) => a.file)).toEqual([]);
  });
});

describe('the README example', () => {
  it('is the fixture: both extension files as printed', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Eigene Felder, Abschnitte und Vorlagen'));
    const blocks = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.slice(0, 2)).toEqual(['post', 'process'].map((type) => readFileSync(join(FIXTURE, `erweiterungen/${type}.schema.json`), 'utf8')));
  });
});
