/**
 * Splitting German compounds into known words: `gaststättenerlaubnis` → `gaststätten` +
 * `erlaubnis`, `melderegisterauskunft` → `melde` + `register` + `auskunft`.
 *
 * A part counts when it is a known word – by its stem a word of the wiki's own vocabulary
 * or of the curated administrative word parts, or as it stands a noun form of the German
 * lexicon (index build only, src/search/lexicon.ts) – and it is long enough: at least four
 * letters, or one of a few short nouns (`amt`, `rat`, `ehe` …). Function words (`unter`,
 * `vor`, `wieder`) never count, so `Unterlagen` or `Vorsprache` stay whole. German linking
 * elements (-s-, -es-, -n-, -en-, -e-) may stand between parts; after -ung, -heit, -keit,
 * -schaft and -ion the linking s is obligatory (`Vermessungs|amt`, never `Vermessung|samt`).
 * The first part may be unknown when it ends in such a suffix plus s (`Sondernutzungs|
 * erlaubnis`): compounds are right-headed, and that ending marks a noun modifier.
 * Among all splits the one with the fewest unknown parts wins, then the one with the
 * fewest parts (the coarsest), then the more common parts, then the fewest linking letters.
 *
 * Works on folded words (ä→a, ö→o, ü→u, ß→ss, as the stemmer folds) and is pure.
 */
import { fold, isLetterWord, isStopWord, stem } from './german';

/** Nouns shorter than four letters that may be compound parts. */
export const SHORT_PARTS: ReadonlySet<string> = new Set(['amt', 'art', 'bau', 'ehe', 'gas', 'hof', 'kur', 'ort', 'rat', 'tag', 'zug', 'zoo']);

