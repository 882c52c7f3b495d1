/** Building blocks of article text: sentences, lists, links, front-matter lists, and the article renderer. */
import type { Random } from './random';

const SUBJECTS = [
  'Die Sachbearbeitung', 'Die Stelle', 'Das Sachgebiet', 'Die Fachbereichsleitung', 'Die Vertretung', 'Das Team',
  'Die zuständige Fachkraft', 'Die Servicestelle', 'Die Registratur', 'Die Kasse',
];
const VERBS = [
  'prüft', 'erfasst', 'bearbeitet', 'dokumentiert', 'bewertet', 'koordiniert', 'überwacht', 'ergänzt', 'versendet', 'archiviert',
  'bestätigt', 'berechnet', 'klärt', 'meldet', 'bündelt',
];
const OBJECTS = [
  'den Antrag', 'die Unterlagen', 'den Vorgang', 'die Stellungnahme', 'den Bescheid', 'die Rechnung', 'die Frist', 'den Zahlungseingang',
  'die Ratsvorlage', 'die Nachforderung', 'die Statistik', 'die Akte', 'den Entwurf', 'die Anhörung', 'die Gebühr', 'die Rückfrage',
];
const ADVERBIALS = [
  'im Fachverfahren', 'in der e-Akte', 'nach dem Vier-Augen-Prinzip', 'innerhalb von zwei Wochen', 'vor Ablauf der Frist',
  'in Abstimmung mit der Kämmerei', 'nach Rücksprache mit dem Rechtsamt', 'zum Monatsende', 'am Quartalsende',
  'gemäß Dienstanweisung', 'mit dem Serienbrief aus dem Fachverfahren', 'unter Beachtung des Datenschutzes',
  'für die Wiedervorlage', 'vollständig und nachvollziehbar', 'im Beteiligungsverfahren',
];
const CLAUSES = [
  'damit die Bearbeitung auch im Vertretungsfall nachvollziehbar bleibt',
  'weil sonst die gesetzliche Frist verstreicht',
  'sodass Bürgerinnen und Bürger eine verlässliche Auskunft erhalten',
  'bevor der Vorgang an die Fachbereichsleitung geht',
  'wobei Rückfragen telefonisch oder per E-Mail geklärt werden',
  'damit der Haushalt die Mittel rechtzeitig bereitstellt',
  'falls Unterlagen fehlen oder unleserlich sind',
  'soweit keine Sonderregelung der Satzung greift',
];

export function sentence(r: Random): string {
  const base = `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(ADVERBIALS)}`;
  return r.chance(0.45) ? `${base}, ${r.pick(CLAUSES)}.` : `${base}.`;
}

export function paragraph(r: Random, min = 3, max = 5): string {
  return Array.from({ length: r.int(min, max) }, () => sentence(r)).join(' ');
}

export function bulletList(r: Random, min = 3, max = 6): string {
  return Array.from({ length: r.int(min, max) }, () => `- ${sentence(r)}`).join('\n');
}

export function numberedList(r: Random, min = 4, max = 7): string {
  return Array.from({ length: r.int(min, max) }, (_, i) => `${i + 1}. ${sentence(r)}`).join('\n');
}

export function link(title: string, id: string): string {
  return `[${title}](./${id}.md)`;
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Renders front matter + sections; pads random sections with paragraphs until the
 * article reaches `target` bytes, so sizes follow the chosen distribution.
 */
export function render(r: Random, frontMatter: string[], intro: string | undefined, sections: Array<[string, string[]]>, target: number): string {
  const head = `---\n${frontMatter.join('\n')}\n---\n\n${intro ? `${intro}\n\n` : ''}`;
  const assemble = () => head + sections.map(([title, blocks]) => `## ${title}\n\n${blocks.join('\n\n')}\n`).join('\n');
  let text = assemble();
  let size = byteLength(text);
  while (size < target) {
    const extra = r.chance(0.3) ? bulletList(r, 2, 4) : paragraph(r);
    r.pick(sections)[1].push(extra);
    size += byteLength(extra) + 2;
  }
  text = assemble();
  return text;
}

export const list = (items: readonly string[]) => `[${items.join(', ')}]`;
export const quotedList = (items: readonly string[]) => `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
