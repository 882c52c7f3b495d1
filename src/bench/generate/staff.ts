/**
 * A full staff export (Personalliste) with birth dates, as issue 19's long view reads it:
 * one row per employee, most rows with only a birth date (the audit computes the statutory
 * retirement date), a few with a departure HR already knows. Fictional throughout.
 */
import { germanDaysFromRef } from './dates';
import type { Post } from './organisation';
import type { Random } from './random';
import { REASON_LABELS } from '../../core/generated/labels';

/** Departures HR knows before they happen, other than retirement. */
const KNOWN_REASONS = [REASON_LABELS.resignation, REASON_LABELS.transfer];
/** Share of employees aged 55 or older on the reference date (municipal staff are old). */
const SHARE_55_PLUS = 0.32;
/** Share of rows with a departure already in the register (resignations, transfers). */
const SHARE_KNOWN_DEPARTURE = 0.08;
/** Share of the extra rows (beyond one per post) on posts that have no article yet. */
const SHARE_UNKNOWN_POST = 0.1;

export const STAFF_HEADER = 'Stelle;Name;Geburtsdatum;Austrittsdatum;Grund';

/**
 * N/2 rows: every post once (shuffled), the rest second holders of a post (part-time
 * shares) or posts not in the wiki. Ages 18–66 on the reference date.
 */
export function staffRegister(r: Random, posts: Post[], n: number): { csv: string; rows: number } {
  const count = Math.floor(n / 2);
  const shuffled = r.sample(posts, posts.length);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const post = i < shuffled.length ? shuffled[i]!.id : r.chance(SHARE_UNKNOWN_POST) ? unknownPost(r, posts, i) : r.pick(posts).id;
    const age = r.chance(SHARE_55_PLUS) ? r.int(55, 66) : r.int(18, 54);
    const birth = germanDaysFromRef(-Math.round(age * 365.25) - r.int(0, 364));
    const known = r.chance(SHARE_KNOWN_DEPARTURE);
    const departure = known ? germanDaysFromRef(r.int(-30, 1095)) : '';
    const reason = known ? r.pick(KNOWN_REASONS) : '';
    lines.push(`${post};Person ${String(i + 1).padStart(5, '0')};${birth};${departure};${reason}`);
  }
  return { csv: `\uFEFF${STAFF_HEADER}\r\n${lines.map((line) => `${line}\r\n`).join('')}`, rows: lines.length };
}

/** A post id in an existing department that no article describes (numbers from 900 up). */
function unknownPost(r: Random, posts: Post[], i: number): string {
  return `stelle-${r.pick(posts).department.number}-${900 + (i % 100)}`;
}
