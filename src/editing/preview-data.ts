import { bodyOf, stringValue, type Article } from '../core/article';
import type { ArticleFacts } from '../core/article-facts';
import { localToday } from '../core/dates';
import { FRONT_MATTER_RULES, findingsByFile, hasValidFrontMatter } from '../core/finding';
import { PLACEHOLDER_MARK } from '../core/markdown/placeholders';
import { activeSchemaModel, type LocalExtensions } from '../core/schema/model';
import { CONFIG_SCHEMA } from '../core/schema/schemas';
import type { Wiki } from '../core/wiki';
import { RULES } from '../validate/rules/index';
import { validateWiki } from '../validate/validate';

/**
 * `preview-data.json` of the admin folder: what the editor's preview needs to find the
 * same findings and show the same metadata card as `npm run validate` and the site
 * (src/editing/client/). Only the wiki's articles and its extensions – never anything
 * from hr/ – and no date: the browser judges `stale` on the day it runs.
 */
export interface PreviewData {
  /** The docs folder as validate shows paths (relative to the site folder), e.g. `docs`; '' for none. */
  docs: string;
  /** The site's base URL, for the card's links (e.g. `/` or `/wiki/`). */
  baseUrl: string;
  /** The site's primary colour (`primary_color`), so links in the preview look – and contrast – as on the site. */
  primaryColor: string;
  /** The wiki's own keys and sections (erweiterungen/), so the browser checks the schema like the CLI. */
  local: LocalExtensions;
  /** Every article with an id, in the wiki's order. */
  articles: ArticleFacts[];
}

export interface PreviewDataOptions {
  baseUrl: string;
  /** Default: the settings' default colour (schemas/config.schema.json). */
  primaryColor?: string;
  /** The docs folder as shown; default: the prefix of the wiki's shown file paths. */
  docs?: string;
  /** The wiki's extensions; default: those of the active schema model. */
  local?: LocalExtensions;
}

/**
 * The front-matter keys rules, coverage and cards read of articles other than the one a card
 * belongs to (src/validate/rules/reference.ts, duplicate-id.ts, plan.ts, src/coverage/coverage.ts,
 * src/plugin/cards/). Other keys only matter for the article's own findings and card.
 */
const SHARED_KEYS = ['id', 'type', 'title', 'department', 'owner', 'deputies', 'performers', 'post', 'criticality', 'reviewed', 'review_months', 'digital', 'status', 'digital_capacity'];

/** Whether a front-matter value holds a placeholder (the `placeholder` rule counts those too). */
function hasPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(PLACEHOLDER_MARK);
  if (Array.isArray(value)) return value.some(hasPlaceholder);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasPlaceholder);
  return false;
}

function sharedData(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => SHARED_KEYS.includes(key) || hasPlaceholder(value)));
}

function factsOf(article: Article, usable: boolean): ArticleFacts {
  return {
    path: article.relPath,
    data: sharedData(article.data ?? {}),
    usable,
    sections: bodyOf(article).sections.map((s) => [s.title, s.empty]),
    placeholders: bodyOf(article).placeholders.map((p) => [p.line, p.column]),
  };
}

/** The shown folder in front of every relPath (`docs` for `docs/fb1/a.md`), when the wiki has articles. */
function shownDocs(wiki: Wiki): string | undefined {
  const first = wiki.articles[0];
  if (!first || !first.file.endsWith(first.relPath)) return undefined;
  return first.file.slice(0, first.file.length - first.relPath.length).replace(/\/$/, '');
}

export function createPreviewData(wiki: Wiki, options: PreviewDataOptions): PreviewData {
  // Usable front matter is what validate's yaml and schema rules say (dates play no part there).
  const frontMatterRules = RULES.filter((rule) => FRONT_MATTER_RULES.includes(rule.id));
  const byFile = findingsByFile(validateWiki(wiki, localToday(), frontMatterRules).findings);
  const articles = wiki.articles
    .filter((article) => stringValue(article, 'id') !== undefined)
    .map((article) => factsOf(article, hasValidFrontMatter(article, byFile.get(article.file) ?? [])));
  return {
    docs: options.docs ?? shownDocs(wiki) ?? 'docs',
    baseUrl: options.baseUrl,
    primaryColor: options.primaryColor ?? CONFIG_SCHEMA.properties.primary_color.default,
    local: options.local ?? activeSchemaModel().local,
    articles,
  };
}
