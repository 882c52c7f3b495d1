/** Process articles: owner, performers, legal basis, digital status, a Mermaid flowchart now and then. */
import type { ArticleContext } from './context';
import type { Department } from './organisation';
import type { Random } from './random';
import { bulletList, list, numberedList, paragraph, quotedList, render } from './text';
import { PROCESS_OBJECTS, SYSTEMS } from './words';
import { requiredSections } from '../../core/schema/model';

/** The type's required sections (x-sections), in the schema's order. */
const REQUIRED = requiredSections('process');

const PROCESS_VERBS = [
  ['bearbeiten', 'bearbeiten'], ['pruefen', 'prüfen'], ['bescheiden', 'bescheiden'], ['erteilen', 'erteilen'],
  ['erstellen', 'erstellen'], ['abschliessen', 'abschließen'], ['bewilligen', 'bewilligen'], ['vorbereiten', 'vorbereiten'],
] as const;
const LAWS = [
  'Verwaltungsverfahrensgesetz (VwVfG)', 'Gemeindeordnung', 'Gewerbeordnung (GewO)', 'Bundesmeldegesetz (BMG)', 'Baugesetzbuch (BauGB)',
  'Landesbauordnung', 'Kommunalabgabengesetz', 'Abgabenordnung (AO)', 'Wohngeldgesetz (WoGG)', 'Sozialgesetzbuch VIII',
  'Straßen- und Wegegesetz des Landes', 'Straßenverkehrs-Ordnung (StVO)', 'Gemeindehaushaltsverordnung', 'Vergabeverordnung (VgV)',
  'Unterschwellenvergabeordnung (UVgO)', 'Datenschutz-Grundverordnung (DSGVO)', 'Onlinezugangsgesetz (OZG)', 'Bestattungsgesetz des Landes',
  'Hundesteuersatzung', 'Gebührensatzung', 'Dienstanweisung Zahlungsverkehr', 'Allgemeine Geschäftsanweisung',
];
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'on-demand'] as const;
const DIGITAL = ['analog', 'partial', 'digital', 'online'] as const;

function flowchart(r: Random, object: string): string {
  const steps = r.sample(['Eingang erfassen', 'Vollständigkeit prüfen', 'Stellungnahmen einholen', 'Entscheidung vorbereiten', 'Bescheid erstellen', 'Zahlung überwachen', 'Akte abschließen'], r.int(3, 5));
  const lines = ['```mermaid', 'flowchart TD', `  A[${object} geht ein] --> B{Vollständig?}`, '  B -- nein --> C[Unterlagen nachfordern]', '  C --> B'];
  let prev = 'B';
  steps.forEach((step, i) => {
    const node = `S${i}`;
    lines.push(`  ${prev}${prev === 'B' ? ' -- ja' : ''} --> ${node}[${step}]`);
    prev = node;
  });
  lines.push('```');
  return lines.join('\n');
}

/** A process id and title, for the owner's post article to link to. */
export interface OwnedProcess { id: string; title: string }

/** `count` process articles, written before the posts so these can link to what they own. Returns post id → its processes. */
export function processArticles(ctx: ArticleContext, departments: Department[], count: number): Map<string, OwnedProcess[]> {
  const { r, review, target, files } = ctx;
  const owned = new Map<string, OwnedProcess[]>();
  for (let i = 0; i < count; i++) {
    const department = r.pick(departments);
    // Leave some posts without processes: owners come from the first 80 % of the department.
    const owners = department.posts.slice(0, Math.max(1, Math.ceil(department.posts.length * 0.8)));
    const owner = r.pick(owners);
    const [objSlug, objTitle] = r.pick(PROCESS_OBJECTS);
    const [verbSlug, verbTitle] = r.pick(PROCESS_VERBS);
    const id = `${objSlug}-${verbSlug}-${i + 1}`;
    const title = `${objTitle} ${verbTitle}`;
    const path = `${department.id}/${id}.md`;
    const others = department.posts.filter((p) => p !== owner);
    const performers = r.chance(0.15) ? [] : r.sample(others, r.int(1, 2)).map((p) => p.id);
    const digital = r.pick(DIGITAL);
    const laws = r.sample(LAWS, r.int(1, 3));
    const fm = [
      `id: ${id}`, 'type: process', `title: ${title}`, `department: ${department.id}`, `owner: ${owner.id}`,
      `performers: ${list(performers)}`, `frequency: ${r.pick(FREQUENCIES)}`,
      ...(r.chance(0.6) ? [`leika: 99${String(r.int(0, 999_999)).padStart(6, '0')}${String(r.int(0, 999_999)).padStart(6, '0')}`] : []),
      `legal_basis: ${quotedList(laws)}`, `systems: ${list(r.sample(SYSTEMS, r.int(1, 3)))}`,
      'digital:', `  status: ${digital}`, ...(digital !== 'online' && r.chance(0.5) ? [`  bundle: ${r.int(2026, 2029)}-H${r.int(1, 2)}`] : []),
      // The plan's effort (§8) for most processes, so that some bundles exceed their department's capacity.
      ...(r.chance(0.85) ? [`  effort: ${r.int(2, 30)}`] : []),
      ...review(path), `tags: ${list([objTitle.replace(/[^A-Za-zÄÖÜäöüß]/g, '')])}`,
    ];
    const sections: Array<[string, string[]]> = [
      [REQUIRED[0]!, [paragraph(r)]],
      [REQUIRED[1]!, [...(r.chance(0.3) ? [flowchart(r, objTitle)] : []), numberedList(r)]],
      [REQUIRED[2]!, [laws.map((law) => `- ${law}`).join('\n'), paragraph(r, 1, 2)]],
      [REQUIRED[3]!, [bulletList(r, 2, 4)]],
    ];
    files.set(path, render(r, fm, undefined, sections, target()));
    owned.set(owner.id, [...(owned.get(owner.id) ?? []), { id, title }]);
  }
  return owned;
}
