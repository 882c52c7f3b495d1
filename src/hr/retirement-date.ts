import { addMonths, daysInMonth, type CalendarDate } from '../core/dates';

/**
 * The statutory retirement age (Regelaltersgrenze) in months, by birth year:
 * § 235 SGB VI, the same transition table as § 31 LBG NRW (knowledge-model.md §6).
 */
export function retirementAgeMonths(birthYear: number): number {
  if (birthYear < 1947) return 65 * 12;
  if (birthYear <= 1958) return 65 * 12 + (birthYear - 1946); // 1947 → +1 … 1958 → 66
  if (birthYear <= 1963) return 66 * 12 + 2 * (birthYear - 1958); // 1959 → +2 … 1963 → +10
  return 67 * 12;
}

/**
 * The day on which a person born on `birth` completes `months` of age: the birthday counts
 * as the first day (§ 187 (2) BGB), so the age is reached at the end of the day before the
 * anniversary (§ 188 (2)); where the final month has no such day, on its last day (§ 188 (3)).
 */
export function ageReachedOn(birth: CalendarDate, months: number): CalendarDate {
  const anniversary = addMonths(birth, months); // clamps to the month's last day
  if (anniversary.day < birth.day) return anniversary; // § 188 (3)
  if (anniversary.day > 1) return { ...anniversary, day: anniversary.day - 1 };
  const previous = addMonths(anniversary, -1);
  return { ...previous, day: daysInMonth(previous.year, previous.month) };
}

/**
 * The departure for a row that has only a birth date: the last day of the month in which
 * the Regelaltersgrenze is reached (born 1960-03-01 → 2026-06-30, 1960-03-02 → 2026-07-31).
 */
export function statutoryRetirementDate(birth: CalendarDate): CalendarDate {
  const reached = ageReachedOn(birth, retirementAgeMonths(birth.year));
  return { ...reached, day: daysInMonth(reached.year, reached.month) };
}
