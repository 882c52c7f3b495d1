/**
 * Calendar dates as the contract writes them (`YYYY-MM-DD`), without time zones:
 * a date is a plain {year, month, day} triple so that no clock or zone can shift it.
 */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

function checked(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Parses `YYYY-MM-DD`; returns undefined for anything else or an impossible date. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(text.trim());
  return m ? checked(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** Parses `YYYY-MM-DD` or German `DD.MM.YYYY`. */
export function parseDate(text: string): CalendarDate | undefined {
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const m = GERMAN_DATE.exec(text.trim());
  return m ? checked(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function formatGermanDate(d: CalendarDate): string {
  return `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${String(d.year).padStart(4, '0')}`;
}

/**
 * The same day N calendar months later; when that month is shorter the day is
 * clamped to its last day (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Today in the local time zone of the machine (a town hall's clock). */
export function localToday(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
