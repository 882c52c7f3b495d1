import { parseIsoDate } from '../knowledge/dates';

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

const MONTHS_PER: Record<string, number> = {
  month: 1, months: 1, monat: 1, monate: 1, monaten: 1,
  year: 12, years: 12, jahr: 12, jahre: 12, jahren: 12,
};

/** `6 months`, `1 year`, `12 Monate` → months; undefined for anything else. */
export function parseReviewInterval(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+)\s*([a-zäöü]+)?\s*$/i.exec(value);
  if (!match) return undefined;
  const factor = match[2] === undefined ? 1 : MONTHS_PER[match[2].toLowerCase()];
  return factor === undefined ? undefined : Number(match[1]) * factor;
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
        const months = parseReviewInterval(value);
        if (months !== undefined && months >= 1 && months <= 60) result.reviewMonths = months;
        else result.notes.push(`„${key}: ${String(value)}“ ist kein Intervall von 1 bis 60 Monaten – Vorgabe der Vorlage.`);
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
