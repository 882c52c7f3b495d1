/**
 * Edits of single YAML field lines that change no other byte of a file: key order,
 * comments, quoting, indentation, a BOM and line endings (LF or CRLF) stay as they are.
 * Used for front matter (`review`, `migrate`) and for stellenwissen.config.yaml.
 * Lines are 1-based file lines, as in `keyLines` of src/core/frontmatter.ts.
 */
export class YamlLines {
  /** Each line with its own ending, so CRLF and a BOM survive untouched. */
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text.split(/(?<=\n)/);
  }

  toString(): string {
    return this.lines.join('');
  }

  /** The line ending of the nearest line at or before `line` that has one (else after it; else LF). */
  private endingNear(line: number): string {
    const index = Math.min(line, this.lines.length) - 1;
    const ended = (i: number) => this.lines[i]?.endsWith('\n') === true;
    let probe = index;
    while (probe >= 0 && !ended(probe)) probe--;
    if (probe < 0) for (probe = index + 1; probe < this.lines.length && !ended(probe); probe++);
    return this.lines[probe]?.endsWith('\r\n') ? '\r\n' : '\n';
  }

  /**
   * Replaces the scalar value of `key` on `line`, keeping its quote and a trailing
   * comment. False when the line is not a plain one-line `key: value`.
   */
  setValue(line: number, key: string, value: string): boolean {
    const current = this.lines[line - 1];
    if (current === undefined) return false;
    const match = new RegExp(`^(\\uFEFF?[ \\t]*${keyPattern(key)}[ \\t]*:[ \\t]*)(["']?)([^"'#\\r\\n]*?)\\2([ \\t]*(?:#.*)?)(\\r?\\n)?$`).exec(current);
    if (!match) return false;
    const [, prefix, quote, , rest, eol = ''] = match;
    this.lines[line - 1] = `${prefix}${quote}${value}${quote}${rest}${eol}`;
    return true;
  }

  /** Renames `key` on `line` (its value, quoting and comment stay). False when the line does not start with it. */
  renameKey(line: number, key: string, to: string): boolean {
    const current = this.lines[line - 1];
    if (current === undefined) return false;
    const match = new RegExp(`^(\\uFEFF?[ \\t]*(?:-[ \\t]+)?)(["']?)${escapeRegExp(key)}\\2([ \\t]*:)`).exec(current);
    if (!match) return false;
    const [whole, indent, quote, colon] = match;
    this.lines[line - 1] = `${indent}${quote}${to}${quote}${colon}${current.slice(whole.length)}`;
    return true;
  }

  /**
   * Replaces lines `from`..`to` (inclusive) by `texts` (lines without endings);
   * `to = from - 1` inserts before `from`, no texts deletes.
   */
  replaceLines(from: number, to: number, texts: readonly string[]): void {
    const eol = this.endingNear(Math.max(1, from - 1));
    const before = this.lines[from - 2];
    if (texts.length > 0 && before !== undefined && !before.endsWith('\n')) this.lines[from - 2] = before + eol;
    this.lines.splice(from - 1, Math.max(0, to - from + 1), ...texts.map((text) => `${text}${eol}`));
  }

  /**
   * Inserts `text` (one line, without ending) before `line`; `line` one past the last
   * line appends. A file without a final line break gets one first.
   */
  insertLine(line: number, text: string): void {
    const eol = this.endingNear(line - 1);
    const index = Math.min(line - 1, this.lines.length);
    const before = this.lines[index - 1];
    if (before !== undefined && !before.endsWith('\n')) this.lines[index - 1] = before + eol;
    this.lines.splice(index, 0, `${text}${eol}`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The key as written: bare or quoted. */
function keyPattern(key: string): string {
  return `(?:${escapeRegExp(key)}|"${escapeRegExp(key)}"|'${escapeRegExp(key)}')`;
}
