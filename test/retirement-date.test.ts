import { describe, expect, it } from 'vitest';
import { ageReachedOn, retirementAgeMonths, statutoryRetirementDate } from '../src/hr/retirement-date';
import { formatIsoDate, parseIsoDate } from '../src/core/dates';

const d = (iso: string) => parseIsoDate(iso)!;
const retires = (birth: string) => formatIsoDate(statutoryRetirementDate(d(birth)));

describe('Regelaltersgrenze (§ 235 SGB VI)', () => {
  it('follows the transition table by birth year', () => {
    const years = [1900, 1946, 1947, 1948, 1952, 1957, 1958, 1959, 1960, 1961, 1962, 1963, 1964, 1990];
    const asYearsAndMonths = years.map((y) => {
      const m = retirementAgeMonths(y);
      return [y, Math.floor(m / 12), m % 12];
    });
    expect(asYearsAndMonths).toEqual([
      [1900, 65, 0], [1946, 65, 0], [1947, 65, 1], [1948, 65, 2], [1952, 65, 6], [1957, 65, 11], [1958, 66, 0],
      [1959, 66, 2], [1960, 66, 4], [1961, 66, 6], [1962, 66, 8], [1963, 66, 10], [1964, 67, 0], [1990, 67, 0],
    ]);
  });
});

describe('statutory retirement date (knowledge-model.md §6)', () => {
  it.each([
    ['1960-03-01', '2026-06-30'],
    ['1960-03-02', '2026-07-31'],
    ['1963-01-01', '2029-10-31'],
    ['1964-05-15', '2031-05-31'],
  ])('contract example: born %s → %s', (birth, departure) => {
    expect(retires(birth)).toBe(departure);
  });

  it.each([
    ['1946-12-31', '2011-12-31', 'before 1947: 65 years'],
    ['1946-01-01', '2010-12-31', 'before 1947, born on the 1st: the month before'],
    ['1947-01-01', '2012-01-31', '1947: 65 + 1 month, 1st → previous month'],
    ['1947-06-15', '2012-07-31', '1947: 65 + 1 month'],
    ['1958-07-01', '2024-06-30', '1958: 66 years, born on the 1st'],
    ['1958-07-02', '2024-07-31', '1958: 66 years'],
    ['1959-12-31', '2026-02-28', '66 + 2 months ends in February: § 188 (3)'],
    ['1962-05-01', '2028-12-31', 'born on the 1st, across the turn of the year'],
    ['1963-12-31', '2030-10-31', '66 + 10 months'],
    ['1964-01-01', '2030-12-31', '1964: 67 years, born on the 1st of January'],
    ['1960-02-29', '2026-06-30', '29 February, final month has a 29th'],
    ['1964-02-29', '2031-02-28', '29 February, final February has no 29th'],
    ['1964-03-01', '2031-02-28', '1 March: the day before is the end of February'],
    ['1968-03-01', '2035-02-28', '1 March, non-leap final year'],
    ['1969-03-01', '2036-02-29', '1 March, leap final year'],
  ])('born %s → %s (%s)', (birth, departure) => {
    expect(retires(birth)).toBe(departure);
  });
});

describe('age reached (§ 187 (2), § 188 (2), (3) BGB)', () => {
  it('is reached at the end of the day before the birthday', () => {
    expect(formatIsoDate(ageReachedOn(d('1964-05-15'), 67 * 12))).toBe('2031-05-14');
    expect(formatIsoDate(ageReachedOn(d('1964-05-01'), 67 * 12))).toBe('2031-04-30');
    expect(formatIsoDate(ageReachedOn(d('1962-01-01'), 12))).toBe('1962-12-31');
  });

  it('on the last day of the final month when it lacks the birthday (§ 188 (3))', () => {
    expect(formatIsoDate(ageReachedOn(d('1964-02-29'), 67 * 12))).toBe('2031-02-28');
    expect(formatIsoDate(ageReachedOn(d('1961-08-31'), 66 * 12 + 6))).toBe('2028-02-29');
    expect(formatIsoDate(ageReachedOn(d('1961-08-31'), 66 * 12 + 7))).toBe('2028-03-30');
    expect(formatIsoDate(ageReachedOn(d('1960-01-31'), 66 * 12 + 3))).toBe('2026-04-30');
  });
});
