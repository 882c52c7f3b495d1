/**
 * A placeholder is `TODO:` (contract: `placeholder`): the templates write it, the
 * `placeholder` rule and the coverage check count it. In a body it must not be glued to a
 * preceding letter, digit or underscore; both Markdown readers (remark.ts and the fast
 * scanner) find it with PLACEHOLDER. In a front-matter value any occurrence counts.
 */
export const PLACEHOLDER_MARK = 'TODO:';
export const PLACEHOLDER = new RegExp(`(?<![\\p{L}\\p{N}_])${PLACEHOLDER_MARK}`, 'gu');
