/** The core library: no Docusaurus, no console, no process.exit. */
export { analyseArticle, stringList, stringValue, type Article } from './article';
export * from './dates';
export { RULE_IDS, type Finding, type RuleId, type Severity } from './finding';
export { normaliseText, parseFrontMatter, type FrontMatter } from './frontmatter';
export type * from './generated/front-matter';
export { formatFindingsJson } from './report/findings-json';
export { formatFinding, formatFindingsText, formatSummary } from './report/findings-text';
export { RULES } from './rules/index';
export { ARTICLE_TYPES, requiredSections, type ArticleType } from './schema/schemas';
export { validateWiki, type ValidationResult } from './validate';
export { indexWiki, listArticleFiles, loadWiki, UsageError, type Wiki } from './wiki';
