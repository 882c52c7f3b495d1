import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * What raw HTML and rendered Markdown may contain on an article page.
 *
 * Based on GitHub's rules (`defaultSchema` of hast-util-sanitize) and widened only for
 * what Docusaurus itself renders from `.md`:
 * - heading ids (anchors, table of contents) stay as written, not prefixed with
 *   `user-content-`, except ids that could clobber Docusaurus' own (`__docusaurus…`);
 * - code blocks keep `language-*` and the `metastring` (title, highlighted lines);
 * - Mermaid blocks arrive as `<mermaid value="…">` and admonitions (`:::note`) as
 *   `<admonition type title>` – both elements only Docusaurus' remark step produces;
 * - GFM tables, task-list checkboxes (always disabled), footnotes, `details/summary`;
 * - links may use `tel:` as well (phone numbers are common in town-hall articles).
 *
 * Removed with their content: script, style, iframe, object, embed, svg, math and other
 * elements whose content is code or a foreign document. Any other element not listed
 * here loses its tags but keeps its text. Event handlers (`on*`), `style`, `class` and
 * URLs with other schemes (`javascript:`, `data:`, `vbscript:`) never pass.
 */

/** `id` anywhere (headings, footnotes), but never one of Docusaurus' own. */
const ID: [string, RegExp] = ['id', /^(?!__docusaurus)/];

export const STRIPPED_WITH_CONTENT = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'textarea',
  'select',
  'title',
  'xmp',
  'plaintext',
  'head',
  'meta',
  'link',
  'base',
];

const defaults = defaultSchema.attributes ?? {};

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'abbr',
    'caption',
    'cite',
    'col',
    'colgroup',
    'figcaption',
    'figure',
    'mark',
    'small',
    'u',
    'wbr',
    // Produced by Docusaurus' remark steps (mermaid code blocks, :::admonitions).
    'mermaid',
    'admonition',
    'mdxAdmonitionTitle',
  ],
  attributes: {
    ...defaults,
    '*': [...(defaults['*'] ?? []).filter((name) => name !== 'id'), ID],
    code: [...(defaults.code ?? []), 'metastring', 'live'],
    col: ['span'],
    colgroup: ['span'],
    mermaid: ['value'],
    admonition: ['type', 'title', 'className', ID],
  },
  // Only `name` is prefixed: ids and aria references stay as Docusaurus and GFM
  // footnotes wrote them, so anchors and `aria-describedby` keep matching.
  clobber: ['name'],
  clobberPrefix: 'user-content-',
  protocols: {
    ...defaultSchema.protocols,
    href: [...(defaultSchema.protocols?.href ?? []), 'tel'],
  },
  strip: STRIPPED_WITH_CONTENT,
};
