import GithubSlugger from 'github-slugger';
import type { FootnoteDefinition, Heading, Link, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * Steps on a Word article after its sections are arranged: links to Word bookmarks need the
 * final headings (a heading may have become a section or the title), and footnotes belong
 * after the last section.
 */

export interface BookmarkLinks {
  /** Links to a bookmark in a heading, now pointing at the heading's anchor on the page. */
  linked: number;
  /** Links to bookmarks elsewhere (or in a heading that became the title): text only. */
  unlinked: number;
}

/** A heading's anchor as Docusaurus makes it: github-slugger over the text without HTML, in page order. */
function headingAnchors(tree: Root): Map<string, string> {
  const slugger = new GithubSlugger();
  const anchors = new Map<string, string>();
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const slug = slugger.slug(toString((node as Heading).children.filter((c) => c.type !== 'html')));
    for (const bookmark of node.data?.wordBookmarks ?? []) anchors.set(bookmark, slug);
  }
  return anchors;
}

/**
 * Word's internal links (`#_Toc…` of a table of contents, cross references) in the final
 * article: a link to a bookmark inside a heading goes to that heading's anchor; any other
 * such link keeps only its text (the site has no target for it).
 */
export function linkBookmarks(tree: Root): BookmarkLinks {
  const anchors = headingAnchors(tree);
  const result: BookmarkLinks = { linked: 0, unlinked: 0 };
  const walk = (parent: Parent) => {
    for (let i = 0; i < parent.children.length; i += 1) {
      const node = parent.children[i] as RootContent;
      if (node.type === 'link' && node.url.startsWith('#')) {
        const anchor = anchors.get(decodeBookmark((node as Link).url.slice(1)));
        if (anchor !== undefined) {
          node.url = `#${anchor}`;
          result.linked += 1;
        } else {
          parent.children.splice(i, 1, ...(node.children as never[]));
          result.unlinked += 1;
          i -= 1;
          continue;
        }
      }
      if ('children' in node) walk(node);
    }
  };
  walk(tree);
  return result;
}

function decodeBookmark(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Takes the footnote definitions out of a converted document, to put them back after arranging. */
export function takeFootnotes(tree: Root): FootnoteDefinition[] {
  const notes = tree.children.filter((n): n is FootnoteDefinition => n.type === 'footnoteDefinition');
  tree.children = tree.children.filter((n) => n.type !== 'footnoteDefinition');
  return notes;
}

/** Bookmark links resolved, footnotes appended; returns the lines for the report. */
export function finishWordArticle(tree: Root, footnotes: FootnoteDefinition[]): string[] {
  const lines: string[] = [];
  const links = linkBookmarks(tree);
  if (links.linked > 0) lines.push(`Verweise auf Überschriften (z. B. Inhaltsverzeichnis) als Links übernommen: ${links.linked}`);
  if (links.unlinked > 0) lines.push(`Verweise auf Textmarken ohne Überschrift als Text übernommen: ${links.unlinked}`);
  tree.children.push(...footnotes);
  if (footnotes.length > 0) lines.push(`Fußnoten/Endnoten: ${footnotes.length}`);
  return lines;
}
