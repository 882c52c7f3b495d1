/**
 * German wording that several outputs share: dates as staff read them, counted nouns.
 * Pure functions without Node imports, so the site's components can use them too.
 */

/** `2026-03-01` → `01.03.2026`. */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** `14:05:09`: the time of day as a German clock shows it (watch output). */
export function germanTime(date: Date): string {
  return date.toLocaleTimeString('de-DE', { hour12: false });
}

/** `1 Fehler`, `2 Warnungen`: the number with the noun in singular or plural. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "in 3 Wochen", "heute", "vor 5 Tagen". */
export function relativeDays(days: number): string {
  if (days === 0) return 'heute';
  if (days === 1) return 'morgen';
  if (days === -1) return 'gestern';
  const abs = Math.abs(days);
  const span = abs < 14 ? counted(abs, 'Tag', 'Tagen') : abs < 63 ? counted(Math.floor(abs / 7), 'Woche', 'Wochen') : counted(Math.floor(abs / 30.44), 'Monat', 'Monaten');
  return days > 0 ? `in ${span}` : `vor ${span}`;
}
