import type { Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeSanitizeArticle, remarkRawHtmlGate } from '../../site/raw-html';
import { sanitizeSchema } from '../../site/sanitize-schema';
import { rehypeTaskListNames } from '../../site/task-list-names';

/**
 * The article body as the site renders `.md`: remark with GFM, the site's raw-HTML gate,
 * raw HTML parsed (rehype-raw, as Docusaurus does for `.md`) and sanitised with the site's
 * schema, task-list checkboxes named. Mermaid blocks stay code blocks here.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRawHtmlGate)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(() => rehypeSanitizeArticle(sanitizeSchema) as (tree: Root) => Root)
  .use(rehypeTaskListNames);

export function renderBody(markdown: string): ReactNode {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  return toJsxRuntime(tree, { Fragment, jsx, jsxs });
}
