/** Guide articles: preparation, steps, common mistakes. */
import type { ArticleContext } from './context';
import type { Department } from './organisation';
import { bulletList, list, numberedList, paragraph, render } from './text';

const GUIDE_SUBJECTS = [
  ['e-akte', 'Ablage in der e-Akte'], ['posteingang', 'Posteingang und Verteilung'], ['kassenabschluss', 'Kassenabschluss am Monatsende'],
  ['fristenkontrolle', 'Fristenkontrolle im Fachverfahren'], ['vertretung', 'Vertretung im Urlaub organisieren'],
  ['serienbrief', 'Serienbriefe aus dem Fachverfahren'], ['barrierefreiheit', 'Barrierefreie Dokumente erstellen'],
  ['datenschutz', 'Datenschutz im Bürgerkontakt'], ['telefonnotiz', 'Telefonnotizen und Rückrufe'], ['rechnungslauf', 'Rechnungslauf vorbereiten'],
  ['sitzungsdienst', 'Sitzungsdienst für Ausschüsse'], ['zeiterfassung', 'Zeiterfassung korrigieren'],
] as const;

/** `count` guides in random departments. */
export function guideArticles(ctx: ArticleContext, departments: Department[], count: number): void {
  const { r, review, target, files } = ctx;
  for (let i = 0; i < count; i++) {
    const department = r.pick(departments);
    const [slug, title] = r.pick(GUIDE_SUBJECTS);
    const id = `anleitung-${slug}-${i + 1}`;
    const path = `${department.id}/${id}.md`;
    const fm = [
      `id: ${id}`, 'type: guide', `title: ${title}`, `department: ${department.id}`, `owner: ${r.pick(department.posts).id}`,
      ...review(path), 'tags: [Anleitung]',
    ];
    const sections: Array<[string, string[]]> = [
      ['Vorbereitung', [bulletList(r, 2, 4)]],
      ['Schritt für Schritt', [numberedList(r)]],
      ['Häufige Fehler', [paragraph(r)]],
    ];
    files.set(path, render(r, fm, paragraph(r, 1, 2), sections, target()));
  }
}
