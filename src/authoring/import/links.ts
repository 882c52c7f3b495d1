import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Definition, Image, Link, Parent, Root, RootContent, Text } from 'mdast';
import { slugify } from './slug';

export interface LinkContext {
  /** Absolute path of the source file; links are resolved from its folder. */
  sourceFile: string;
  /** Folder that a root-relative link (`/user-guide/x.html`) starts from (see `siteRoot`). */
  sourceRoot: string;
  /** Absolute source path → where that page is imported to (relative to the wiki root), if it is. */
  targetOf: (sourcePath: string) => string | undefined;
  /** This page's own target, relative to the wiki root. */
  ownTarget: string;
  /** URL prefix of this article's images, `/img/<id>`. */
  imageBase: string;
  /** URL prefix of the files this article links to, `/files/<id>`. */
  fileBase: string;
  /** Images the source converter already placed there (Word's embedded images): left alone. */
  keep?: (url: string) => boolean;
  /** File names already taken under static/img/<id>/ (by those images). */
  takenImageNames?: readonly string[];
}

/** A local file to copy: source path → file name under the article's folder in static/. */
export interface CopiedFile {
  source: string;
  name: string;
}

export interface LinkReport {
  /** Links to other imported pages, now pointing at their `.md` files. */
  rewritten: number;
  /** Links whose target is not part of the import: the text stays, the link goes. */
  unlinked: string[];
  /** Local images to copy to static/img/<id>/ (also linked pictures). */
  images: CopiedFile[];
  /** Images whose file does not exist: replaced by a visible note. */
  missingImages: string[];
  /** Images on other servers: turned into links (the intranet site makes no foreign requests). */
  externalImages: string[];
  /** Other linked local files (a PDF, a spreadsheet) to copy to static/files/<id>/. */
  files: CopiedFile[];
  /** Linked local files that do not exist: the text stays, the link goes. */
  missingFiles: string[];
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** A file on a Windows drive or share (Word links them): never on this machine's site. */
const WINDOWS_FILE = /^(?:[a-z]:[\\/]|\\\\)/i;
/** Files a browser shows as pictures. */
const IMAGE_EXTENSIONS = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp)$/i;
/** What a link to a page looks like (no extension means a page or folder too); anything else is a file. */
const PAGE_EXTENSIONS = new Set(['', '.html', '.htm', '.md', '.markdown', '.erb']);

