import { folderOf, typeOf, type Article } from './article';
import type { FrontMatter } from './generated/front-matter';
import { PLACEHOLDER_MARK } from './markdown/placeholders';
import type { SchemaResult } from './schema/validator';

/**
 * What the browser editor knows of an article it does not edit (written by
 * src/editing/preview-data.ts): exactly what the rules and cards read across articles –
 * ids, types, departments and post references for `reference`/`duplicate-id`, and for
 * coverage and the cards the titles, review dates, digital status, `##` sections and
 * placeholders. Plain JSON.
 */
export interface ArticleFacts {
  /** Path relative to the wiki root, `/`-separated. */
  path: string;
  /** The front-matter values other articles' rules and cards read (as coerced by the schema check). */
  data: Record<string, unknown>;
  /** True when the front matter is usable (`hasValidFrontMatter`: schema passed, no yaml or schema finding). */
  usable: boolean;
  /** The body's `##` sections: title and whether it is empty. */
  sections: Array<[title: string, empty: boolean]>;
  /** Where the body has `TODO:` placeholders: line and column in the file. */
  placeholders: Array<[line: number, column: number]>;
}

/**
 * The article these facts describe, for indexWiki, the rules and the cards. What the facts do
 * not carry is neutral: no YAML problems and no schema issues (an unusable article only fails
 * the schema), no task items, placeholder texts reduced to the mark – the article's own
 * findings are not validate's, the findings and cards of the articles around it are.
 */
export function articleFromFacts(file: string, facts: ArticleFacts): Article {
  const { data } = facts;
  const schema: SchemaResult = facts.usable
    ? { valid: true, data: data as unknown as FrontMatter, issues: [] }
    : { valid: false, data: undefined, issues: [] };
  return {
    file,
    relPath: facts.path,
    folder: folderOf(facts.path),
    readProblem: undefined,
    frontMatter: { data, problems: [], keyLines: new Map(), endLine: 1, bodyLine: 1, bodyOffset: 0, body: '' },
    data,
    type: typeOf(data),
    schema,
    markdown: {
      hasContent: true,
      sections: facts.sections.map(([title, empty]) => ({ title, line: 1, column: 1, empty, tasks: [] })),
      placeholders: facts.placeholders.map(([line, column]) => ({ line, column, text: PLACEHOLDER_MARK })),
    },
  };
}
