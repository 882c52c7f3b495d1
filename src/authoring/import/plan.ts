import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { analyseArticle } from '../../core/article';
import type { CalendarDate } from '../../core/dates';
import { articlePath, planNewArticle } from '../scaffold';
import type { ArticleType } from '../../core/schema/schemas';
import { validateWiki } from '../../validate/validate';
import { indexWiki, UsageError, type Wiki } from '../../core/wiki';
import { listFiles, toPosix } from '../../core/wiki-files';
import type { Root } from 'mdast';
import { ImportError } from './errors';
import { rewriteLinks, siteRoot, type LinkContext } from './links';
import { htmlToMdast, mdastToMarkdown } from './mdast';
import { finishWordArticle, takeFootnotes } from './word-article';
import { arrangeSections, type SectionMapping } from './sections';
import { slugify, idFromPath, titleFromPath } from './slug';
import { docxToHtml } from './sources/docx';
import { readMarkdownSource } from './sources/markdown';

/** Article types an import can produce. */
export const IMPORT_TYPES = ['post', 'process', 'guide'] as const satisfies readonly ArticleType[];
export type ImportType = (typeof IMPORT_TYPES)[number];

export interface ImportOptions {
  /** A `.docx` or `.md` file, or a folder of them. */
  source: string;
  /** Article type; default `guide` (a page of another wiki is a how-to). */
  type: ImportType;
  department: string;
  id?: string;
  owner?: string;
  title?: string;
  /** Wiki root, as given (paths in the report start with it). */
  docs: string;
  /** Static folder of the site; Word images go to `<static>/img/<id>/`. */
  staticDir: string;
  today: CalendarDate;
}

export interface FileReport {
  source: string;
  target: string;
  id: string;
  title: string;
  mapped: SectionMapping[];
  added: string[];
  dropped: string[];
  images: string[];
  /** Links fixed, links removed, ERB, conversion remarks: what a clerk should know, in German. */
  notes: string[];
  /** `TODO:` placeholders left for the clerk (validation in memory). */
  placeholders: number;
  /** Findings other than placeholders and warnings: should never happen, shown if they do. */
  problems: string[];
}

export interface PlannedWrite {
  path: string;
  content: string | Uint8Array;
}

export interface ImportPlan {
  type: ImportType;
  writes: PlannedWrite[];
  files: FileReport[];
  /** Files in a source folder that are neither .docx nor .md, nor copied as an image or linked file. */
  skipped: string[];
}

const SUPPORTED = new Set(['.docx', '.md', '.markdown']);
const IGNORED = /^[._~]|^node_modules$/; // hidden files, Word's lock files (~$…)

const isSupported = (path: string) => SUPPORTED.has(extname(path).toLowerCase());

function unsupported(path: string): ImportError {
  const ext = extname(path).toLowerCase();
  if (ext === '.doc') return new ImportError(`${path}: Das alte Word-Format .doc wird nicht unterstützt – bitte in Word als .docx speichern.`);
  return new ImportError(`${path}: Dateityp „${ext || '(ohne Endung)'}“ wird nicht unterstützt – erwartet .docx, .md oder einen Ordner.`);
}

interface Source {
  path: string;
  id: string;
  /** Sub-folder below the department, `/`-separated ('' for none). */
  folder: string;
  relPath: string;
}

/** Ids for a folder of pages: from the file names; a clash inside the import takes folder names as prefix. */
function assignIds(files: string[], root: string | undefined, options: ImportOptions): Source[] {
  const taken = new Set<string>();
  return files.map((path) => {
    const dirs = root ? toPosix(relative(root, resolve(path, '..'))).split('/').filter((d) => d && d !== '.') : [];
    const folder = dirs.map(slugify).filter(Boolean).join('/');
    let id = options.id ?? idFromPath(path);
    if (!id) throw new UsageError(`${path}: Aus dem Dateinamen lässt sich keine Kennung bilden – bitte --id angeben.`);
    const prefixes = [...dirs].reverse().map(slugify).filter(Boolean);
    for (let i = 0; taken.has(id) && i < prefixes.length; i += 1) id = `${prefixes[i]}-${id}`;
    for (let n = 2; taken.has(id); n += 1) id = `${id.replace(/-\d+$/, '')}-${n}`;
    taken.add(id);
    const relPath = articlePath(options.type, options.department, id, folder);
    return { path, id, folder, relPath };
  });
}