/** Endings that are also words (`Ende`, `innen`) but in a compound are mostly suffixes: `Mitarbeit|ende`. */
const SUFFIX_LIKE = new Set(['erin', 'erinnen', 'heit', 'innen', 'keit', 'lich', 'liche', 'lichen', 'licher', 'liches', 'schaft', 'schaften']);
/** Prefixes that are also nouns (`Miss`) but never begin a compound: `Miss|brauch` is a derivation. */
const PREFIX_LIKE = new Set(['miss']);
/** `Ende` as a part only after a linking s: `Monats|ende`, `Jahres|ende`, not `Anzeig|enden`, `Reis|ende`. */
const ENDE = new Set(['ende', 'enden', 'endem', 'ender', 'endes']);
/** Stems of words that look like compounds but are not (`Diens|tag`, `Kont|akt`), and the weekdays. */
const NEVER_SPLIT = new Set(['kontakt', ...['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'sonnabend'].map(stem)]);
/**
 * Prefixes of derived nouns: when the rest of the word is itself a noun (`ver|brauch`,
 * `ab|teilungen`), the first part must be the prefix plus a known word (`Ab|schluss|prüfung`),
 * never a noun that swallows the prefix (`Verb|rauch`, `Abtei|lungen`).
 */
const DERIVATION_PREFIXES = ['ab', 'an', 'auf', 'aus', 'be', 'bei', 'ein', 'ent', 'er', 'ge', 'miss', 'um', 'un', 'ur', 'ver', 'vor', 'zer', 'zu'];
/** Suffixes after which a non-final part takes the linking s (`Ordnungs|amt`, `Sicherheits|dienst`). */
const LINKING_S_SUFFIXES = ['ung', 'heit', 'keit', 'schaft', 'ion'];
/** Letters an unknown first part must have before its suffix (`sondernutz|ungs`, not `n|ungs`). */
const MIN_UNKNOWN_STEM = 4;

/** Linking elements; `-er-` is left out (`Kinder` stems to `kind` anyway, and `weit|er|leitung` is wrong). */
const LINKERS = ['s', 'es', 'n', 'en', 'e'];
const MIN_PART = 4;
/** Letters an inflected part may carry beyond its stem (`anmeld|ungen`). */
const MAX_ENDING = 6;
const MAX_WORD = 48;
/** The frequency of a part that only the lexicon knows (a wiki word counts at least 1). */
const LEXICON_ONLY = 0.5;

export interface Compound {
  /** The folded word. */
  word: string;
  /** The parts as they stand in the folded word (linking elements left out). */
  parts: string[];
  /** Start and end offset of each part in the folded word. */
  spans: Array<[number, number]>;
}

/**
 * A German lexicon for the index build (src/search/lexicon.ts loads it; the browser never
 * sees it): folded noun forms, which may be any part, and forms that only begin a
 * compound (`schul` from Schule, `pruf` from prüfen).
 */
export interface Lexicon {
  nouns: ReadonlySet<string>;
  modifiers: ReadonlySet<string>;
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

function isAcceptablePart(part: string, start: number): boolean {
  if (part.length < MIN_PART && !SHORT_PARTS.has(part)) return false;
  if (SUFFIX_LIKE.has(part) || isStopWord(part)) return false;
  if (start === 0 && PREFIX_LIKE.has(part)) return false;
  return true;
}

const needsLinkingS = (part: string) => LINKING_S_SUFFIXES.some((suffix) => part.endsWith(suffix));

/**
 * Dynamic programming over the boundaries where a part starts: from boundary i, the part
 * word[i, j) leads to boundary j, or past a linking element that follows it (never at the
 * end of the word). Splits are compared as the module comment says.
 */
function createDecompounder(vocabulary: PartVocabulary): Decompounder {
  const splits = new Map<string, Compound | undefined>();
  const extras = new Map<string, string[]>();

  interface Step { unknown: number; parts: number; weight: number; linkers: number; partStart: number; partEnd: number; prev: number }
  const better = (a: Step, b: Step | undefined) => {
    if (!b) return true;
    if (a.unknown !== b.unknown) return a.unknown < b.unknown;
    if (a.parts !== b.parts) return a.parts < b.parts;
    if (Math.abs(a.weight - b.weight) > 1e-9) return a.weight > b.weight;
    return a.linkers < b.linkers;
  };
  const isKnown = (word: string, i: number, j: number) => vocabulary.partEnds(word, i).includes(j);

  /** For `ver|brauch`: the length of a prefix whose rest is a known word, else 0. */
  function derivationPrefix(word: string): number {
    for (const prefix of DERIVATION_PREFIXES) {
      if (word.length - prefix.length >= MIN_PART && word.startsWith(prefix) && isKnown(word, prefix.length, word.length)) return prefix.length;
    }
    return 0;
  }

  function splitFolded(word: string): Compound | undefined {
    const L = word.length;
    const atBoundary: Array<Step | undefined> = new Array(L + 1);
    atBoundary[0] = { unknown: 0, parts: 0, weight: 0, linkers: 0, partStart: -1, partEnd: -1, prev: -1 };
    const prefix = derivationPrefix(word);
    let whole: Step | undefined;
    const offer = (step: Step, end: number) => {
      if (end === L) {
        if (better(step, whole)) whole = step;
        return;
      }
      if (!needsLinkingS(word.slice(step.partStart, step.partEnd)) && better(step, atBoundary[end])) atBoundary[end] = step;
      for (const linker of LINKERS) {
        const k = end + linker.length;
        if (k < L && word.startsWith(linker, end) && (linker === 's' || !needsLinkingS(word.slice(step.partStart, step.partEnd)))) {
          const linked: Step = { ...step, linkers: step.linkers + linker.length };
          if (better(linked, atBoundary[k])) atBoundary[k] = linked;
        }
      }
    };
    // An unknown first part that ends like a noun before its linking s: `sondernutzungs|…`.
    for (const suffix of LINKING_S_SUFFIXES) {
      for (let at = word.indexOf(`${suffix}s`, MIN_UNKNOWN_STEM); at >= 0; at = word.indexOf(`${suffix}s`, at + 1)) {
        const end = at + suffix.length;
        if (end + 1 + MIN_PART > L) break;
        const step: Step = { unknown: 1, parts: 1, weight: 0, linkers: 1, partStart: 0, partEnd: end, prev: 0 };
        if (better(step, atBoundary[end + 1])) atBoundary[end + 1] = step;
      }
    }
    for (let i = 0; i < L; i++) {
      const from = atBoundary[i];
      if (!from) continue;
      for (const j of vocabulary.partEnds(word, i)) {
        if (i === 0 && j === L) continue;
        const part = word.slice(i, j);
        if (!isAcceptablePart(part, i)) continue;
        if (i === 0 && prefix > 0 && j < L && (j <= prefix || !isKnown(word, prefix, j))) continue;
        // Ende only after a linking s that follows a known word: Monats|ende, not Reis|ende.
        if (ENDE.has(part) && !(word[i - 1] === 's' && word[i - 2] !== 's' && from.partStart >= 0 && isKnown(word, from.partStart, i - 1))) continue;
        offer({
          unknown: from.unknown,
          parts: from.parts + 1,
          weight: from.weight + Math.log(vocabulary.frequency(stem(part))),
          linkers: from.linkers,
          partStart: i,
          partEnd: j,
          prev: i,
        }, j);
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
    let result: Compound | undefined;
    // A feminine agent noun splits as its masculine base: Sachbearbeiter|innen, Einwohner|innen.
    const feminine = /erin(nen)?$/.exec(folded);
    if (splittable && feminine) {
      const base = split(folded.slice(0, feminine.index + 2));
      if (base) {
        const spans = base.spans.map(([s, e], n) => [s, n === base.spans.length - 1 ? folded.length : e] as [number, number]);
        result = { word: folded, parts: spans.map(([s, e]) => folded.slice(s, e)), spans };
      }
    } else if (splittable) {
      result = splitFolded(folded);
    }
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
 * count), the curated administrative parts, which also never split themselves, and – when
 * given – a lexicon's noun forms (any part) and modifier forms (not the last part).
 * Candidate parts of the wiki are found through a prefix tree of the stems (a stem is a
 * prefix of its folded word), so only a handful of candidates per position are stemmed;
 * lexicon forms are looked up as they stand.
 */
export function decompounderFromVocabulary(
  words: Iterable<string> | ReadonlyMap<string, number>, atoms: Iterable<string> = [], lexicon?: Lexicon,
): Decompounder {
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
      if (lexicon) {
        for (let j = i + 3; j <= word.length; j++) {
          const part = word.slice(i, j);
          if (lexicon.nouns.has(part) || (j < word.length && lexicon.modifiers.has(part))) ends.add(j);
        }
      }
      return [...ends].sort((a, b) => a - b);
    },
    // Parts only the lexicon knows count less than words of the wiki: Rechts|amt, not Recht|samt.
    frequency: (s) => counts.get(s) ?? LEXICON_ONLY,
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
