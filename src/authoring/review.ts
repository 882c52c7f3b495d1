import { formatIsoDate, type CalendarDate } from '../core/dates';
import { normaliseText, parseFrontMatter } from '../core/frontmatter';
import { YamlLines } from './yaml-lines';

/**
 * Sets `reviewed` in a file's text and changes no other byte: key order, comments,
 * quoting, BOM and line endings (LF or CRLF) stay as they are. A missing `reviewed`
 * is added as the last key. Returns undefined when the front matter is unusable.
 */
export function setReviewed(original: string, date: CalendarDate): string | undefined {
  const frontMatter = parseFrontMatter(normaliseText(original));
  if (!frontMatter.data) return undefined;
  const value = formatIsoDate(date);
  const lines = new YamlLines(original);
  const line = frontMatter.keyLines.get('/reviewed');
  if (line === undefined) {
    lines.insertLine(frontMatter.endLine, `reviewed: ${value}`);
    return lines.toString();
  }
  return lines.setValue(line, 'reviewed', value) ? lines.toString() : undefined;
}
