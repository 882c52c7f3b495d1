/** Dates of the generated wiki, all relative to one reference date: no clock is read. */
import { germanDate } from '../../core/german';

/** The date the generated wiki is meant to be validated and audited on. */
export const REFERENCE_DATE = '2026-11-28';

const DAY_MS = 86_400_000;
const REF_MS = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);

export function isoDaysFromRef(days: number): string {
  return new Date(REF_MS + days * DAY_MS).toISOString().slice(0, 10);
}

export function germanDaysFromRef(days: number): string {
  return germanDate(isoDaysFromRef(days));
}
