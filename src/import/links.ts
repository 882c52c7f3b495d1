import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, resolve } from 'node:path';
import type { Image, Link, Parent, Root, RootContent, Text } from 'mdast';

export interface LinkContext {
  /** Absolute path of the Markdown source; links are resolved from its folder. */
  sourceFile: string;
  /** Folder that a root-relative link (`/user-guide/x.html`) starts from. */
  sourceRoot: string;
  /** Absolute source path → where that page is imported to (relative to the wiki root), if it is. */
  targetOf: (sourcePath: string) => string | undefined;
  /** This page's own target, relative to the wiki root. */
  ownTarget: string;
  /** URL prefix of this article's images, `/img/<id>`. */
  imageBase: string;
}

export interface LinkReport {
  /** Links to other imported pages, now pointing at their `.md` files. */
  rewritten: number;
  /** Links whose target is not part of the import: the text stays, the link goes. */
  unlinked: string[];
  /** Local images to copy: source path → file name under static/img/<id>/. */
  images: { source: string; name: string }[];
  /** Images whose file does not exist: replaced by a visible note. */
  missingImages: string[];
  /** Images on other servers: turned into links (the intranet site makes no foreign requests). */
  externalImages: string[];
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

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
  return { path: decoded, hash };
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

/** The files a link may mean: GOV.UK pages link `x.html` for `x.html.md`, folders mean their index. */
function candidates(base: string): string[] {
  const noHtml = base.replace(/\.html?$/i, '');
  return [base, `${base}.md`, `${noHtml}.html.md`, `${noHtml}.md`, join(base, 'index.html.md'), join(base, 'index.md'), join(base, 'README.md')];
}

function relativeUrl(from: string, to: string): string {
  const rel = posix.relative(posix.dirname(from), to);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * Fixes the links and images of an imported Markdown page so the site builds and nothing
 * points into the void: links to imported pages → their new `.md` file; other local links
 * lose the link but keep their text; local images are copied (see `images`), missing ones
 * become a note, images from other servers become links.
 */
export function rewriteLinks(tree: Root, context: LinkContext): LinkReport {
  const report: LinkReport = { rewritten: 0, unlinked: [], images: [], missingImages: [], externalImages: [] };
  const resolveLocal = (path: string) => (path.startsWith('/') ? join(context.sourceRoot, path) : resolve(dirname(context.sourceFile), path));
  /** Image source → its file name under static/img/<id>/ (each file copied once). */
  const copied = new Map<string, string>();

  const link = (node: Link): RootContent[] | undefined => {
    const url = node.url.trim();
    if (url === '') {
      report.unlinked.push('(leer)');
      return node.children;
    }
    if (EXTERNAL.test(url) || url.startsWith('#')) return undefined;
    const { path, hash } = splitUrl(url);
    const base = resolveLocal(path);
    for (const candidate of candidates(base)) {
      const target = context.targetOf(candidate);
      if (target) {
        node.url = `${relativeUrl(context.ownTarget, target)}${hash}`;
        report.rewritten += 1;
        return undefined;
      }
    }
    report.unlinked.push(url);
    return node.children;
  };

  const image = (node: Image): RootContent[] | undefined => {
    const url = node.url.trim();
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
    let name = copied.get(source);
    if (name === undefined) {
      const safe = basename(source).replace(/[^A-Za-z0-9._-]+/g, '-');
      name = safe;
      for (let n = 2; [...copied.values()].includes(name); n += 1) name = `${n}-${safe}`;
      copied.set(source, name);
      report.images.push({ source, name });
    }
    node.url = `${context.imageBase}/${name}`;
    return undefined;
  };

  replaceNodes(tree, (node) => {
    if (node.type === 'link') return link(node);
    if (node.type === 'image') return image(node);
    if (node.type === 'definition' && !EXTERNAL.test(node.url) && !node.url.startsWith('#')) {
      const { path, hash } = splitUrl(node.url);
      const target = candidates(resolveLocal(path)).map(context.targetOf).find(Boolean);
      if (target) {
        node.url = `${relativeUrl(context.ownTarget, target)}${hash}`;
        report.rewritten += 1;
      }
    }
    return undefined;
  });
  return report;
}

/**
 * Word documents: links to bookmarks inside the document (a table of contents, `#_Toc…`)
 * have no target on the site; their text stays.
 */
export function unlinkBookmarks(tree: Root): number {
  let count = 0;
  replaceNodes(tree, (node) => {
    if (node.type !== 'link' || !node.url.startsWith('#')) return undefined;
    count += 1;
    return node.children;
  });
  return count;
}
