import type { Html, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import { sanitizeSchema } from './sanitize-schema';

/**
 * Raw HTML in articles, in two steps (see README, "Entscheidungen"):
 *
 * 1. `remarkRawHtmlGate` (a remark plugin that runs before Docusaurus' own):
 *    - a tag that is no HTML element at all (`<Foo />`, `<Aktenzeichen>`) becomes text, so
 *      it stays visible exactly as written instead of swallowing the text after it;
 *    - HTML inside headings is dropped (its text stays): Docusaurus copies heading markup
 *      into the table of contents as an HTML string, past any rehype plugin.
 * 2. `rehypeSanitizeArticle` (a rehype plugin; Docusaurus has already parsed raw HTML into
 *    elements with rehype-raw for `.md`): rehype-sanitize with `sanitizeSchema`. The MDX
 *    nodes Docusaurus itself generated (table-of-contents export, content title, local
 *    images, asset links) cannot come from an author in `.md`; they pass unchanged, their
 *    children are sanitised like everything else.
 */

/** Every element name the HTML standard knows, including obsolete ones browsers still parse. */
export const HTML_ELEMENT_NAMES: ReadonlySet<string> = new Set(
  (
    'a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink ' +
    'blockquote body br button canvas caption center cite code col colgroup data datalist dd del details ' +
    'dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 ' +
    'h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd keygen label legend ' +
    'li link listing main map mark marquee math menu menuitem meta meter multicol nav nextid nobr noembed ' +
    'noframes noscript object ol optgroup option output p param picture plaintext portal pre progress q ' +
    'rb rp rt rtc ruby s samp script search section select slot small source spacer span strike strong ' +
    'style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ' +
    'ul var video wbr xmp'
  ).split(' '),
);

// CommonMark's grammar for raw HTML (spec 0.31, section 6.6).
const ATTRIBUTE = String.raw`\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>` + '`' + String.raw`]+|'[^']*'|"[^"]*"))?`;
const HTML_TOKEN = new RegExp(
  [
    String.raw`<!--(?:-?>|[\s\S]*?-->)`,
    String.raw`<\?[\s\S]*?\?>`,
    String.raw`<![A-Za-z][^>]*>`,
    String.raw`<!\[CDATA\[[\s\S]*?\]\]>`,
    String.raw`<([A-Za-z][A-Za-z0-9-]*)(?:${ATTRIBUTE})*\s*\/?>`,
    String.raw`<\/([A-Za-z][A-Za-z0-9-]*)\s*>`,
  ].join('|'),
  'g',
);

export interface HtmlSegment {
  /** `text`: a tag that is no HTML element, to be shown as written; `html`: anything else. */
  kind: 'html' | 'text';
  value: string;
  /** Whether an `html` segment contains a real HTML tag, comment or declaration. */
  markup: boolean;
}

/** Splits raw HTML into runs of HTML and tags that are no HTML element. */
export function splitRawHtml(value: string): HtmlSegment[] {
  const segments: HtmlSegment[] = [];
  const push = (kind: HtmlSegment['kind'], text: string, markup: boolean): void => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) {
      last.value += text;
      last.markup ||= markup;
    } else {
      segments.push({ kind, value: text, markup });
    }
  };
  let at = 0;
  for (const match of value.matchAll(HTML_TOKEN)) {
    const start = match.index ?? 0;
    push('html', value.slice(at, start), false);
    const name = (match[1] ?? match[2])?.toLowerCase();
    if (name !== undefined && !HTML_ELEMENT_NAMES.has(name)) push('text', match[0], false);
    else push('html', match[0], true);
    at = start + match[0].length;
  }
  push('html', value.slice(at), false);
  return segments;
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

function gate(parent: Parent, inHeading: boolean): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type !== 'html') {
      if ('children' in child) gate(child, inHeading || child.type === 'heading');
      children.push(child);
      continue;
    }
    const segments = splitRawHtml(child.value);
    if (inHeading) {
      for (const s of segments) if (s.kind === 'text') children.push(textNode(s.value, child));
      continue;
    }
    if (!segments.some((s) => s.kind === 'text')) {
      children.push(child);
      continue;
    }
    const nodes = segments.map((s): Text | Html => (s.kind === 'text' ? textNode(s.value, child) : { type: 'html', value: s.value, position: child.position }));
    if (!PHRASING_PARENTS.has(parent.type) && !segments.some((s) => s.markup)) {
      const paragraph: Paragraph = { type: 'paragraph', children: nodes, position: child.position };
      children.push(paragraph);
    } else {
      children.push(...(nodes as RootContent[]));
    }
  }
  parent.children = children;
}

function textNode(value: string, from: Html): Text {
  return { type: 'text', value, position: from.position };
}

/** Remark plugin: tags that are no HTML become text; no raw HTML inside headings. */
export function remarkRawHtmlGate() {
  return (tree: Root): void => gate(tree, false);
}

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Stands in for a Docusaurus MDX node while rehype-sanitize runs. */
const SLOT = 'stellenwissen-mdx-slot';

/** Rehype plugin: rehype-sanitize with `schema`, keeping Docusaurus' own MDX nodes. */
export function rehypeSanitizeArticle(schema: SanitizeSchema = sanitizeSchema) {
  const clean = rehypeSanitize({
    ...schema,
    tagNames: [...(schema.tagNames ?? []), SLOT],
    attributes: { ...schema.attributes, [SLOT]: ['dataSlot'] },
  }) as unknown as (tree: HastNode) => HastNode;
  return (tree: unknown): unknown => {
    const kept: HastNode[] = [];
    hide(tree as HastNode, kept);
    const result = clean(tree as HastNode);
    restore(result, kept);
    return result;
  };
}

function hide(node: HastNode, kept: HastNode[]): void {
  if (!Array.isArray(node.children)) return;
  node.children = node.children.map((original) => {
    let child = original;
    // An author's element that merely looks like a slot is an unknown element.
    if (child.type === 'element' && child.tagName === SLOT) child = { ...child, tagName: 'span', properties: {} };
    if (child.type.startsWith('mdx')) {
      kept.push(child);
      child = { type: 'element', tagName: SLOT, properties: { dataSlot: kept.length - 1 }, children: child.children ?? [] };
    }
    hide(child, kept);
    return child;
  });
}

function restore(node: HastNode, kept: HastNode[]): void {
  if (!Array.isArray(node.children)) return;
  node.children = node.children.map((child) => {
    restore(child, kept);
    if (child.type !== 'element' || child.tagName !== SLOT) return child;
    const original = kept[Number(child.properties?.dataSlot)];
    if (!original) return child;
    if (Array.isArray(original.children)) original.children = child.children ?? [];
    return original;
  });
}
