import { type CalendarDate } from '../core/dates';
import { type ValidationResult } from '../validate/validate';
import { type Wiki } from '../core/wiki';
import { buildCards, type Card } from './cards';
import { createSiteContext } from './cards/context';
import { coverageDashboard, type CoverageDashboardData } from './dashboards/coverage';
import { digitalPlan, type DigitalPlanData } from './dashboards/digital';

export type { Card } from './cards';
export type { LinkRef } from './cards/context';
export type { LocalValue } from './cards/local';
export type { DepartmentCard } from './cards/department';
export type { GuideCard } from './cards/guide';
export type { HandoverCard } from './cards/handover';
export type { PostCard } from './cards/post';
export type { ProcessCard } from './cards/process';
export type { CoverageDashboardData } from './dashboards/coverage';
export type { DigitalPlanData } from './dashboards/digital';

/**
 * Everything the site shows besides the Markdown itself, derived once from the
 * loaded and validated wiki: metadata cards per article and the two dashboards.
 * No register is read here, so nothing about people or departures can appear.
 */
export interface SiteData {
  cards: Record<string, Card>;
  coverage: CoverageDashboardData;
  digital: DigitalPlanData;
}

export function buildSiteData(wiki: Wiki, validation: ValidationResult, today: CalendarDate, baseUrl: string): SiteData {
  const ctx = createSiteContext(wiki, validation, today, baseUrl);
  return { cards: buildCards(ctx), coverage: coverageDashboard(ctx), digital: digitalPlan(ctx) };
}
