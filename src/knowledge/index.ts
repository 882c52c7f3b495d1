/** The core library: free of Docusaurus, of console output and of process exits. */
export { analyseArticle, stringList, stringValue, type Article } from './article';
export * from './dates';
export { RULE_IDS, type Finding, type RuleId, type Severity } from './finding';
export { normaliseText, parseFrontMatter, type FrontMatter } from './frontmatter';
export { summariseMarkdown, type BodyFacts, type MarkdownSummary } from './markdown';
export type * from './generated/front-matter';
export { formatFindingsJson } from './report/findings-json';
export { formatFindingsGitlab, type GitlabCodeQualityIssue } from './report/findings-gitlab';
export { formatFinding, formatFindingsText, formatSummary } from './report/findings-text';
export { RULES } from './rules/index';
export { ARTICLE_TYPES, requiredSections, type ArticleType } from './schema/schemas';
export { validateWiki, type ValidationResult } from './validate';
export { loadWikiAsync, MIN_FILES_FOR_WORKERS, type LoadOptions, type LoadStats } from './load-wiki';
export { indexWiki, isWikiPath, listArticleFiles, loadWiki, readArticle, UsageError, type Wiki } from './wiki';
export { IncrementalValidation, type FileChange, type FileReport, type WatchUpdate } from './watch';
export { formatWatchUpdate, watchReadyLine, type WatchLine } from './report/watch-text';
export { monthsBetween, runAudit, withinMonths, type AuditOptions, type AuditResult, type FlaggedRow } from './audit';
export { articleRef, buildCoverageIndex, CHECK_IDS, computeCoverage, type CheckId, type CheckState, type CoverageIndex, type Gap, type PostCoverage } from './coverage';
export {
  decodeRegister, detectDelimiter, normaliseHeader, parseColumnMapping, parseReason, parseRegister, REASONS, REGISTER_COLUMNS,
  type ColumnMapping, type DepartureSource, type Reason, type Register, type RegisterColumn, type RegisterEncoding, type RegisterOptions, type RegisterRow,
} from './register';
export { ageReachedOn, retirementAgeMonths, statutoryRetirementDate } from './retirement-date';
export { formatAuditCsv } from './report/audit-csv';
export { formatAuditHtml } from './report/audit-html';
export { formatAuditJson } from './report/audit-json';
export { formatAuditMarkdown } from './report/audit-md';
export { formatAuditTable } from './report/audit-table';
export { CHECK_LABELS, gapText, MISSING_LABELS, REASON_LABELS } from './report/coverage-texts';
export { createFileExclusive, writeFileAtomic } from './fs-atomic';
export { buildProcessRegister, formatProcessRegisterJson, PROCESS_RECORD_KEYS, type ProcessRecord, type ProcessRegister, type SkippedArticle } from './export';
export { formatProcessRegisterCsv, PROCESS_CSV_HEADERS } from './report/process-csv';
export { excelDigits, excelText, toExcelCsv } from './report/excel-csv';
export { planNewArticle, TEMPLATES_DIR, type NewArticleRequest, type NewArticlePlan } from './scaffold';
export * from './report/labels';
export { setReviewed } from './review';
