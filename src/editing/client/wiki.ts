import { analyseArticle, type Article } from '../../core/article';
import { articleFromFacts } from '../../core/article-facts';
import { activateSchemaModel, createSchemaModel } from '../../core/schema/model';
import { compareWikiPaths, indexWiki, type Wiki } from '../../core/wiki';
import type { PreviewData } from '../preview-data';

/** The preview data, opened once: the other articles restored, the wiki's schema model in force. */
export interface PreviewIndex {
  data: PreviewData;
  articles: Article[];
}

/** The path of a wiki file as validate shows it (`docs/fb1/a.md`). */
export function shownFile(data: PreviewData, relPath: string): string {
  return data.docs === '' ? relPath : `${data.docs}/${relPath}`;
}

export function openPreviewData(data: PreviewData): PreviewIndex {
  activateSchemaModel(createSchemaModel(undefined, data.local));
  return { data, articles: data.articles.map((facts) => articleFromFacts(shownFile(data, facts.path), facts)) };
}

const encoder = new TextEncoder();

/**
 * The wiki with the edited article in it, analysed from its text exactly as validate reads a
 * file: in place of the file it was loaded from, or where a new file would be listed.
 */
export function wikiWithEntry(index: PreviewIndex, relPath: string, text: string): { wiki: Wiki; article: Article } {
  const article = analyseArticle(shownFile(index.data, relPath), relPath, encoder.encode(text));
  const others = index.articles.filter((a) => a.relPath !== relPath);
  const at = others.findIndex((a) => compareWikiPaths(a.relPath, relPath) > 0);
  const articles = at < 0 ? [...others, article] : [...others.slice(0, at), article, ...others.slice(at)];
  return { wiki: indexWiki(index.data.docs, articles), article };
}
