/** German display labels for the contract's enum values (site cards, dashboards, exports). */
export const CRITICALITY_LABELS: Record<string, string> = { high: 'hoch', medium: 'mittel', low: 'niedrig' };

export const FREQUENCY_LABELS: Record<string, string> = {
  daily: 'täglich',
  weekly: 'wöchentlich',
  monthly: 'monatlich',
  quarterly: 'vierteljährlich',
  yearly: 'jährlich',
  'on-demand': 'bei Bedarf',
};

export const DIGITAL_STATUS_LABELS: Record<string, string> = {
  analog: 'analog',
  partial: 'teilweise digital',
  digital: 'digital',
  online: 'online',
};

export const HANDOVER_STATUS_LABELS: Record<string, string> = {
  planned: 'geplant',
  'in-progress': 'läuft',
  done: 'abgeschlossen',
};

export const TYPE_LABELS: Record<string, string> = {
  department: 'Fachbereich',
  post: 'Stelle',
  process: 'Prozess',
  handover: 'Übergabe',
  guide: 'Anleitung',
};

/** `2027-H1` → `1. Halbjahr 2027`. */
export function bundleLabel(bundle: string): string {
  const m = /^(\d{4})-H([12])$/.exec(bundle);
  return m ? `${m[2]}. Halbjahr ${m[1]}` : bundle;
}
