/** Post articles: duties with links to the processes the post owns, deputies, contacts, deadlines, systems. */
import type { ArticleContext } from './context';
import { areaTag, type Post } from './organisation';
import type { OwnedProcess } from './process';
import { bulletList, link, list, paragraph, render } from './text';
import { CONTACTS, SYSTEMS } from './words';
import { requiredSections } from '../../core/schema/model';

/** The type's required sections (x-sections), in the schema's order. */
const REQUIRED = requiredSections('post');

const DEADLINES = [
  ['15. Januar', 'Jahresstatistik an das Landesamt'], ['31. März', 'Verwendungsnachweise der Zuwendungsempfänger'],
  ['30. Juni', 'Halbjahresbericht an den Ausschuss'], ['15. September', 'Anmeldung der Haushaltsansätze'],
  ['monatlich', 'Abgleich der offenen Posten'], ['wöchentlich', 'Durchsicht der Wiedervorlagen'],
  ['2 Wochen', 'Eingangsbestätigung nach Antragseingang'], ['1 Monat', 'Widerspruchsfrist nach Bekanntgabe'],
  ['3 Monate', 'Entscheidungsfrist nach Vollständigkeit'], ['31. Dezember', 'Jahresabschluss der Vorgänge'],
] as const;
const CRITICALITY = ['high', 'medium', 'low'] as const;

/** One article per post; about 15 % have no deputy yet (a gap the audit reports). */
export function postArticles(ctx: ArticleContext, posts: Post[], owned: Map<string, OwnedProcess[]>): void {
  const { r, review, target, files } = ctx;
  for (const post of posts) {
    const path = `${post.department.id}/${post.id}.md`;
    const colleagues = post.department.posts.filter((p) => p !== post);
    const deputies = r.chance(0.15) ? [] : r.sample(colleagues, r.int(1, 2));
    const systems = r.sample(SYSTEMS, r.int(1, 4));
    const fm = [
      `id: ${post.id}`, 'type: post', `title: ${post.title}`, `department: ${post.department.id}`, `owner: ${post.id}`,
      ...review(path), `criticality: ${r.pick(CRITICALITY)}`, `deputies: ${list(deputies.map((p) => p.id))}`,
      `systems: ${list(systems)}`, `tags: ${list([areaTag(post.department)])}`,
    ];
    const processes = owned.get(post.id) ?? [];
    const deadlines = r.sample(DEADLINES, r.int(3, 5));
    const sections: Array<[string, string[]]> = [
      [REQUIRED[0]!, [[...processes.map((p) => `- ${link(p.title, p.id)}`), ...bulletList(r, 2, 4).split('\n')].join('\n')]],
      [REQUIRED[1]!, [deputies.length > 0
        ? `Vertretung durch ${deputies.map((p) => link(`${p.title} (${p.id})`, p.id)).join(' und ')}. ${paragraph(r, 1, 2)}`
        : `Eine Vertretung ist noch nicht geregelt. ${paragraph(r, 1, 2)}`]],
      [REQUIRED[2]!, [r.sample(CONTACTS, r.int(3, 5)).map((c) => `- ${c}`).join('\n')]],
      [REQUIRED[3]!, [['| Frist | Inhalt |', '|---|---|', ...deadlines.map(([when, what]) => `| ${when} | ${what} |`)].join('\n')]],
      [REQUIRED[4]!, [systems.map((s) => `- ${s}: ${r.pick(['Vollzugriff', 'Lesezugriff', 'Sachbearbeitung', 'Administration'])}`).join('\n')]],
      [REQUIRED[5]!, [paragraph(r, 2, 3)]],
    ];
    files.set(path, render(r, fm, undefined, sections, target()));
  }
}
