import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isDocument, parseDocument } from 'yaml';
import { analyseArticle, stringValue } from '../core/article';
import { formatIsoDate, type CalendarDate } from '../core/dates';
import { fileLineOfPointer } from '../core/frontmatter';
import { missingSections } from '../core/required-sections';
import { activeSchemaModel } from '../core/schema/model';
import { ARTICLE_TYPES, isArticleType, type ArticleType, ID_PATTERN } from '../core/schema/schemas';
import { UsageError, type Wiki } from '../core/wiki';
import { toPosix } from '../core/wiki-files';

export const TEMPLATES_DIR = resolve(__dirname, '../../templates');
/** A wiki's own templates, in its root (next to docs/ and erweiterungen/): vorlagen/<type>.md replaces ours. */
export const LOCAL_TEMPLATES_DIR = 'vorlagen';

/** The template of a type: the wiki's own (vorlagen/<type>.md of the wiki in force, src/core/schema/extensions.ts) or ours. */
export function templatePath(type: ArticleType): string {
  const root = activeSchemaModel().root;
  const local = root === undefined ? undefined : join(root, LOCAL_TEMPLATES_DIR, `${type}.md`);
  return local !== undefined && existsSync(local) ? local : join(TEMPLATES_DIR, `${type}.md`);
}

/**
 * A template's text. A wiki's own template is held to what ours are tested for: a valid
 * front matter of its type (with the wiki's own keys) and every required section with
 * content, so a new article has nothing to fix but its `TODO:`s – else a UsageError, file:line.
 */
export function readTemplate(type: ArticleType, path: string = templatePath(type), cwd: string = process.cwd()): string {
  const text = readFileSync(path, 'utf8');
  if (resolve(path).startsWith(join(TEMPLATES_DIR, '/'))) return text;
  const shown = toPosix(relative(cwd, path)) || path;
  const template = analyseArticle(shown, `${LOCAL_TEMPLATES_DIR}/${type}.md`, new TextEncoder().encode(text));
  const fm = template.frontMatter;
  const problems = [...(template.readProblem ? [template.readProblem] : []), ...fm.problems];
  if (fm.data && fm.data.type !== type) problems.push({ line: fileLineOfPointer(fm, '/type'), column: 1, message: `Die Vorlage für ${type} braucht „type: ${type}“.` });
  else if (template.schema?.valid === false) {
    problems.push(...template.schema.issues.map((issue) => ({ line: fileLineOfPointer(fm, issue.pointer), column: 1, message: issue.message })));
  }
  if (problems.length === 0) {
    for (const gap of missingSections(template)) {
      problems.push(gap.empty
        ? { line: gap.empty.line, column: gap.empty.column, message: `Abschnitt „## ${gap.title}“ ist leer: Schreiben Sie einen Hinweis und eine Zeile „TODO: …“ darunter.` }
        : { line: fm.bodyLine, column: 1, message: `Pflichtabschnitt „## ${gap.title}“ fehlt in der Vorlage.` });
    }
  }
  if (problems.length > 0) throw new UsageError(problems.map((p) => `${shown}:${p.line}:${p.column} ${p.message}`).join('\n'));
  return text;
}

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
export function planNewArticle(wiki: Wiki, request: NewArticleRequest, today: CalendarDate, templatesDir?: string): NewArticlePlan {
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

  const template = readTemplate(type, templatesDir === undefined ? undefined : join(templatesDir, `${type}.md`));
  const end = template.indexOf('\n---', 3);
  const doc = parseDocument(template.slice(4, end + 1));
  if (!isDocument(doc) || doc.errors.length > 0) throw new UsageError(`Vorlage ${type}.md ist unlesbar.`);
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

