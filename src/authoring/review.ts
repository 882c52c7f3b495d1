import { formatIsoDate, type CalendarDate } from '../core/dates';
import { normaliseText, parseFrontMatter } from '../core/frontmatter';

/**
 * Sets `reviewed` in a file's text and changes no other byte: key order, comments,
 * quoting, BOM and line endings (LF or CRLF) stay as they are. A missing `reviewed`
 * is added as the last key. Returns undefined when the front matter is unusable.
 */
export function setReviewed(original: string, date: CalendarDate): string | undefined {
  const frontMatter = parseFrontMatter(normaliseText(original));
  if (!frontMatter.data) return undefined;
  const value = formatIsoDate(date);
  // Split keeping each line's own ending, so CRLF and a BOM survive untouched.
  const lines = original.split(/(?<=\n)/);
  const line = frontMatter.keyLines.get('/reviewed');
  if (line === undefined) {
    const eol = /\r\n$/.test(lines[frontMatter.endLine - 2] ?? '') ? '\r\n' : '\n';
    lines.splice(frontMatter.endLine - 1, 0, `reviewed: ${value}${eol}`);
    return lines.join('');
  }
  const current = lines[line - 1];
  const match = /^(\uFEFF?\s*reviewed\s*:[ \t]*)(["']?)([^"'#\r\n]*?)\2([ \t]*(?:#.*)?)(\r?\n)?$/.exec(current);
  if (!match) return undefined;
  const [, prefix, quote, , rest, eol = ''] = match;
  lines[line - 1] = `${prefix}${quote}${value}${quote}${rest}${eol}`;
  return lines.join('');
}