/** A source converted to a Markdown tree, with what it says about the article. */
interface Converted {
  tree: Root;
  /** The title the source names (front matter). */
  title?: string;
  /** The title a leading heading may repeat (it is then dropped). */
  knownTitle?: string;
  reviewed?: string;
  reviewMonths?: number;
  tags?: string[];
  dropped: string[];
  notes: string[];
  images: PlannedWrite[];
  /** Steps on the arranged article (Word: bookmark links, footnotes); returns report lines. */
  finish?: (arranged: Root) => string[];
  /** Linked local files copied to static/files/<id>/. */
  files: PlannedWrite[];
  /** Source paths of the images and files copied (not "skipped" even if they lie in the imported folder). */
  copiedFrom?: string[];
}

/**
 * Links and images of a converted page (both sources): fixed by `rewriteLinks`; the local
 * files to copy become writes under static/, what could not be kept goes to the report.
 */
function fixLinks(tree: Root, links: LinkContext, options: ImportOptions, source: Source, notes: string[]): Pick<Converted, 'images' | 'files' | 'copiedFrom'> {
  const fixed = rewriteLinks(tree, links);
  if (fixed.rewritten > 0) notes.push(`Links auf importierte Seiten angepasst: ${fixed.rewritten}`);
  if (fixed.unlinked.length > 0) notes.push(`Links ohne Ziel im Wiki (Text bleibt): ${fixed.unlinked.join(', ')}`);
  if (fixed.files.length > 0) notes.push(`Verlinkte Dateien kopiert: ${fixed.files.length} → ${toPosix(join(options.staticDir, 'files', source.id))}/`);
  if (fixed.missingFiles.length > 0) notes.push(`Verlinkte Dateien nicht gefunden (Text bleibt): ${fixed.missingFiles.join(', ')}`);
  if (fixed.missingImages.length > 0) notes.push(`Bilder nicht gefunden (Hinweis im Text): ${fixed.missingImages.join(', ')}`);
  if (fixed.externalImages.length > 0) notes.push(`Bilder von fremden Servern als Link übernommen: ${fixed.externalImages.join(', ')}`);
  const copy = (folder: string) => (file: { source: string; name: string }) => ({ path: join(options.staticDir, folder, source.id, file.name), content: new Uint8Array(readFileSync(file.source)) });
  return { images: fixed.images.map(copy('img')), files: fixed.files.map(copy('files')), copiedFrom: [...fixed.images, ...fixed.files].map((f) => f.source) };
}

async function fromWord(source: Source, options: ImportOptions, links: LinkContext): Promise<Converted> {
  const word = await docxToHtml(new Uint8Array(readFileSync(source.path)), source.path, `/img/${source.id}`);
  if (word.html.replace(/<[^>]*>/g, '').trim() === '' && word.images.length === 0) {
    throw new ImportError(`${source.path}: Das Dokument enthält keinen Text.`);
  }
  const tree = await htmlToMdast(word.html);
  const notes: string[] = [...word.warnings];
  const embedded = `${links.imageBase}/`;
  const linked = fixLinks(tree, { ...links, keep: (url) => url.startsWith(embedded), takenImageNames: word.images.map((image) => image.name) }, options, source, notes);
  const footnotes = takeFootnotes(tree);
  const images = [...word.images.map((image) => ({ path: join(options.staticDir, 'img', source.id, image.name), content: image.bytes })), ...linked.images];
  const vector = word.images.filter((image) => /\.(emf|wmf)$/.test(image.name)).map((image) => image.name);
  if (vector.length > 0) notes.push(`Bilder im Windows-Format EMF/WMF zeigt kein Browser an – bitte als PNG ersetzen: ${vector.join(', ')}`);
  return { tree, dropped: [], notes, images, files: linked.files, copiedFrom: linked.copiedFrom, finish: (arranged) => finishWordArticle(arranged, footnotes) };
}

function fromMarkdown(source: Source, options: ImportOptions, links: LinkContext): Converted {
  const page = readMarkdownSource(new Uint8Array(readFileSync(source.path)), source.path, titleFromPath(source.path), options.title);
  const { frontMatter } = page;
  const notes = [...page.notes];
  const { images, files, copiedFrom } = fixLinks(page.tree, links, options, source, notes);
  return {
    tree: page.tree, title: frontMatter.title, knownTitle: page.title,
    reviewed: frontMatter.reviewed, reviewMonths: frontMatter.reviewMonths, tags: frontMatter.tags,
    dropped: frontMatter.dropped, notes, images, files, copiedFrom,
  };
}

/**
 * Plans an import without writing anything: converts every source, checks ids, targets
 * and collisions (one collision stops the whole import), and validates the result in
 * memory together with the wiki. `writeImport` then writes the plan.
 */
