import { stringValue } from '../core/article';
import { type Wiki } from '../core/wiki';

/** What the pages show about the wiki (no personal data: there is none in articles). */
export interface WikiSummary {
  departments: Array<{ id: string; title: string; permalink: string; counts: Record<string, number> }>;
  totals: Record<string, number>;
}

export function summariseWiki(wiki: Wiki, baseUrl: string): WikiSummary {
  const totals: Record<string, number> = {};
  const counts = new Map<string, Record<string, number>>();
  for (const article of wiki.articles) {
    if (!article.type) continue;
    totals[article.type] = (totals[article.type] ?? 0) + 1;
    const department = stringValue(article, 'department');
    if (!department || article.type === 'department') continue;
    const perType = counts.get(department) ?? {};
    perType[article.type] = (perType[article.type] ?? 0) + 1;
    counts.set(department, perType);
  }
  const departments = [...wiki.departments.entries()]
    .map(([id, article]) => ({
      id,
      title: stringValue(article, 'title') ?? id,
      permalink: `${baseUrl}${article.folder ?? id}/`,
      counts: counts.get(id) ?? {},
    }))
    .sort((a, b) => a.id.localeCompare(b.id, 'de', { numeric: true }));
  return { departments, totals };
}
