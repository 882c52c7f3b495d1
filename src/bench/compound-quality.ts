/**
 * Quality of compound splitting on a word list (test/fixtures/compound-evaluation.tsv):
 * compounds with the parts they must yield, and words that must stay whole. Used by the
 * tests (as a goal) and by `npm run bench` (printed). Pure apart from reading the list.
 *
 *   recall    = compounds whose expected parts are all index terms of the word ÷ compounds
 *   precision = correct splits ÷ all splits, where a split is correct when it is the split
 *               of a compound that yields all its expected parts; any split of a word
 *               that must stay whole is wrong (and so is a compound split without them)
 *
 * "Yields a part" means: the part's stem is among the stems the index adds for the word
 * (Decompounder.extraStems) – exactly what a search for the part matches.
 */
import { readFileSync } from 'node:fs';
import type { Decompounder } from '../search/decompound';
import { fold, stem } from '../search/german';
import { UsageError } from '../core/wiki';

export interface EvaluationWord {
  word: string;
  /** Expected parts; empty for a word that must stay whole. */
  parts: string[];
  line: number;
}

/** Reads the list: `word<TAB>parts separated by spaces` (no parts: stays whole); `#` starts a comment. */
export function readCompoundList(file: string): EvaluationWord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: Wortliste nicht lesbar (${(error as Error).message}).`);
  }
  const words: EvaluationWord[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [word, parts = '', ...rest] = raw.split('\t');
    if (rest.length > 0 || !/^\p{L}+$/u.test(word!.trim())) {
      throw new UsageError(`${file}:${i + 1}: erwartet „Wort<TAB>Teile“ (Teile durch Leerzeichen getrennt, leer = bleibt ganz).`);
    }
    const list = parts.trim() === '' ? [] : parts.trim().split(/\s+/);
    if (list.length === 1) throw new UsageError(`${file}:${i + 1}: ein Kompositum braucht mindestens zwei Teile.`);
    words.push({ word: word!.trim(), parts: list, line: i + 1 });
  });
  return words;
}

export interface CompoundQuality {
  compounds: number;
  wholeWords: number;
  /** Compounds that yield all their expected parts. */
  found: number;
  /** Words the decompounder splits at all. */
  splits: number;
  recall: number;
  precision: number;
  /** Compounds missing a part: word → the parts it yields (empty when not split). */
  missed: Array<{ word: string; expected: string[]; got: string[] }>;
  /** Words that must stay whole but were split, with their parts. */
  wronglySplit: Array<{ word: string; got: string[] }>;
}

const partStem = (part: string) => stem(fold(part));

export function evaluateDecompounder(decompounder: Decompounder, list: readonly EvaluationWord[]): CompoundQuality {
  const quality: CompoundQuality = { compounds: 0, wholeWords: 0, found: 0, splits: 0, recall: 0, precision: 0, missed: [], wronglySplit: [] };
  let correct = 0;
  for (const { word, parts } of list) {
    const compound = decompounder.split(word);
    const got = compound?.parts ?? [];
    if (compound) quality.splits++;
    if (parts.length === 0) {
      quality.wholeWords++;
      if (compound) quality.wronglySplit.push({ word, got });
      continue;
    }
    quality.compounds++;
    const stems = new Set(decompounder.extraStems(word));
    if (parts.every((part) => stems.has(partStem(part)))) {
      quality.found++;
      correct++;
    } else {
      quality.missed.push({ word, expected: parts, got });
    }
  }
  quality.recall = quality.compounds > 0 ? quality.found / quality.compounds : 0;
  quality.precision = quality.splits > 0 ? correct / quality.splits : 1;
  return quality;
}
