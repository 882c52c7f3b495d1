import common from '../../../schemas/common.schema.json';
import department from '../../../schemas/department.schema.json';
import guide from '../../../schemas/guide.schema.json';
import handover from '../../../schemas/handover.schema.json';
import post from '../../../schemas/post.schema.json';
import process from '../../../schemas/process.schema.json';
import register from '../../../schemas/register.schema.json';
import config from '../../../schemas/config.schema.json';

/** The schemas as data: the single source of truth for keys, values and sections. */
export const COMMON_SCHEMA = common;
export const TYPE_SCHEMAS = { department, post, process, handover, guide } as const;
export type ArticleType = keyof typeof TYPE_SCHEMAS;
export const ARTICLE_TYPES = Object.keys(TYPE_SCHEMAS) as ArticleType[];
/** One row of HR's register (contract §5, §6): columns, their aliases, the reasons. Never compiled into the site. */
export const REGISTER_SCHEMA = register;
/** The wiki's settings file, stellenwissen.config.yaml (src/core/config.ts). */
export const CONFIG_SCHEMA = config;

/** What a valid id looks like (`$defs/articleId` of the common schema): posts, departments, every article. */
export const ID_PATTERN = new RegExp(common.$defs.articleId.pattern);

export function isArticleType(value: unknown): value is ArticleType {
  return typeof value === 'string' && Object.hasOwn(TYPE_SCHEMAS, value);
}

/** Default review interval, from the common schema. */
export const DEFAULT_REVIEW_MONTHS: number = common.properties.review_months.default;

/** Default DigiCheck interval, from the department schema (knowledge-model.md §8). */
export const DEFAULT_DIGICHECK_MONTHS: number = department.allOf[1]!.properties!.digicheck_months!.default;

/**
 * Other headings that mean a required section, e.g. „Vertretungsregelung“ → Vertretung
 * (`x-section-synonyms` in the type's schema, next to `x-sections`); used by the import.
 */
export function sectionSynonyms(type: ArticleType): Readonly<Record<string, readonly string[]>> {
  const schema: object = TYPE_SCHEMAS[type];
  return 'x-section-synonyms' in schema ? (schema['x-section-synonyms'] as Record<string, string[]>) : {};
}
