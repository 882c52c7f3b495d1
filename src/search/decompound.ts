/**
 * Splitting German compounds into words the wiki knows: `gaststättenerlaubnis` →
 * `gaststätten` + `erlaubnis`, `melderegisterauskunft` → `melde` + `register` + `auskunft`.
 *
 * A part counts when its stem is a known stem (a word of the wiki's own vocabulary or of
 * the curated administrative word parts) and it is long enough: at least four letters, or
 * one of a few short nouns (`amt`, `rat`, `ehe` …). Function words (`unter`, `vor`,
 * `wieder`) never count, so `Unterlagen` or `Vorsprache` stay whole. German linking
 * elements (-s-, -es-, -n-, -en-, -e-, -er-) may stand between parts; most are also
 * absorbed by stemming the part (`ordnungs` → `ordnung`). Among all splits the one with
 * the most parts wins (then the one with the fewest linking letters), so every part is
 * as small as the vocabulary allows.
 *
 * Works on folded words (ä→a, ö→o, ü→u, ß→ss, as the stemmer folds) and is pure.
 */
import { fold, isLetterWord, isStopWord, stem } from './german';

/** Nouns shorter than four letters that may be compound parts. */
export const SHORT_PARTS: ReadonlySet<string> = new Set(['amt', 'art', 'bau', 'ehe', 'gas', 'kur', 'ort', 'rat', 'tag', 'zug', 'zoo']);

/** Endings that are also words (`Ende`, `innen`) but in a compound are mostly suffixes: `Mitarbeit|ende`. */
const SUFFIX_LIKE = new Set(['erin', 'erinnen', 'heit', 'innen', 'keit', 'lich', 'liche', 'lichen', 'licher', 'liches', 'schaft', 'schaften']);
/** `Ende` as a part only after a linking s: `Monats|ende`, `Jahres|ende`, not `Anzeig|enden`, `Eheschließ|enden`. */
const ENDE = new Set(['ende', 'enden', 'endem', 'ender', 'endes']);
/** Stems of words that look like compounds but are not (`Diens|tag`, `Kont|akt`). */
const NEVER_SPLIT = new Set(['dienstag', 'kontakt']);

/** Linking elements; `-er-` is left out (`Kinder` stems to `kind` anyway, and `weit|er|leitung` is wrong). */
const LINKERS = ['s', 'es', 'n', 'en', 'e'];
const MIN_PART = 4;
/** Letters an inflected part may carry beyond its stem (`anmeld|ungen`). */
const MAX_ENDING = 6;
const MAX_WORD = 48;

export interface Compound {
  /** The folded word. */
  word: string;
  /** The parts as they stand in the folded word (linking elements left out). */
  parts: string[];
  /** Start and end offset of each part in the folded word. */
  spans: Array<[number, number]>;
}

/** The vocabulary a decompounder checks parts against. */
export interface PartVocabulary {
  /** End offsets j such that `word.slice(i, j)` is a known word (by its stem). */
  partEnds(word: string, i: number): number[];
  /** How common a part is (by stem); 1 when unknown. Ties between splits go to common parts. */
  frequency(stem: string): number;
  /** True for words that are units of their own and never split (the curated parts). */
  isAtom(stem: string): boolean;
}

export interface Decompounder {
  /** The coarsest split of a word into two or more known parts, or undefined. */
  split(word: string): Compound | undefined;
  /**
   * The stems a compound adds to the index besides its own stem: its finest parts (parts
   * split again where they split) and every run of neighbouring ones (`melde`, `register`,
   * `auskunft`, `melderegister`, `registerauskunft`).
   * Empty when the word does not split.
   */
  extraStems(word: string): string[];
}

function isAcceptablePart(part: string, word: string, start: number): boolean {
  if (part.length < MIN_PART && !SHORT_PARTS.has(part)) return false;
  if (SUFFIX_LIKE.has(part) || isStopWord(part)) return false;
  if (ENDE.has(part) && (word[start - 1] !== 's' || word[start - 2] === 's')) return false;
  return true;
}

/**
 * A split is chosen by: fewest parts (the coarsest split: `Schüler|beförderung`, not
 * `Schul|erbe|förderung`), then the most common parts (`Monats|ende`, not `Monat|sende`),
 * then the fewest linking letters. Dynamic programming over the boundaries where a part
 * starts: from boundary i, the part word[i, j) leads to boundary j, or past a linking
 * element that follows it (never at the end of the word).
 */
