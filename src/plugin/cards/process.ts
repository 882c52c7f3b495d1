import { stringList, stringValue, type Article } from '../../core/article';
import { isStale } from '../../core/review-dates';
import { digitalOf, type LinkRef, type SiteContext } from './context';
import type { ProcessProblem } from '../../plan/plan';

export interface ProcessCard {
  type: 'process';
  owner?: LinkRef;
  performers: LinkRef[];
  frequency?: string;
  leika?: string;
  legalBasis: string[];
  systems: string[];
  digital?: { status: string; bundle?: string; effort?: number; problems: ProcessProblem[] };
  reviewed?: string;
  stale: boolean;
}

export function processCard(process: Article, ctx: SiteContext): ProcessCard {
  const { status, bundle } = digitalOf(process);
  const planned = ctx.planProcesses.get(process.file);
  return {
    type: 'process',
    owner: ctx.postLink(stringValue(process, 'owner')),
    performers: ctx.postLinks(stringList(process, 'performers')),
    frequency: stringValue(process, 'frequency'),
    leika: stringValue(process, 'leika'),
    legalBasis: stringList(process, 'legal_basis'),
    systems: stringList(process, 'systems'),
    digital: status !== undefined ? { status, bundle, effort: planned?.effort ?? undefined, problems: planned?.problems ?? [] } : undefined,
    reviewed: stringValue(process, 'reviewed'),
    stale: isStale(process, ctx.today),
  };
}
