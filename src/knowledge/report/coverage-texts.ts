import type { CheckId, Gap } from '../coverage';
import type { Reason } from '../register';

/**
 * The one place where coverage results become German for HR and staff.
 * Pure functions without Node imports, so the site's components can use them too.
 */
export const CHECK_LABELS: Record<CheckId, string> = {
  profile: 'Stellenprofil',
  sections: 'Abschnitte vollständig',
  deputies: 'Vertretung benannt',
  processes: 'Prozesse abgesichert',
  freshness: 'Aktuell überprüft',
  handover: 'Übergabe',
};

/** Short words for a failed check (table and CSV cells). */
export const MISSING_LABELS: Record<CheckId, string> = {
  profile: 'Stellenprofil fehlt',
  sections: 'Profil unvollständig',
  deputies: 'keine Vertretung',
  processes: 'Prozesse nicht abgesichert',
  freshness: 'Überprüfung überfällig',
  handover: 'Übergabe offen',
};

export const REASON_LABELS: Record<Reason, string> = {
  retirement: 'Ruhestand',
  resignation: 'Kündigung',
  transfer: 'Versetzung',
  'parental-leave': 'Elternzeit',
  'fixed-term': 'Befristung',
  other: 'Sonstiges',
};

export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "in 3 Wochen", "heute", "vor 5 Tagen". */
export function relativeDays(days: number): string {
  if (days === 0) return 'heute';
  if (days === 1) return 'morgen';
  if (days === -1) return 'gestern';
  const abs = Math.abs(days);
  const span = abs < 14 ? count(abs, 'Tag', 'Tagen') : abs < 63 ? count(Math.floor(abs / 7), 'Woche', 'Wochen') : count(Math.floor(abs / 30.44), 'Monat', 'Monaten');
  return days > 0 ? `in ${span}` : `vor ${span}`;
}

export function gapText(gap: Gap): string {
  switch (gap.check) {
    case 'profile':
      return gap.kind === 'missing'
        ? 'Kein Stellenprofil im Wiki'
        : `Stellenprofil fehlerhaft (${count(gap.problems, 'Fehler', 'Fehler')} in den Angaben, siehe „npm run validate“)`;
    case 'sections': {
      const parts: string[] = [];
      if (gap.sections.length > 0) parts.push(`${gap.sections.length === 1 ? 'Abschnitt' : 'Abschnitte'} ${gap.sections.map((s) => `„${s}“`).join(', ')} ${gap.sections.length === 1 ? 'fehlt oder ist leer' : 'fehlen oder sind leer'}`);
      if (gap.placeholders > 0) parts.push(`${count(gap.placeholders, 'Platzhalter', 'Platzhalter')} (TODO:) offen`);
      return `Stellenprofil unvollständig: ${parts.join('; ')}`;
    }
    case 'deputies':
      return 'Keine Vertretung benannt';
    case 'processes':
      return gap.kind === 'none'
        ? 'Keinen Prozess dokumentiert, den die Stelle verantwortet'
        : `Prozess ${gap.process.title} kann nur von dieser Stelle ausgeführt werden`;
    case 'freshness':
      return `Überprüfung überfällig: ${gap.article.title} (fällig seit ${germanDate(gap.due)})`;
    case 'handover': {
      const when = gap.daysLeft < 0 ? `Austritt war ${relativeDays(gap.daysLeft)}` : `Austritt ${relativeDays(gap.daysLeft)}`;
      return gap.kind === 'missing'
        ? `Übergabeprotokoll fehlt — ${when}`
        : `Übergabe nicht abgeschlossen (${count(gap.open, 'Punkt', 'Punkte')} offen) — ${when}`;
    }
  }
}