export async function planImport(wiki: Wiki, options: ImportOptions): Promise<ImportPlan> {
  let isFolder: boolean;
  try {
    isFolder = statSync(options.source).isDirectory();
  } catch {
    throw new UsageError(`Quelle nicht gefunden: ${options.source}`);
  }
  const skipped: string[] = [];
  let files: string[];
  if (isFolder) {
    if (options.id || options.title) throw new UsageError('--id und --title gelten nur für eine einzelne Datei, nicht für einen Ordner.');
    const all = listFiles(options.source, IGNORED);
    files = all.filter(isSupported);
    skipped.push(...all.filter((path) => !isSupported(path)));
    if (files.length === 0) throw new ImportError(`${options.source}: Der Ordner enthält keine .docx- oder .md-Dateien.`);
  } else {
    if (!isSupported(options.source)) throw unsupported(options.source);
    files = [options.source];
  }
  const sources = assignIds(files, isFolder ? options.source : undefined, options);
  refuseCollisions(sources.filter((s) => wiki.byId.has(s.id)).map((s) => `Kennung „${s.id}“ (${s.path}) gibt es schon: ${wiki.byId.get(s.id)!.map((a) => a.file).join(', ')}`));

  const targetBySource = new Map(sources.map((s) => [resolve(s.path), s.relPath]));

  const writes: PlannedWrite[] = [];
  const reports: FileReport[] = [];
  const copied = new Set<string>();
  for (const source of sources) {
    const links: LinkContext = {
      sourceFile: resolve(source.path),
      sourceRoot: siteRoot(resolve(source.path), isFolder ? resolve(options.source) : undefined),
      targetOf: (path) => targetBySource.get(path),
      ownTarget: source.relPath,
      imageBase: `/img/${source.id}`,
      fileBase: `/files/${source.id}`,
    };
    const converted = extname(source.path).toLowerCase() === '.docx' ? await fromWord(source, options, links) : fromMarkdown(source, options, links);
    const { tree, knownTitle, reviewed, reviewMonths, tags, dropped, notes, images: fileImages, files } = converted;
    for (const path of converted.copiedFrom ?? []) copied.add(path);
    let title = options.title ?? converted.title;
    const arranged = arrangeSections(tree, options.type, { takeTitle: title === undefined, knownTitle });
    if (arranged.merged.length > 0) notes.push(`Überschriftenebenen zusammengelegt (Markdown hat nur sechs, jetzt ######): ${arranged.merged.join(', ')}`);
    if (converted.finish) notes.push(...converted.finish(arranged.tree));
    title ??= arranged.title ?? titleFromPath(source.path);
    const plan = planNewArticle(wiki, {
      type: options.type, id: source.id, department: options.department, title, owner: options.owner,
      reviewed, reviewMonths, tags, folder: source.folder,
    }, options.today);
    const target = join(options.docs, source.relPath);
    writes.push({ path: target, content: `${plan.frontMatter}\n${mdastToMarkdown(arranged.tree)}` }, ...fileImages, ...files);
    reports.push({
      source: source.path, target: toPosix(target), id: source.id, title,
      mapped: arranged.mapped, added: arranged.added, dropped,
      images: fileImages.map((w) => toPosix(w.path)), notes, placeholders: 0, problems: [],
    });
  }

  refuseCollisions(writes.filter((w) => existsSync(w.path)).map((w) => `${toPosix(w.path)} gibt es schon`));
  checkInMemory(wiki, writes, reports, options.today);
  return { type: options.type, writes, files: reports, skipped: skipped.filter((path) => !copied.has(resolve(path))) };
}

/** One collision stops the whole import, before anything is written. */
function refuseCollisions(collisions: string[]): void {
  if (collisions.length === 0) return;
  const more = collisions.length > 10 ? ` (und ${collisions.length - 10} weitere)` : '';
  throw new UsageError(`Nichts importiert: ${collisions.slice(0, 10).join('; ')}${more}.`);
}

/** Validates the planned articles together with the wiki, before anything is written. */
function checkInMemory(wiki: Wiki, writes: PlannedWrite[], reports: FileReport[], today: CalendarDate): void {
  const byTarget = new Map(reports.map((r) => [r.target, r]));
  const planned = writes.filter((w) => byTarget.has(toPosix(w.path))).map((w) => {
    const relPath = toPosix(relative(wiki.root, w.path));
    return analyseArticle(toPosix(w.path), relPath, typeof w.content === 'string' ? new TextEncoder().encode(w.content) : w.content);
  });
  const result = validateWiki(indexWiki(wiki.root, [...wiki.articles, ...planned]), today);
  for (const finding of result.findings) {
    const report = byTarget.get(finding.file);
    if (!report) continue;
    if (finding.rule === 'placeholder') report.placeholders += 1;
    else if (finding.severity === 'error') report.problems.push(`${finding.line}:${finding.column} ${finding.message} [${finding.rule}]`);
  }
}
