/** Department articles: the department's duties and a table of its posts. */
import type { ArticleContext } from './context';
import { areaTag, type Department } from './organisation';
import { bulletList, link, list, paragraph, render } from './text';
import { requiredSections } from '../../core/schema/model';
import { isoDaysFromRef } from './dates';

/** The type's required sections (x-sections), in the schema's order. */
const REQUIRED = requiredSections('department');

/** One index article per department folder. */
export function departmentArticles(ctx: ArticleContext, departments: Department[]): void {
  const { r, review, target, files } = ctx;
  for (const department of departments) {
    const path = `${department.id}/index.md`;
    const fm = [
      `id: ${department.id}`, 'type: department', `title: ${department.title}`, `department: ${department.id}`,
      `owner: ${department.posts[0]!.id}`, ...review(path), `description: ${JSON.stringify(`Aufgaben und Stellen des ${department.title}.`)}`,
      `tags: ${list([areaTag(department)])}`,
      // The plan's keys (§8): most departments know their capacity; a DigiCheck up to four years back, so some are due.
      ...(r.chance(0.9) ? [`digital_capacity: ${r.int(10, 60)}`] : []),
      ...(r.chance(0.8) ? [`digicheck: ${isoDaysFromRef(-r.int(0, 4 * 365))}`] : []),
    ];
    const sections: Array<[string, string[]]> = [
      [REQUIRED[0]!, [paragraph(r), bulletList(r)]],
      ['Organisation', [['| Stelle | Bezeichnung |', '|---|---|', ...department.posts.map((p) => `| ${link(p.id, p.id)} | ${p.title} |`)].join('\n')]],
    ];
    files.set(path, render(r, fm, paragraph(r, 1, 2), sections, target()));
  }
}
