/**
 * The wiki's articles as search documents: title, front-matter metadata, headings and body
 * text come from the loaded wiki (front matter and the one-pass Markdown summary of the
 * core library), so the index never depends on how the page renders them.
 */
import { stringList, stringValue, type Article } from '../core/article';
import { summariseMarkdown } from '../core/markdown/remark';
import { TYPE_LABELS } from '../core/schema/labels';
import { localFields } from '../core/schema/model';
import { type Wiki } from '../core/wiki';
import type { SearchDocument } from './types';

/** Front-matter keys whose values are searchable metadata. */
const KEYWORD_KEYS = ['systems', 'leika', 'legal_basis', 'tags', 'description', 'id', 'post'] as const;

function keywordValues(article: Article): string[] {
  const values: string[] = [];
  for (const key of KEYWORD_KEYS) {
    const value = article.data?.[key];
    if (typeof value === 'string' || typeof value === 'number') values.push(String(value));
    else values.push(...stringList(article, key));
  }
  if (article.type) values.push(TYPE_LABELS[article.type] ?? article.type);
  // The wiki's own keys (erweiterungen/) are metadata like ours: their values, and an enum value's German word.
  for (const [key, field] of article.type ? localFields(article.type) : []) {
    const value = article.data?.[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string' && typeof item !== 'number') continue;
      values.push(String(item));
      const label = field['x-labels']?.[String(item)];
      if (label) values.push(label);
    }
  }
  return values;
}

/**
 * One search document per article that has a page. `permalinkOf` gives the article's URL
 * (with the base URL) or undefined when the site has no page for it.
 */
export function searchDocumentsFromWiki(wiki: Wiki, permalinkOf: (article: Article) => string | undefined): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const article of wiki.articles) {
    const url = permalinkOf(article);
    if (url === undefined || article.readProblem) continue;
    const { headings, text } = summariseMarkdown(article.frontMatter.body, article.frontMatter.bodyLine - 1);
    documents.push({
      url,
      title: stringValue(article, 'title') ?? article.relPath,
      type: article.type ?? '',
      department: stringValue(article, 'department') ?? article.folder ?? '',
      keywords: keywordValues(article),
      headings,
      body: text,
    });
  }
  return documents;
}

/** Department id → title of its department article. */
export function departmentTitles(wiki: Wiki): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const [id, article] of wiki.departments) titles[id] = stringValue(article, 'title') ?? id;
  return titles;
}
