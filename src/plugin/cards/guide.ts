import { stringValue, type Article } from '../../core/article';
import { isStale } from '../../core/review-dates';
import { type LinkRef, type SiteContext } from './context';

export interface GuideCard {
  type: 'guide';
  owner?: LinkRef;
  reviewed?: string;
  stale: boolean;
}

export function guideCard(guide: Article, ctx: SiteContext): GuideCard {
  return { type: 'guide', owner: ctx.postLink(stringValue(guide, 'owner')), reviewed: stringValue(guide, 'reviewed'), stale: isStale(guide, ctx.today) };
}
