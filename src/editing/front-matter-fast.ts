import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { isScalar, Schema as YamlSchema, type ScalarTag } from 'yaml';
import { articleParts, YAML_SCHEMA_OPTIONS } from '../core/frontmatter';

/**
 * A fast reading of an article's front matter for the browser editor, which reads every
 * article of the wiki to show one list (Decap filters a collection only after reading its
 * files): the wiki's parser (`yaml`, with the line of every key) takes about 0.5 ms per
 * article, js-yaml a tenth of that – 0.45 s of the time until the list of 1,000 articles shows.
 *
 * Both must give the same values, so js-yaml decides what a value is (text, number, yes/no,
 * null) by the wiki's own rules: the tags of its `yaml` schema (YAML 1.2 core with the digit
 * strings of src/core/frontmatter.ts), in their order. What is left is how a text is written,
 * so only plain `key: value` lines, `- value` items and one-line flow lists are read here;
 * anything else (anchors, tags, block texts, escapes, line-spanning values, YAML errors, …)
 * answers `undefined`, and the caller reads the file with the wiki's parser. Differential test
 * against parseFrontMatter in test/front-matter-fast.test.ts.
 */

type Data = Record<string, unknown>;

/** Lines both read alike: blank or comment, `key:` / `key: value`, `- value`. */
const SIMPLE_LINE =
  /^(?: *(?:#.*)?| *[A-Za-z_][A-Za-z0-9_-]*:(?: +\S.*)?| *- +\S.*)$/;
/** Characters of YAML beyond those lines: tabs, anchors and aliases, tags, block texts, escapes, flow mappings, directives, reserved, complex keys. */
const BEYOND = /[\t&*!|>\\{}%@`]|^ *\?/m;

type TestedTag = ScalarTag & { test: RegExp };

/**
 * The wiki's implicit scalar tags as js-yaml types, in the wiki's order. js-yaml keeps one
 * type per tag name, so the variants of one tag (three ways to write an int) become one
 * type that tries them in order – the same precedence, as the variants stand together.
 */
function wikiTypes(): Array<{ tag: string; type: Type }> {
  const tested = new YamlSchema(YAML_SCHEMA_OPTIONS).tags.filter((tag): tag is TestedTag => 'test' in tag && tag.test instanceof RegExp);
  const groups: TestedTag[][] = [];
  for (const tag of tested) {
    const last = groups.at(-1);
    if (last?.[0]!.tag === tag.tag) last.push(tag);
    else if (groups.some((group) => group[0]!.tag === tag.tag)) throw new Error(`front-matter-fast: ${tag.tag} appears twice, apart`);
    else groups.push([tag]);
  }
  return groups.map((variants) => ({
    tag: variants[0]!.tag,
    type: new Type(variants[0]!.tag, {
      kind: 'scalar',
      resolve: (text: string) => variants.some((tag) => tag.test.test(text)),
      construct: (text: string) => {
        // Some resolve to a node that remembers how the number was written: its value.
        const value: unknown = variants.find((tag) => tag.test.test(text))!.resolve(text, () => undefined, {});
        return isScalar(value) ? value.value : value;
      },
    }),
  }));
}

const TYPES = wikiTypes();
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: TYPES.map(({ type }) => type) });
const TEXT_TAG = 'tag:yaml.org,2002:str';

/** A key the wiki reads as a name: no rule but the text one takes it (`null:` is no name). */
const isName = (key: string) => key !== '__proto__' && (TYPES.find(({ type }) => type.resolve(key))?.tag ?? TEXT_TAG) === TEXT_TAG;

/** Plain data only: texts, finite numbers, yes/no, null, lists and mappings of them. */
function plain(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (Array.isArray(value)) return value.every(plain);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).every(([key, sub]) => isName(key) && plain(sub));
  }
  return false;
}

/** The front matter's fields and the body of an already normalised text, or undefined when only the wiki's parser may read it. */
export function readFrontMatterFast(text: string): { data: Data; body: string } | undefined {
  const parts = articleParts(text);
  if (parts.yamlText === undefined || parts.yamlText.trim() === '') return undefined;
  const yamlText = parts.yamlText;
  if (BEYOND.test(yamlText) || !yamlText.split('\n').every((line) => SIMPLE_LINE.test(line))) return undefined;
  let data: unknown;
  try {
    data = load(yamlText, { schema: SCHEMA });
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !plain(data)) return undefined;
  return { data: data as Data, body: parts.body };
}
