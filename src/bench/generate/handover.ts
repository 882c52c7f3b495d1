/** Handover articles: open cases, a checklist ticked according to the status, access rights, contacts. */
import type { ArticleContext } from './context';
import { isoDaysFromRef } from './dates';
import type { Post } from './organisation';
import type { Departure } from './register';
import { link, render } from './text';
import { CONTACTS, PROCESS_OBJECTS, SYSTEMS, TOPICS } from './words';
import { requiredSections } from '../../core/schema/model';

/** The type's required sections (x-sections), in the schema's order. */
const REQUIRED = requiredSections('handover');

/**
 * `count` handovers: to the register posts leaving soonest, then to others. About a quarter
 * of the leavers have no handover yet: a gap the audit must report.
 */
export function handoverArticles(ctx: ArticleContext, posts: Post[], departures: Departure[], count: number): void {
  const { r, review, target, files } = ctx;
  const leaving = [...departures].sort((a, b) => a.days - b.days || a.i - b.i);
  const inRegister = new Set(departures.map((d) => d.post));
  const handoverPosts = [...leaving.filter(() => r.chance(0.75)).map((d) => d.post), ...posts.filter((p) => !inRegister.has(p))].slice(0, count);
  const daysOf = new Map(departures.map((d) => [d.post.id, d.days]));
  for (const post of handoverPosts) {
    const id = `uebergabe-${post.id}`;
    const path = `${post.department.id}/${id}.md`;
    const head = post.department.posts[0]!;
    const status = r.pick(['planned', 'in-progress', 'in-progress', 'done'] as const);
    const items = ['Offene Vorgänge besprochen', 'Fristen und Termine übergeben', 'Zugänge beantragt und übertragen', 'Ablage und Akten gezeigt', 'Ansprechpartner vorgestellt', 'Parallelphase durchgeführt', 'Schlüssel übergeben'];
    const ticked = (i: number) => status === 'done' ? (r.chance(0.9) || i > 0) : status === 'in-progress' ? r.chance(0.5) : false;
    const fm = [
      `id: ${id}`, 'type: handover', `title: Übergabe ${post.title}`, `department: ${post.department.id}`,
      `owner: ${head === post ? post.department.posts[1]!.id : head.id}`, `post: ${post.id}`, `status: ${status}`,
      `due: ${isoDaysFromRef(daysOf.get(post.id) ?? r.int(30, 365))}`, ...review(path), 'tags: [Übergabe]',
    ];
    const sections: Array<[string, string[]]> = [
      [REQUIRED[0]!, [['| Vorgang | Stand | Weiter mit |', '|---|---|---|', ...Array.from({ length: r.int(2, 5) }, () => `| ${r.pick(PROCESS_OBJECTS)[1]} ${r.pick(TOPICS)} | ${r.pick(['in Bearbeitung', 'wartet auf Unterlagen', 'Entwurf liegt vor', 'Anhörung läuft'])} | ${r.pick(post.department.posts).id} |`)].join('\n')]],
      [REQUIRED[1]!, [items.map((item, i) => `- [${ticked(i) ? 'x' : ' '}] ${item}`).join('\n')]],
      [REQUIRED[2]!, [['| System | Rolle | Hinweis |', '|---|---|---|', ...r.sample(SYSTEMS, r.int(2, 4)).map((s) => `| ${s} | ${r.pick(['Sachbearbeitung', 'Lesen', 'Freigabe'])} | ${r.pick(['über das Ticketsystem beantragen', 'Vorlauf vier Wochen', 'Standardrolle'])} |`)].join('\n')]],
      [REQUIRED[3]!, [[...r.sample(CONTACTS, r.int(2, 4)).map((c) => `- ${c}`), `- ${link(`${head.title} (${head.id})`, head.id)}`].join('\n')]],
    ];
    files.set(path, render(r, fm, `Die Stelle ${link(post.id, post.id)} wird frei; diese Übergabe sichert ihr Wissen.`, sections, target()));
  }
}
