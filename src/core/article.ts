import { parseFrontMatter, normaliseText, type FrontMatter, type YamlProblem } from './frontmatter';
import { parseFrontMatterFast } from './front-matter-fast';
import { summariseMarkdown, type BodyFacts } from './markdown/remark';
import { scanBody } from './markdown/fast/scanner';
import { translateSchemaError } from './schema/messages';
import { isArticleType, type ArticleType } from './schema/schemas';
import { validateFrontMatter, type SchemaResult } from './schema/validator';
import type { FrontMatterByType } from './generated/front-matter';

/** One Markdown file of the wiki, read and parsed exactly once. */
export interface Article {
  /** Path as shown to the user (relative to the working directory, `/`-separated). */
  file: string;
  /** Path relative to the wiki root, `/`-separated. */
  relPath: string;
  /** The department folder (first folder under the root), if any. */
  folder: string | undefined;
  /** Why the file could not be read as text, if so. */
  readProblem: YamlProblem | undefined;
  frontMatter: FrontMatter;
  /** Raw front matter values (coerced where the schema allows), even when invalid. */
  data: Record<string, unknown> | undefined;
  /** The article type when `type` names a known one. */
  type: ArticleType | undefined;
  /** Schema outcome; undefined when there is no usable front matter. */
  schema: SchemaResult | undefined;
  /**
   * Facts from the Markdown body (sections, tasks, placeholders); undefined when the body was
   * not analysed (a load without cache for commands that read only some types' bodies, see
   * `LoadOptions.bodies`). `bodyOf` gives them to code that needs them.
   */
  markdown: BodyFacts | undefined;
}

const EMPTY_MARKDOWN: BodyFacts = { hasContent: false, sections: [], placeholders: [] };
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 text; undefined for binary or non-UTF-8 content. */
function decode(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The department folder of a wiki-relative path: its first folder, if any. */
export function folderOf(relPath: string): string | undefined {
  const parts = relPath.split('/');
  return parts.length > 1 ? parts[0] : undefined;
}

/** The article type that front matter names, when it is a known one. */
export function typeOf(data: Record<string, unknown> | undefined): ArticleType | undefined {
  return data && isArticleType(data.type) ? data.type : undefined;
}

/**
 * Analyses one file. `bodies`: the article types whose Markdown body is analysed (default:
 * every type); the others get `markdown: undefined`, which saves a quarter of the work.
 */
export function analyseArticle(file: string, relPath: string, bytes: Uint8Array, bodies?: readonly ArticleType[]): Article {
  const folder = folderOf(relPath);
  const text = decode(bytes);
  if (text === undefined) {
    const readProblem = {
      line: 1,
      column: 1,
      message: 'Datei ist keine Textdatei in UTF-8 (Binärdaten oder andere Zeichenkodierung): Speichern Sie den Artikel als UTF-8-Markdown oder entfernen Sie ihn aus dem Wiki-Ordner.',
    };
    return {
      file, relPath, folder, readProblem, data: undefined, type: undefined, schema: undefined, markdown: EMPTY_MARKDOWN,
      frontMatter: { data: undefined, problems: [], keyLines: new Map(), endLine: 1, bodyLine: 1, bodyOffset: 0, body: '' },
    };
  }
  const normalised = normaliseText(text);
  // The exact parser where the fast reading declines (differential test: test/front-matter-fast.test.ts).
  const frontMatter = parseFrontMatterFast(normalised) ?? parseFrontMatter(normalised);
  const data = frontMatter.data;
  const schema = data ? validateFrontMatter(data, translateSchemaError) : undefined;
  const type = typeOf(data);
  const markdown = bodies === undefined || (type !== undefined && bodies.includes(type)) ? bodyFacts(frontMatter.body, frontMatter.bodyLine - 1) : undefined;
  return { file, relPath, folder, readProblem: undefined, frontMatter, data, type, schema, markdown };
}

/** The article without its body text (what is cached and what validate keeps in memory). */
export function withoutBody(article: Article): Article {
  return { ...article, frontMatter: { ...article.frontMatter, body: '' } };
}

/** The body facts of an article whose body was analysed (an error otherwise: a load that left out a type some code reads). */
export function bodyOf(article: Article): BodyFacts {
  if (article.markdown === undefined) throw new Error(`${article.file}: Markdown-Inhalt nicht ausgewertet (Laden ohne diesen Artikeltyp)`);
  return article.markdown;
}

/** The facts of a body: from the lean scanner where it is exact, else from remark. */
function bodyFacts(body: string, lineOffset: number): BodyFacts {
  const lean = scanBody(body, lineOffset);
  if (lean) return lean;
  const { hasContent, sections, placeholders } = summariseMarkdown(body, lineOffset);
  return { hasContent, sections, placeholders };
}

/** The article's string value of a key, or undefined. */
export function stringValue(article: Article, key: string): string | undefined {
  const value = article.data?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The article's list of strings of a key (non-strings dropped), or []. */
export function stringList(article: Article, key: string): string[] {
  const value = article.data?.[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The front matter as its schema types it (src/core/generated/front-matter.ts), when the
 * article is of `type` and its schema accepted it; otherwise undefined. Readers of valid
 * front matter use this instead of stringValue/stringList and casts.
 */
export function validFrontMatter<T extends ArticleType>(article: Article, type: T): FrontMatterByType[T] | undefined {
  return article.type === type && article.schema?.valid === true ? (article.data as unknown as FrontMatterByType[T]) : undefined;
}
