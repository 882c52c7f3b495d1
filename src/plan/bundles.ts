import { compareDates, type CalendarDate } from '../core/dates';
import { BUNDLE_PATTERN } from '../core/schema/labels';


/** 1 January–30 June (H1) or 1 July–31 December (H2) of the bundle's year; undefined for no bundle. */
export function bundleSpan(bundle: string): { start: CalendarDate; end: CalendarDate } | undefined {
  const m = BUNDLE_PATTERN.exec(bundle);
  if (!m) return undefined;
  const year = Number(m[1]);
  return m[2] === '1'
    ? { start: { year, month: 1, day: 1 }, end: { year, month: 6, day: 30 } }
    : { start: { year, month: 7, day: 1 }, end: { year, month: 12, day: 31 } };
}

/** True when the bundle's last day lies before the check date (a bundle ending on that day has not ended). */
export function bundleEnded(bundle: string, today: CalendarDate): boolean {
  const span = bundleSpan(bundle);
  return span !== undefined && compareDates(span.end, today) < 0;
}

/** The bundle whose half-year contains the date. */
export function bundleOf(date: CalendarDate): string {
  return `${date.year}-H${date.month <= 6 ? 1 : 2}`;
}

/** The half-year after a bundle. */
export function nextBundle(bundle: string): string {
  const m = BUNDLE_PATTERN.exec(bundle);
  if (!m) throw new Error(`kein Digitalbündel: ${bundle}`);
  return m[2] === '1' ? `${m[1]}-H2` : `${Number(m[1]) + 1}-H1`;
}

/** Every half-year from `first` to `last`, both included (empty when `last` is earlier). */
export function bundleRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let b = first; b <= last; b = nextBundle(b)) out.push(b);
  return out;
}
