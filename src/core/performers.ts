import { validFrontMatter, type Article } from './article';
import type { Wiki } from './wiki';

/**
 * Whether a process with valid front matter names, among its `performers`, an existing post
 * other than its owner: the coverage check `processes` and the plan's `knowledge-at-risk` (§8).
 */
export function performedByAnother(wiki: Wiki, process: Article): boolean {
  const data = validFrontMatter(process, 'process');
  return data !== undefined && data.performers.some((d) => d !== data.owner && wiki.posts.has(d));
}