function createDecompounder(vocabulary: PartVocabulary): Decompounder {
  const splits = new Map<string, Compound | undefined>();
  const extras = new Map<string, string[]>();

  interface Step { parts: number; weight: number; linkers: number; partStart: number; partEnd: number; prev: number }
  const better = (a: Step, b: Step | undefined) =>
    !b || a.parts < b.parts || (a.parts === b.parts && (a.weight > b.weight + 1e-9 || (Math.abs(a.weight - b.weight) <= 1e-9 && a.linkers < b.linkers)));

  function splitFolded(word: string): Compound | undefined {
    const L = word.length;
    const atBoundary: Array<Step | undefined> = new Array(L + 1);
    atBoundary[0] = { parts: 0, weight: 0, linkers: 0, partStart: -1, partEnd: -1, prev: -1 };
    let whole: Step | undefined;
    for (let i = 0; i < L; i++) {
      const from = atBoundary[i];
      if (!from) continue;
      for (const j of vocabulary.partEnds(word, i)) {
        if (i === 0 && j === L) continue;
        const part = word.slice(i, j);
        if (!isAcceptablePart(part, word, i)) continue;
        const step: Step = {
          parts: from.parts + 1,
          weight: from.weight + Math.log(vocabulary.frequency(stem(part))),
          linkers: from.linkers,
          partStart: i,
          partEnd: j,
          prev: i,
        };
        if (j === L) {
          if (better(step, whole)) whole = step;
          continue;
        }
        if (better(step, atBoundary[j])) atBoundary[j] = step;
        for (const linker of LINKERS) {
          const k = j + linker.length;
          if (k < L && word.startsWith(linker, j)) {
            const linked: Step = { ...step, linkers: step.linkers + linker.length };
            if (better(linked, atBoundary[k])) atBoundary[k] = linked;
          }
        }
      }
    }
    if (!whole || whole.parts < 2) return undefined;
    const spans: Array<[number, number]> = [];
    for (let step: Step | undefined = whole; step && step.partStart >= 0; step = atBoundary[step.prev]) {
      spans.unshift([step.partStart, step.partEnd]);
    }
    return { word, parts: spans.map(([s, e]) => word.slice(s, e)), spans };
  }

  function split(word: string): Compound | undefined {
    const folded = fold(word);
    if (splits.has(folded)) return splits.get(folded);
    const splittable = folded.length >= 2 * MIN_PART - 1 && folded.length <= MAX_WORD && isLetterWord(folded)
      && !NEVER_SPLIT.has(stem(folded)) && !vocabulary.isAtom(stem(folded));
    const result = splittable ? splitFolded(folded) : undefined;
    splits.set(folded, result);
    return result;
  }

  /** The finest parts of a word (splitting parts again), as spans of the word. */
  function leaves(folded: string, offset: number, into: Array<[number, number]>): void {
    const compound = split(folded);
    if (!compound) {
      into.push([offset, offset + folded.length]);
      return;
    }
    for (const [s, e] of compound.spans) leaves(folded.slice(s, e), offset + s, into);
  }

  function extraStems(word: string): string[] {
    const folded = fold(word);
    const cached = extras.get(folded);
    if (cached) return cached;
    const result = new Set<string>();
    const spans: Array<[number, number]> = [];
    if (split(folded)) leaves(folded, 0, spans);
    // Every run of neighbouring finest parts: melde, register, auskunft, melderegister, registerauskunft.
    for (let a = 0; a < spans.length; a++) {
      for (let b = a; b < spans.length; b++) {
        if (a === 0 && b === spans.length - 1) continue;
        result.add(stem(folded.slice(spans[a][0], spans[b][1])));
      }
    }
    result.delete(stem(folded));
    const list = [...result].filter((s) => s.length > 1);
    extras.set(folded, list);
    return list;
  }

  return { split, extraStems };
}

/** A prefix tree of stems: finds every known stem that starts at a position of a word. */
class StemTrie {
  private readonly root = new Map<string, unknown>();
  private static readonly END = '$';

  add(value: string): void {
    let node = this.root;
    for (const ch of value) {
      let child = node.get(ch) as Map<string, unknown> | undefined;
      if (!child) node.set(ch, (child = new Map()));
      node = child;
    }
    node.set(StemTrie.END, true);
  }

  /** End offsets k such that word.slice(i, k) is a stem in the trie. */
  endsFrom(word: string, i: number): number[] {
    const ends: number[] = [];
    let node: Map<string, unknown> | undefined = this.root;
    for (let k = i; k < word.length && node; k++) {
      node = node.get(word[k]) as Map<string, unknown> | undefined;
      if (node?.has(StemTrie.END)) ends.push(k + 1);
    }
    return ends;
  }
}

/**
 * For the index build: the vocabulary is the wiki's own words (a list, or a map of word →
 * count) plus the curated administrative parts, which also never split themselves.
 * Candidate parts are found through a prefix tree of the stems (a stem is a prefix of its
 * folded word), so only a handful of candidates per position are stemmed.
 */
export function decompounderFromVocabulary(words: Iterable<string> | ReadonlyMap<string, number>, atoms: Iterable<string> = []): Decompounder {
  const counts = new Map<string, number>();
  const atomStems = new Set<string>();
  const trie = new StemTrie();
  const addWord = (word: string, count: number): string | undefined => {
    const folded = fold(word);
    if (folded.length < 3 || !isLetterWord(folded) || isStopWord(folded)) return undefined;
    const s = stem(folded);
    if (s.length < 3 || isStopWord(s)) return undefined;
    if (!counts.has(s)) trie.add(s);
    counts.set(s, (counts.get(s) ?? 0) + count);
    return s;
  };
  if (words instanceof Map) for (const [word, count] of words) addWord(word, count);
  else for (const word of words as Iterable<string>) addWord(word, 1);
  for (const atom of atoms) {
    const s = addWord(atom, 1);
    if (s) atomStems.add(s);
  }
  return createDecompounder({
    partEnds(word, i) {
      const ends = new Set<number>();
      for (const k of trie.endsFrom(word, i)) {
        for (let j = k; j <= Math.min(word.length, k + MAX_ENDING); j++) {
          if (!ends.has(j) && counts.has(stem(word.slice(i, j)))) ends.add(j);
        }
      }
      return [...ends].sort((a, b) => a - b);
    },
    frequency: (s) => counts.get(s) ?? 1,
    isAtom: (s) => atomStems.has(s),
  });
}

/**
 * For a query word: parts are checked against the stems a loaded index holds
 * (`isKnownStem`), trying every end position (one word, so that is cheap).
 */
export function decompounderFromIndex(isKnownStem: (stem: string) => boolean): Decompounder {
  return createDecompounder({
    partEnds(word, i) {
      const ends: number[] = [];
      for (let j = i + 3; j <= word.length; j++) if (isKnownStem(stem(word.slice(i, j)))) ends.push(j);
      return ends;
    },
    frequency: () => 1,
    isAtom: () => false,
  });
}
