import { stringValue, type Article } from '../../core/article';
import { type ArticleType } from '../../core/schema/schemas';
import { type SiteContext } from './context';
import { departmentCard, type DepartmentCard } from './department';
import { guideCard, type GuideCard } from './guide';
import { handoverCard, type HandoverCard } from './handover';
import { localValues, type LocalValue } from './local';
import { postCard, type PostCard } from './post';
import { processCard, type ProcessCard } from './process';

/** A card of its type; `local`: the wiki's own keys (erweiterungen/), only when the article has some. */
export type Card = (PostCard | ProcessCard | HandoverCard | DepartmentCard | GuideCard) & { local?: LocalValue[] };

/** One card builder per article type. */
const CARD_OF: Record<ArticleType, (article: Article, ctx: SiteContext) => Card> = {
  department: departmentCard,
  post: postCard,
  process: processCard,
  handover: handoverCard,
  guide: guideCard,
};

/** The metadata card of one usable article (with a type and an id): the site's, and the editor preview's. */
export function articleCard(article: Article & { type: ArticleType }, ctx: SiteContext): Card {
  const card: Card = CARD_OF[article.type](article, ctx);
  const local = localValues(article);
  if (local.length > 0) card.local = local;
  return card;
}

/** The metadata card of every usable article, by article id. */
export function buildCards(ctx: SiteContext): Record<string, Card> {
  const cards: Record<string, Card> = {};
  for (const article of ctx.usable) cards[stringValue(article, 'id')!] = articleCard(article as Article & { type: ArticleType }, ctx);
  return cards;
}
