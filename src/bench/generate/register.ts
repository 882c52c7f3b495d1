/** The HR register of departures (CSV as the HR office exports it: UTF-8 BOM, `;`, CRLF). */
import { germanDaysFromRef } from './dates';
import type { Post } from './organisation';
import type { Random } from './random';
import { REASON_LABELS } from '../../core/generated/labels';

/** Written in German, as HR exports do: the reasons' labels (register.schema.json). */
const REASONS = Object.values(REASON_LABELS);

/** A post's holder leaves `days` after the reference date (negative: already left). */
export interface Departure { post: Post; i: number; days: number; reason: string }

/**
 * N/5 distinct posts, departures spread over 36 months from the reference date (a few
 * already past); `rows` register lines after the header.
 */
export function register(r: Random, posts: Post[], n: number): { departures: Departure[]; csv: string; rows: number } {
  const registerPosts = r.sample(posts, Math.floor(n / 5));
  const departures = registerPosts.map((post, i) => ({ post, i, days: r.int(-30, 1095), reason: r.pick(REASONS) }));
  const csv = registerCsv(departures.map((d) => ({ post: d.post.id, days: d.days, reason: d.reason })));
  return { departures, csv, rows: departures.length };
}

/** Register lines in that format, the holders numbered in order (`Person 0001`, …). */
export function registerCsv(rows: Array<{ post: string; days: number; reason: string }>): string {
  const lines = rows.map((row, i) => `${row.post};Person ${String(i + 1).padStart(4, '0')};${germanDaysFromRef(row.days)};${row.reason}\r\n`);
  return `\uFEFFStelle;Stelleninhaber;Austrittsdatum;Grund\r\n${lines.join('')}`;
}
