import { describe, expect, it } from 'vitest';
import {
  addMonths,
  compareDates,
  daysInMonth,
  formatGermanDate,
  formatIsoDate,
  localToday,
  parseDate,
  parseIsoDate,
  type CalendarDate,
} from '../src/core/dates';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });
const iso = (text: string) => {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`test date ${text} does not parse`);
  return date;
};

describe('parseIsoDate', () => {
  it('parses YYYY-MM-DD into a plain triple', () => {
    expect(parseIsoDate('2026-06-01')).toEqual(d(2026, 6, 1));
    expect(parseIsoDate('2026-12-31')).toEqual(d(2026, 12, 31));
    expect(parseIsoDate(' 2026-06-01 ')).toEqual(d(2026, 6, 1));
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseIsoDate('2028-02-29')).toEqual(d(2028, 2, 29));
    expect(parseIsoDate('2000-02-29')).toEqual(d(2000, 2, 29));
    expect(parseIsoDate('2027-02-29')).toBeUndefined();
    expect(parseIsoDate('2100-02-29')).toBeUndefined();
  });

  it.each([
    '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-06-00', '2026-13-45',
    '2026-6-1', '26-06-01', '2026/06/01', '2026-06-01T00:00', '01.06.2026', 'gestern', '', '２０２６-06-01',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});

describe('parseDate (ISO or German)', () => {
  it('parses both formats to the same date', () => {
    expect(parseDate('2026-06-01')).toEqual(d(2026, 6, 1));
    expect(parseDate('01.06.2026')).toEqual(d(2026, 6, 1));
    expect(parseDate('1.6.2026')).toEqual(d(2026, 6, 1));
  });

  it('checks German dates for impossible days', () => {
    expect(parseDate('29.02.2028')).toEqual(d(2028, 2, 29));
    expect(parseDate('31.02.2027')).toBeUndefined();
    expect(parseDate('29.02.2027')).toBeUndefined();
    expect(parseDate('31.04.2027')).toBeUndefined();
    expect(parseDate('01.13.2027')).toBeUndefined();
    expect(parseDate('00.01.2027')).toBeUndefined();
  });

  it('rejects other shapes', () => {
    for (const text of ['2026-02-30', '01.06.26', '01/06/2026', '1. Juni 2026', '001.06.2026', '01.06.2026.']) {
      expect(parseDate(text)).toBeUndefined();
    }
  });
});

describe('daysInMonth', () => {
  it('knows month lengths and leap years', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2027, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('agrees with the Date object for every month from 1800 to 2400 (the table is the fast path)', () => {
    for (let year = 1800; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month), `${year}-${month}`).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
    }
  });
});

describe('addMonths', () => {
  it('keeps the day when the target month has it', () => {
    expect(addMonths(d(2026, 6, 1), 12)).toEqual(d(2027, 6, 1));
    expect(addMonths(d(2026, 1, 15), 1)).toEqual(d(2026, 2, 15));
    expect(addMonths(d(2026, 11, 28), 0)).toEqual(d(2026, 11, 28));
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addMonths(d(2027, 1, 31), 1)).toEqual(d(2027, 2, 28));
    expect(addMonths(d(2028, 1, 31), 1)).toEqual(d(2028, 2, 29));
    expect(addMonths(d(2026, 3, 31), 1)).toEqual(d(2026, 4, 30));
    expect(addMonths(d(2026, 8, 31), 6)).toEqual(d(2027, 2, 28));
  });

  it('29 February + 12 months is 28 February; + 48 months is 29 February again', () => {
    expect(addMonths(d(2028, 2, 29), 12)).toEqual(d(2029, 2, 28));
    expect(addMonths(d(2028, 2, 29), 48)).toEqual(d(2032, 2, 29));
  });

  it('crosses year ends forwards', () => {
    expect(addMonths(d(2026, 12, 15), 1)).toEqual(d(2027, 1, 15));
    expect(addMonths(d(2026, 11, 30), 3)).toEqual(d(2027, 2, 28));
    expect(addMonths(d(2026, 6, 1), 60)).toEqual(d(2031, 6, 1));
  });

  it('goes backwards across years with negative months', () => {
    expect(addMonths(d(2027, 1, 15), -1)).toEqual(d(2026, 12, 15));
    expect(addMonths(d(2027, 3, 31), -1)).toEqual(d(2027, 2, 28));
    expect(addMonths(d(2028, 3, 31), -1)).toEqual(d(2028, 2, 29));
    expect(addMonths(d(2027, 2, 15), -14)).toEqual(d(2025, 12, 15));
    expect(addMonths(d(2026, 6, 1), -24)).toEqual(d(2024, 6, 1));
    expect(addMonths(d(2026, 1, 1), -13)).toEqual(d(2024, 12, 1));
  });

  it('does not change its argument', () => {
    const start = d(2027, 1, 31);
    addMonths(start, 1);
    expect(start).toEqual(d(2027, 1, 31));
  });
});

describe('compareDates', () => {
  it('orders by year, then month, then day', () => {
    expect(compareDates(iso('2026-06-01'), iso('2026-06-01'))).toBe(0);
    expect(compareDates(iso('2026-06-01'), iso('2026-06-02'))).toBeLessThan(0);
    expect(compareDates(iso('2026-07-01'), iso('2026-06-30'))).toBeGreaterThan(0);
    expect(compareDates(iso('2025-12-31'), iso('2026-01-01'))).toBeLessThan(0);
    expect(compareDates(iso('2027-01-01'), iso('2026-12-31'))).toBeGreaterThan(0);
  });

  it('sorts dates chronologically', () => {
    const sorted = ['2027-01-31', '2026-12-01', '2026-02-28', '2026-11-30'].map(iso).sort(compareDates).map(formatIsoDate);
    expect(sorted).toEqual(['2026-02-28', '2026-11-30', '2026-12-01', '2027-01-31']);
  });
});

describe('formatting', () => {
  it('formats German dates with leading zeros', () => {
    expect(formatGermanDate(d(2026, 6, 1))).toBe('01.06.2026');
    expect(formatGermanDate(d(2028, 12, 31))).toBe('31.12.2028');
  });

  it('formats ISO dates with leading zeros', () => {
    expect(formatIsoDate(d(2026, 6, 1))).toBe('2026-06-01');
    expect(formatIsoDate(d(987, 1, 2))).toBe('0987-01-02');
  });

  it('round-trips through both parsers', () => {
    for (const text of ['2026-06-01', '2028-02-29', '2030-12-31']) {
      const date = iso(text);
      expect(formatIsoDate(date)).toBe(text);
      expect(parseDate(formatGermanDate(date))).toEqual(date);
    }
  });
});

describe('localToday', () => {
  it('takes the calendar day of the local clock', () => {
    expect(localToday(new Date(2026, 10, 28, 23, 59))).toEqual(d(2026, 11, 28));
    expect(localToday(new Date(2027, 0, 1, 0, 0))).toEqual(d(2027, 1, 1));
  });
});