function splitUrl(url: string): { path: string; hash: string } {
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const hash = cut === -1 ? '' : url.slice(cut).replace(/^\?[^#]*/, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep it as written
  }
  return { path: decoded.replace(/\\/g, '/'), hash }; // Word on Windows writes `Anlagen\\plan.pdf`
}

/**
 * Walks the tree; where `replace` returns nodes, they take the node's place and are
 * walked in turn (an image inside a link that lost its link is still fixed).
 */
function replaceNodes(parent: Parent, replace: (node: RootContent) => RootContent[] | undefined): void {
  for (let i = 0; i < parent.children.length; i += 1) {
    const node = parent.children[i]!;
    const replacement = replace(node);
    if (replacement) {
      parent.children.splice(i, 1, ...(replacement as never[]));
      i -= 1;
    } else if ('children' in node) {
      replaceNodes(node as Parent, replace);
    }
  }
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/**
 * The files a link may mean: GOV.UK pages link `x.html` for `x.html.md` (sometimes their
 * source `x.html.md.erb`), folders mean their index.
 */
function candidates(link: string): string[] {
  const base = link.replace(/\.erb$/i, '');
  const noHtml = base.replace(/\.html?$/i, '');
  return [base, `${base}.md`, `${noHtml}.html.md`, `${noHtml}.md`, join(base, 'index.html.md'), join(base, 'index.md'), join(base, 'README.md')];
}

function relativeUrl(from: string, to: string): string {
  const rel = posix.relative(posix.dirname(from), to);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * The folder a root-relative link starts from: GOV.UK tech docs (Middleman) serve the
 * `source/` folder as the site, so the nearest folder of that name above the page (inside
 * `limit`, the imported folder, if given); otherwise `limit` or the page's own folder.
 */
export function siteRoot(sourceFile: string, limit?: string): string {
  for (let dir = dirname(sourceFile); ; dir = dirname(dir)) {
    if (basename(dir) === 'source') return dir;
    if (dir === limit || dirname(dir) === dir) break;
  }
  return limit ?? dirname(sourceFile);
}

/**
 * Fixes the links and images of an imported page so the site builds and nothing points
 * into the void: links to imported pages → their new `.md` file; linked local files and
 * images are copied (see `files`, `images`); other local links lose the link but keep
 * their text; missing images become a note, images from other servers become links.
 * Reference-style links and images (`[text][ref]` with `[ref]: url`) are treated exactly
 * like inline ones – they become inline links and images, and their definitions go.
 */
export function rewriteLinks(tree: Root, context: LinkContext): LinkReport {
  const report: LinkReport = { rewritten: 0, unlinked: [], images: [], missingImages: [], externalImages: [], files: [], missingFiles: [] };
  const resolveLocal = (path: string) => (path.startsWith('/') ? join(context.sourceRoot, path) : resolve(dirname(context.sourceFile), path));
  /** Nodes already fixed: a reference turned into a link is walked again, but fixed once. */
  const done = new WeakSet<RootContent>();
  /** Each file is copied once per folder, under a name that is free there. */
  const folders = new Map<CopiedFile[], { bySource: Map<string, string>; names: Set<string> }>([
    [report.images, { bySource: new Map(), names: new Set(context.takenImageNames) }],
    [report.files, { bySource: new Map(), names: new Set() }],
  ]);
  const place = (list: CopiedFile[], source: string): string => {
    const folder = folders.get(list)!;
    let name = folder.bySource.get(source);
    if (name === undefined) {
      const safe = `${slugify(basename(source, extname(source))) || 'datei'}${extname(source).toLowerCase().replace(/[^a-z0-9.]+/g, '')}`;
      name = safe;
      for (let n = 2; folder.names.has(name); n += 1) name = `${n}-${safe}`;
      folder.bySource.set(source, name);
      folder.names.add(name);
      list.push({ source, name });
    }
    return name;
  };

  const link = (node: Link): RootContent[] | undefined => {
    const url = node.url.trim();
    if (url === '') {
      report.unlinked.push('(leer)');
      return node.children;
    }
    const localFile = /^file:/i.test(url) || WINDOWS_FILE.test(url);
    if (url.startsWith('#') || (EXTERNAL.test(url) && !localFile)) return undefined;
    let { path, hash } = splitUrl(url);
    if (WINDOWS_FILE.test(url)) path = '';
    else if (localFile) {
      try {
        path = fileURLToPath(url.replace(/[?#].*$/, ''));
      } catch {
        path = ''; // a Windows drive or share on another machine
      }
    }
    const base = path === '' || localFile ? path : resolveLocal(path);
    if (base !== '') {
      for (const candidate of candidates(base)) {
        const target = context.targetOf(candidate);
        if (target) {
          node.url = `${relativeUrl(context.ownTarget, target)}${hash}`;
          report.rewritten += 1;
          return undefined;
        }
      }
    }
    if (!PAGE_EXTENSIONS.has(extname(path).toLowerCase()) || localFile) {
      if (base !== '' && isFile(base)) {
        // A linked picture (often `[![x](a.png)](a.png)`) shares the folder, and the copy, of the images.
        const picture = IMAGE_EXTENSIONS.test(base);
        node.url = `${picture ? context.imageBase : context.fileBase}/${place(picture ? report.images : report.files, base)}${hash}`;
        return undefined;
      }
      report.missingFiles.push(url);
      return node.children;
    }
    report.unlinked.push(url);
    return node.children;
  };

  const image = (node: Image): RootContent[] | undefined => {
    const url = node.url.trim();
    if (context.keep?.(url)) return undefined;
    if (EXTERNAL.test(url)) {
      report.externalImages.push(url);
      return [{ type: 'link', url, children: [{ type: 'text', value: `Bild: ${node.alt || url}` }] }];
    }
    const source = resolveLocal(splitUrl(url).path);
    if (!isFile(source)) {
      report.missingImages.push(url);
      const note: Text = { type: 'text', value: `[Bild fehlt: ${node.alt ? `${node.alt} – ` : ''}${url}]` };
      return [note];
    }
    node.url = `${context.imageBase}/${place(report.images, source)}`;
    return undefined;
  };

  // Definitions apply to the whole page, wherever they stand (often at its end).
  const definitions = new Map<string, Definition>();
  replaceNodes(tree, (node) => {
    if (node.type !== 'definition') return undefined;
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    return [];
  });

  replaceNodes(tree, (node) => {
    if (done.has(node)) return undefined;
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) return node.type === 'linkReference' ? node.children : [{ type: 'text', value: node.alt ?? '' }];
      const { url, title } = definition;
      const inline: Link | Image = node.type === 'linkReference'
        ? { type: 'link', url, title, children: node.children, position: node.position }
        : { type: 'image', url, title, alt: node.alt, position: node.position };
      const replacement = inline.type === 'link' ? link(inline) : image(inline);
      done.add(inline);
      return replacement ?? [inline];
    }
    if (node.type === 'link') return link(node);
    if (node.type === 'image') return image(node);
    return undefined;
  });
  return report;
}
