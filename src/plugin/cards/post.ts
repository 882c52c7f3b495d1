import { type CheckId, type CheckState } from '../../coverage/coverage';
import { formatIsoDate } from '../../core/dates';
import { gapText } from '../../coverage/texts';
import { stringList, stringValue, type Article } from '../../core/article';
import { isStale, reviewDue } from '../../core/review-dates';
import { type LinkRef, type SiteContext } from './context';

export interface PostCard {
  type: 'post';
  criticality?: string;
  deputies: LinkRef[];
  owns: LinkRef[];
  performs: LinkRef[];
  systems: string[];
  reviewed?: string;
  due?: string;
  stale: boolean;
  coverage: number;
  checks: Record<CheckId, CheckState>;
  gaps: string[];
}

/** A post's card: deputies, the processes it owns and performs (coverage relations), its coverage. */
export function postCard(post: Article, ctx: SiteContext): PostCard {
  const id = stringValue(post, 'id')!;
  const coverage = ctx.coverageOf.get(id)!;
  const due = reviewDue(post);
  return {
    type: 'post',
    criticality: stringValue(post, 'criticality'),
    deputies: ctx.postLinks(stringList(post, 'deputies')),
    owns: (ctx.index.processesByOwner.get(id) ?? []).map(ctx.link),
    performs: (ctx.index.processesByPerformer.get(id) ?? []).map(ctx.link),
    systems: stringList(post, 'systems'),
    reviewed: stringValue(post, 'reviewed'),
    due: due ? formatIsoDate(due) : undefined,
    stale: isStale(post, ctx.today),
    coverage: coverage.coverage,
    checks: coverage.checks,
    gaps: coverage.gaps.map(gapText),
  };
}
