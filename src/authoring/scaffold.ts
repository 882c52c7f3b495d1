import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDocument, parseDocument } from 'yaml';
import { stringValue } from '../core/article';
import { formatIsoDate, type CalendarDate } from '../core/dates';
import { ARTICLE_TYPES, isArticleType, type ArticleType, ID_PATTERN } from '../core/schema/schemas';
import { UsageError, type Wiki } from '../core/wiki';

export const TEMPLATES_DIR = resolve(__dirname, '../../templates');

export interface NewArticleRequest {
  type: string;
  id: string;
  department: string;
  title?: string;
  owner?: string;
  post?: string;
  /** `reviewed` (YYYY-MM-DD) instead of today, e.g. kept from an imported page. */
  reviewed?: string;
  /** `review_months` instead of the template's. */
  reviewMonths?: number;
  tags?: string[];
  /** Sub-folder below the department folder, `/`-separated (an imported tree). */
  folder?: string;
}

export interface NewArticlePlan {
  /** Path relative to the wiki root, `/`-separated. */
  relPath: string;
  /** The whole file: front matter and the template's body. */
  content: string;
  /** The front matter including both `---` lines and the line break after them. */
  frontMatter: string;
}

/** Where an article lives, relative to the wiki root: `<department>/[<folder>/]<id>.md`, a department as `<id>/index.md`. */
export function articlePath(type: ArticleType, department: string, id: string, folder = ''): string {
  if (type === 'department') return `${id}/index.md`;
  const sub = folder.replace(/^\/+|\/+$/g, '');
  return `${department}/${sub ? `${sub}/` : ''}${id}.md`;
}

/**
 * Fills a template for a new article: the given keys, `reviewed` = today, the owner
 * defaulting to the post itself (post) or to the department's head (other types).
 * Refuses (UsageError, nothing written) on an unknown type, department, owner or post,
 * an invalid id, or an id that exists anywhere in the wiki.
 */
export function planNewArticle(wiki: Wiki, request: NewArticleRequest, today: CalendarDate, templatesDir = TEMPLATES_DIR): NewArticlePlan {
  const { type, id } = request;
  if (!isArticleType(type)) throw new UsageError(`Unbekannter Artikeltyp „${type}“ – erlaubt: ${ARTICLE_TYPES.join(', ')}.`);
  if (!ID_PATTERN.test(id)) throw new UsageError(`Kennung „${id}“ ist ungültig: nur Kleinbuchstaben, Ziffern und einzelne Bindestriche, z. B. stelle-32-009.`);
  const existing = wiki.byId.get(id);
  if (existing) throw new UsageError(`Kennung „${id}“ gibt es schon: ${existing.map((a) => a.file).join(', ')}.`);

  const departments = [...wiki.departments.keys()];
  let department = request.department;
  if (type === 'department') {
    if (department && department !== id) throw new UsageError(`Ein neuer Fachbereich ist sein eigener Fachbereich: --department weglassen oder „${id}“ angeben.`);
    department = id;
  } else if (!wiki.departments.has(department)) {
    throw new UsageError(`Fachbereich „${department}“ gibt es nicht. Vorhanden: ${departments.join(', ') || '(keine – zuerst einen Fachbereich anlegen)'}.`);
  }

  const postsHere = [...wiki.posts.entries()].filter(([, a]) => stringValue(a, 'department') === department).map(([p]) => p);
  const requirePost = (value: string, flag: string) => {
    if (!wiki.posts.has(value)) throw new UsageError(`${flag} „${value}“: Diese Stelle gibt es nicht.${postsHere.length ? ` Stellen im Fachbereich: ${postsHere.join(', ')}.` : ''}`);
  };
  const head = type === 'department' ? undefined : stringValue(wiki.departments.get(department)!, 'owner');
  let owner: string;
  if (type === 'post') owner = id;
  else if (request.owner) owner = request.owner;
  else if (head) owner = head;
  else throw new UsageError(type === 'department'
    ? '--owner fehlt: die Kennung der Leitungsstelle des neuen Fachbereichs (danach mit „npm run new -- post“ anlegen).'
    : '--owner fehlt: die Stelle, die den Artikel aktuell hält.');
  // A new department's head post can only be created after the department itself.
  if (type === 'department') {
    if (!ID_PATTERN.test(owner)) throw new UsageError(`--owner „${owner}“ ist keine gültige Stellenkennung.`);
  } else if (type !== 'post') requirePost(owner, '--owner');
  if (type === 'handover') {
    if (!request.post) throw new UsageError('--post fehlt: die Stelle, deren Wissen übergeben wird.');
    requirePost(request.post, '--post');
  }

  const template = readFileSync(join(templatesDir, `${type}.md`), 'utf8');
  const end = template.indexOf('\n---', 3);
  const doc = parseDocument(template.slice(4, end + 1));
  if (!isDocument(doc) || doc.errors.length > 0) throw new UsageError(`Vorlage templates/${type}.md ist unlesbar.`);
  doc.set('id', id);
  doc.set('department', department);
  doc.set('owner', owner);
  doc.set('reviewed', request.reviewed ?? formatIsoDate(today));
  if (request.reviewMonths !== undefined) doc.set('review_months', request.reviewMonths);
  if (request.tags) doc.set('tags', request.tags);
  if (request.title) doc.set('title', request.title);
  if (type === 'handover') doc.set('post', request.post);
  const body = template.slice(end + 4);
  const frontMatter = `---\n${doc.toString({ lineWidth: 0 })}---\n`;
  const relPath = articlePath(type, department, id, request.folder);
  return { relPath, content: `${frontMatter}${body.replace(/^\n/, '')}`, frontMatter };
}

