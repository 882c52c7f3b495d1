import { stringValue, type Article } from './article';
import { addMonths, compareDates, parseIsoDate, type CalendarDate } from './dates';
import { DEFAULT_REVIEW_MONTHS } from './schema/schemas';

/** The date by which an article must be reviewed again, if its dates are usable. */
export function reviewDue(article: Article): CalendarDate | undefined {
  const reviewed = parseIsoDate(stringValue(article, 'reviewed') ?? '');
  const months = article.data?.review_months ?? DEFAULT_REVIEW_MONTHS;
  if (!reviewed || typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > 60) return undefined;
  return addMonths(reviewed, months);
}

/** True when `reviewed` + `review_months` lies before `today`. */
export function isStale(article: Article, today: CalendarDate): boolean {
  const due = reviewDue(article);
  return due !== undefined && compareDates(due, today) < 0;
}
