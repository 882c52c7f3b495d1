import { stringValue, type Article } from '../../core/article';
import type { ArticleType } from '../../core/schema/schemas';
import { articleCard, type Card } from '../../plugin/cards/index';
import { createSiteContext } from '../../plugin/cards/context';
import type { EntryCheck } from './findings';

/** The edited article's metadata card, computed as the site computes it; none without a type and an id (as on the site). */
export function entryCard(check: EntryCheck, baseUrl: string): Card | undefined {
  const { article } = check;
  if (article.type === undefined || stringValue(article, 'id') === undefined) return undefined;
  const ctx = createSiteContext(check.wiki, check.validation, check.today, baseUrl);
  return articleCard(article as Article & { type: ArticleType }, ctx);
}
