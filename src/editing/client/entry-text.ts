import { stringify } from 'yaml';

/**
 * The file text of a Decap entry as Decap's front-matter format writes it (yaml's stringify
 * inside `---` lines, then the body), so the preview checks what saving would write.
 * Dates that arrive as Date objects are written as Decap's own YAML tag writes them.
 */
export function entryText(data: Record<string, unknown>): string {
  const { body, ...frontMatter } = data;
  const yaml = stringify(frontMatter, (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value));
  return `---\n${yaml}---\n${typeof body === 'string' ? body : ''}`;
}

/**
 * Where the edited entry lies in the wiki (path relative to the docs folder): its own path below
 * the collection's folder (Decap's entry path is `<folder>/<relPath>`) for a file that exists,
 * else where a new article of its type is created (`<department>/<id>.md`, a department
 * `<id>/index.md`).
 */
export function entryRelPath(entryPath: string | undefined, collectionFolder: string | undefined, data: Record<string, unknown>): string {
  const folder = (collectionFolder ?? '').replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
  const path = (entryPath ?? '').replace(/\\/g, '/');
  if (path !== '' && (folder === '' || path.startsWith(`${folder}/`))) return folder === '' ? path : path.slice(folder.length + 1);
  const id = typeof data.id === 'string' && data.id !== '' ? data.id : 'neu';
  if (data.type === 'department') return `${id}/index.md`;
  return typeof data.department === 'string' && data.department !== '' ? `${data.department}/${id}.md` : `${id}.md`;
}
