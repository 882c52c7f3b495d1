import type { CheckId, Gap } from './coverage';
import { counted, germanDate, relativeDays } from '../core/german';
import { TYPE_LABELS } from '../core/schema/labels';

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
  handover: TYPE_LABELS.handover!,
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

export function gapText(gap: Gap): string {
  switch (gap.check) {
    case 'profile':
      return gap.kind === 'missing'
        ? 'Kein Stellenprofil im Wiki'
        : `Stellenprofil fehlerhaft (${counted(gap.problems, 'Fehler', 'Fehler')} in den Angaben, siehe „npm run validate“)`;
    case 'sections': {
      const parts: string[] = [];
      if (gap.sections.length > 0) parts.push(`${gap.sections.length === 1 ? 'Abschnitt' : 'Abschnitte'} ${gap.sections.map((s) => `„${s}“`).join(', ')} ${gap.sections.length === 1 ? 'fehlt oder ist leer' : 'fehlen oder sind leer'}`);
      if (gap.placeholders > 0) parts.push(`${counted(gap.placeholders, 'Platzhalter', 'Platzhalter')} (TODO:) offen`);
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
        : `Übergabe nicht abgeschlossen (${counted(gap.open, 'Punkt', 'Punkte')} offen) — ${when}`;
    }
  }
}
