import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readTemplate, templatePath } from '../scaffold';
import { sectionSynonyms, type ArticleType } from '../../core/schema/schemas';
import { requiredSections } from '../../core/schema/model';
import { markdownToMdast } from './mdast';

export interface SectionMapping {
  /** The heading as the source wrote it. */
  from: string;
  /** The required section it became. */
  to: string;
}

export interface ArrangedBody {
  tree: Root;
  /** The source's leading heading, when it served as the title. */
  title?: string;
  mapped: SectionMapping[];
  /** Required sections that were missing or empty and got the template's `TODO:` text. */
  added: string[];
  /** Headings that had to share a level with their parent level (Markdown stops at `######`). */
  merged: string[];
}

/** Heading text as compared: case, blanks, numbering („2.1“, „3)“) and a trailing colon ignored. */
export function normaliseHeading(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\)|[ivx]+\.)\s+/, '')
    .replace(/\s*:\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalised heading → required section, from `x-sections` and `x-section-synonyms`. */
function sectionLookup(type: ArticleType): Map<string, string> {
  const lookup = new Map<string, string>();
  const synonyms = sectionSynonyms(type);
  for (const section of requiredSections(type)) {
    lookup.set(normaliseHeading(section), section);
    for (const synonym of synonyms[section] ?? []) lookup.set(normaliseHeading(synonym), section);
  }
  return lookup;
}

const templateCache = new Map<string, Map<string, RootContent[]>>();

/**
 * The template's text under each `##` section (hint comment and `TODO:` line), by section;
 * read once per type. Callers copy the nodes (`structuredClone`) before putting them in a tree.
 */
function templateSections(type: ArticleType): Map<string, RootContent[]> {
  const path = templatePath(type); // the wiki's own, when it has one
  const cached = templateCache.get(path);
  if (cached) return cached;
  const text = readTemplate(type, path);
  const body = text.slice(text.indexOf('\n---', 3) + 4);
  const sections = new Map<string, RootContent[]>();
  let current = '';
  for (const node of markdownToMdast(body).children) {
    if (node.type === 'heading' && node.depth === 2) current = toString(node);
    else sections.set(current, [...(sections.get(current) ?? []), node]);
  }
  templateCache.set(path, sections);
  return sections;
}

const isComment = (node: RootContent) => node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
/** Content as the `sections` rule counts it: not just headings and comments. */
const hasContent = (nodes: RootContent[]) => nodes.some((n) => n.type !== 'heading' && !isComment(n));

/**
 * Headings placed deeper than `######`: the levels in use (from `###` down) close up, so
 * levels the document skipped make room and every heading keeps its place relative to the
 * others; only when more levels are in use than Markdown has left do the deepest share
 * `######` – those headings are returned for the report.
 */
function fitDepths(children: RootContent[]): string[] {
  const headings = children.filter((n): n is Heading => n.type === 'heading');
  if (!headings.some((h) => h.depth > 6)) return [];
  const used = [...new Set(headings.map((h) => h.depth as number).filter((d) => d >= 3))].sort((a, b) => a - b);
  const target = new Map(used.map((depth, i) => [depth, Math.min(6, 3 + i)]));
  const merged: string[] = [];
  for (const heading of headings) {
    const wanted = heading.depth as number;
    const depth = target.get(wanted) ?? wanted;
    if (used.indexOf(wanted) > 3) merged.push(`„${toString(heading).trim()}“ (Ebene ${sourceDepth.get(heading) ?? wanted} der Quelle)`);
    heading.depth = depth as Heading['depth'];
  }
  return merged;
}

/** A placed heading → its depth in the source, for the report. */
const sourceDepth = new WeakMap<Heading, number>();

/** A heading at a computed depth; `fitDepths` brings depths beyond 6 back into range. */
function atDepth(node: Heading, depth: number): Heading {
  const placed: Heading = { ...node, depth: Math.max(1, depth) as Heading['depth'] };
  sourceDepth.set(placed, node.depth);
  return placed;
}

function headingDepthBase(nodes: RootContent[]): number {
  const depths = nodes.filter((n): n is Heading => n.type === 'heading').map((n) => n.depth);
  return depths.length > 0 ? Math.min(...depths) : 1;
}

/**
 * Puts an imported body into the shape of its type.
 *
 * - A leading heading that is no section becomes the title when `takeTitle` (a Word
 *   document starts with its name); otherwise it is kept.
 * - Headings that mean a required section (`x-sections` or a synonym in the schema,
 *   e.g. „Vertretungsregelung“) become that `##` section; the sections come out in
 *   template order.
 * - Text before the first such heading goes to the first section.
 * - Other headings become `###` sub-sections (deeper ones keep their distance; see
 *   `fitDepths` for documents deeper than Markdown's six levels).
 * - Missing or empty required sections get the template's hint and `TODO:` line.
 * - A guide keeps its structure, headings moved so the top level is `##`.
 */
export function arrangeSections(tree: Root, type: ArticleType, options: { takeTitle: boolean; knownTitle?: string }): ArrangedBody {
  const lookup = sectionLookup(type);
  const blocks = [...tree.children];
  let title: string | undefined;
  const first = blocks.findIndex((n) => !isComment(n));
  const lead = blocks[first];
  if (lead?.type === 'heading' && !lookup.has(normaliseHeading(toString(lead)))) {
    const text = toString(lead).trim();
    const sameAsKnown = options.knownTitle !== undefined && normaliseHeading(text) === normaliseHeading(options.knownTitle);
    if (text && (options.takeTitle || sameAsKnown)) {
      title = text;
      blocks.splice(first, 1);
    }
  }
  const base = headingDepthBase(blocks);
  const template = templateSections(type);
  const required = requiredSections(type);

  if (required.length === 0) {
    const children = blocks.map((n) => (n.type === 'heading' ? atDepth(n, n.depth - base + 2) : n));
    const added = hasContent(children) ? [] : ['Text'];
    if (added.length > 0) children.push(...structuredClone(template.get('') ?? []));
    return { tree: { type: 'root', children }, title, mapped: [], added, merged: fitDepths(children) };
  }

  const content = new Map<string, RootContent[]>(required.map((s) => [s, []]));
  const mapped: SectionMapping[] = [];
  /** The source heading's data (e.g. Word bookmarks) moves to the section heading it became. */
  const sectionData = new Map<string, Heading['data']>();
  const sectionOf = (node: RootContent) => (node.type === 'heading' ? lookup.get(normaliseHeading(toString(node))) : undefined);
  // Depth of the headings that start sections (they become `##`); other headings are
  // placed relative to it, and a heading on the same level as a section becomes `###`
  // with its own sub-headings moved along.
  let sectionDepth = blocks.find((n): n is Heading => n.type === 'heading' && sectionOf(n) !== undefined)?.depth ?? base;
  let demotedAt: number | undefined;
  let current = required[0]!;
  for (const node of blocks) {
    if (node.type !== 'heading') {
      content.get(current)!.push(node);
      continue;
    }
    const section = sectionOf(node);
    if (section && !mapped.some((m) => m.to === section)) {
      mapped.push({ from: toString(node).trim(), to: section });
      if (node.data) sectionData.set(section, node.data);
      current = section;
      sectionDepth = node.depth;
      demotedAt = undefined;
      continue;
    }
    if (section) current = section; // a second heading for the same section: a sub-section of it
    let depth: number;
    if (node.depth <= sectionDepth) {
      depth = 3;
      demotedAt = node.depth;
    } else if (demotedAt !== undefined && node.depth > demotedAt) {
      depth = node.depth - demotedAt + 3;
    } else {
      depth = node.depth - sectionDepth + 2;
      demotedAt = undefined;
    }
    content.get(current)!.push(atDepth(node, depth));
  }

  const children: RootContent[] = [];
  const added: string[] = [];
  for (const section of required) {
    const nodes = content.get(section)!;
    const data = sectionData.get(section);
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: section }], ...(data ? { data } : {}) });
    if (!hasContent(nodes)) {
      added.push(section);
      const fallback: RootContent[] = [{ type: 'paragraph', children: [{ type: 'text', value: `TODO: ${section} beschreiben.` }] }];
      nodes.unshift(...structuredClone(template.get(section) ?? fallback));
    }
    children.push(...nodes);
  }
  return { tree: { type: 'root', children }, title, mapped, added, merged: fitDepths(children) };
}
