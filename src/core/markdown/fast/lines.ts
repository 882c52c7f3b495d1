/**
 * Line predicates of the fast scanner (scanner.ts): what a single line starts with at a
 * position — list marker, ATX heading, fence, thematic break, table delimiter or header
 * row. Each answers from the characters of one line; the block structure is the scanner's.
 */
/** Thrown (not an Error, so no stack trace is captured) when the fast path gives up. */
export const BAIL = Symbol('bail');

export const SPACE = 32;
export const HASH = 35;
const STAR = 42;
const PLUS = 43;
export const DASH = 45;
const DOT = 46;
export const COLON = 58;
export const LT = 60;
export const EQUALS = 61;
export const GT = 62;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const LOWER_X = 120;
export const UPPER_X = 88;
const UNDERSCORE = 95;
export const BACKTICK = 96;
export const PIPE = 124;
export const TILDE = 126;
const CLOSE_PAREN = 41;
export const BOM = 0xfeff;

interface Marker { ordered: boolean; marker: number; length: number; spaces: number; empty: boolean; one: boolean }

export function spacesAt(line: string, pos: number): number {
  let i = pos;
  while (line.charCodeAt(i) === SPACE) i++;
  return i - pos;
}

/** Thematic break at `p`: three or more of the same `*`, `-` or `_`, spaces between. */
export function isThematicBreak(line: string, p: number): boolean {
  const ch = line.charCodeAt(p);
  if (ch !== STAR && ch !== DASH && ch !== UNDERSCORE) return false;
  let count = 0;
  for (let i = p; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === ch) count++;
    else if (c !== SPACE) return false;
  }
  return count >= 3;
}

/** A list item marker at `p` (bullet, or 1–9 digits and `.`/`)`), followed by a space or the line end. */
export function listMarker(line: string, p: number): Marker | undefined {
  const c = line.charCodeAt(p);
  let length: number;
  let ordered = false;
  let marker = c;
  if (c === DASH || c === STAR || c === PLUS) {
    length = 1;
  } else {
    let i = p;
    while (i - p < 9 && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
    if (i === p) return undefined;
    marker = line.charCodeAt(i);
    if (marker !== DOT && marker !== CLOSE_PAREN) return undefined;
    ordered = true;
    length = i - p + 1;
  }
  const after = p + length;
  if (after < line.length && line.charCodeAt(after) !== SPACE) return undefined;
  const spaces = spacesAt(line, after);
  return { ordered, marker, length, spaces, empty: after + spaces >= line.length, one: ordered && length === 2 && c === 49 };
}

/** Depth of an ATX heading at `p`, or 0. */
export function atxDepth(line: string, p: number): number {
  let n = 0;
  while (line.charCodeAt(p + n) === HASH) n++;
  if (n === 0 || n > 6) return 0;
  return p + n === line.length || line.charCodeAt(p + n) === SPACE ? n : 0;
}

/** Length of a fence opening at `p` (0 when none); bails on a backtick fence whose info has a backtick. */
export function fenceOpen(line: string, p: number): number {
  const ch = line.charCodeAt(p);
  if (ch !== BACKTICK && ch !== TILDE) return 0;
  let n = 0;
  while (line.charCodeAt(p + n) === ch) n++;
  if (n < 3) return 0;
  if (ch === BACKTICK && line.indexOf('`', p + n) !== -1) throw BAIL; // inline code, not a fence
  return n;
}

export function isFenceClose(line: string, pos: number, fence: { char: number; length: number }): boolean {
  const ind = spacesAt(line, pos);
  if (ind > 3) return false;
  let i = pos + ind;
  const start = i;
  while (line.charCodeAt(i) === fence.char) i++;
  if (i - start < fence.length) return false;
  return spacesAt(line, i) === line.length - i;
}

/** Result of reading a possible table delimiter row. */
const NOT_DELIMITER = -1;
export const DASHES_ONLY = -2;

/** Cell count of a GFM delimiter row at `p` (micromark's rules), or NOT_DELIMITER / DASHES_ONLY. */
export function delimiterCells(line: string, p: number): number {
  let i = p;
  const n = line.length;
  let seen = false;
  let cells = 0;
  let first = true;
  for (;;) {
    if (line.charCodeAt(i) === PIPE) {
      seen = true;
      i++;
      i += spacesAt(line, i);
      if (i >= n) break;
    } else if (!first) {
      return NOT_DELIMITER;
    }
    first = false;
    let c = line.charCodeAt(i);
    if (c === COLON) {
      seen = true;
      i++;
      if (line.charCodeAt(i) !== DASH) return NOT_DELIMITER;
    } else if (c !== DASH) {
      return NOT_DELIMITER;
    }
    cells++;
    while (line.charCodeAt(i) === DASH) i++;
    if (line.charCodeAt(i) === COLON) {
      seen = true;
      i++;
    }
    i += spacesAt(line, i);
    if (i >= n) break;
    c = line.charCodeAt(i);
    if (c !== PIPE) return NOT_DELIMITER;
  }
  if (cells === 0) return NOT_DELIMITER;
  return seen ? cells : DASHES_ONLY;
}

/** Cell count of a GFM header row (micromark's rules), or -1 when it cannot be one. */
export function headerCells(line: string, p: number): number {
  const n = line.length;
  let i = p;
  let size = 0;
  let sizeB = 0;
  let seen = false;
  if (line.charCodeAt(i) !== PIPE) {
    seen = true;
    sizeB++;
  }
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === SPACE) {
      i++;
      continue;
    }
    sizeB++;
    if (seen) {
      seen = false;
      size++;
    }
    if (c === PIPE) {
      seen = true;
      i++;
      continue;
    }
    while (i < n) {
      const d = line.charCodeAt(i);
      if (d === PIPE || d === SPACE) break;
      if (d === 92 && (line.charCodeAt(i + 1) === 92 || line.charCodeAt(i + 1) === PIPE)) i += 2;
      else i++;
    }
  }
  return sizeB > 1 ? size : -1;
}
