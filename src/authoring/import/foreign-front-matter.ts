import { parseIsoDate } from '../../core/dates';

export interface ForeignFrontMatter {
  title?: string;
  reviewed?: string;
  reviewMonths?: number;
  tags?: string[];
  /** Keys the contract has no place for, e.g. GOV.UK's `owner_slack`, `weight`. */
  dropped: string[];
  /** Values that were recognised but unusable, in German. */
  notes: string[];
}

/**
 * Units of a review interval, in months. The tech-docs gem reads `review_in` with
 * ChronicDuration, so days and weeks occur (`191 days`); they are counted with the average
 * Gregorian month of 365.25 / 12 = 30.4375 days and rounded up to whole months.
 */
const DAYS_PER_MONTH = 365.25 / 12;
const MONTHS_PER_UNIT: [RegExp, number][] = [
  [/^(?:d|days?|tage?n?)$/, 1 / DAYS_PER_MONTH],
  [/^(?:w|wks?|weeks?|wochen?)$/, 7 / DAYS_PER_MONTH],
  [/^(?:mos?|months?|monate?n?)$/, 1],
  [/^(?:y|yrs?|years?|jahre?n?)$/, 12],
];
const monthsPerUnit = (unit: string) => MONTHS_PER_UNIT.find(([pattern]) => pattern.test(unit.toLowerCase()))?.[1];

export interface ReviewInterval {
  months: number;
  /** The value was not in whole months (days, weeks, fractions) and was rounded up. */
  converted: boolean;
}

/**
 * `6 months`, `1 year`, `12 Monate`, `191 days` (→ 7), `2 weeks` (→ 1), `1 year 6 months`
 * → whole months, rounded up; a bare number means months. Undefined for anything else.
 */
export function readReviewInterval(value: unknown): ReviewInterval | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? { months: value, converted: false } : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parts = value.trim().split(/\s*(?:,|\band\b|\bund\b)\s*|\s+(?=\d)/i).filter(Boolean);
  let months = 0;
  let whole = true;
  for (const part of parts) {
    const match = /^(\d+(?:[.,]\d+)?)\s*([a-zäöü]+)?$/i.exec(part);
    if (!match) return undefined;
    const factor = match[2] === undefined ? (parts.length === 1 ? 1 : undefined) : monthsPerUnit(match[2]);
    if (factor === undefined) return undefined;
    const amount = Number(match[1]!.replace(',', '.')) * factor;
    whole &&= Number.isInteger(amount);
    months += amount;
  }
  // 1e-9: 30.4375 days × n must give n months, not n + 1 from a rounding error
  return { months: Math.ceil(months - 1e-9), converted: !whole };
}

/** `6 months`, `1 year`, `12 Monate`, `191 days` → months (see readReviewInterval); undefined for anything else. */
export function parseReviewInterval(value: unknown): number | undefined {
  return readReviewInterval(value)?.months;
}

/**
 * Maps the front matter of another docs-as-code wiki onto the contract. GOV.UK tech
 * docs: `title`, `last_reviewed_on` → `reviewed`, `review_in: 6 months` →
 * `review_months: 6`. `tags` stay; the keys the import sets itself (id, type,
 * department, owner) and every key the contract does not know are dropped and listed.
 */
export function mapForeignFrontMatter(data: Record<string, unknown>): ForeignFrontMatter {
  const result: ForeignFrontMatter = { dropped: [], notes: [] };
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case 'title':
        if (typeof value === 'string' && value.trim()) result.title = value.trim();
        else result.notes.push('„title“ ist leer – Titel aus dem Dateinamen.');
        break;
      case 'last_reviewed_on':
      case 'reviewed':
        if (typeof value === 'string' && parseIsoDate(value)) result.reviewed = value;
        else result.notes.push(`„${key}: ${String(value)}“ ist kein Datum JJJJ-MM-TT – „reviewed“ ist heute.`);
        break;
      case 'review_in':
      case 'review_months': {
        const interval = readReviewInterval(value);
        const months = interval?.months;
        if (months !== undefined && months >= 1 && months <= 60) {
          result.reviewMonths = months;
          if (interval!.converted) result.notes.push(`„${key}: ${String(value)}“ → review_months: ${months} (auf ganze Monate aufgerundet, ein Monat = 30,4375 Tage)`);
        } else result.notes.push(`„${key}: ${String(value)}“ ist kein Intervall von 1 bis 60 Monaten – Vorgabe der Vorlage.`);
        break;
      }
      case 'tags':
        if (Array.isArray(value) && value.every((t) => typeof t === 'string' || typeof t === 'number')) result.tags = value.map(String);
        else result.dropped.push(key);
        break;
      default:
        result.dropped.push(key);
    }
  }
  return result;
}
