/**
 * German word handling shared by the index build (Node) and the search box (browser):
 * tokenising, stop words and the Snowball stemmer of lunr-languages `de`.
 * Pure: no Node, no DOM, no Docusaurus.
 */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support';
import registerGerman from 'lunr-languages/lunr.de';

interface LunrGerman {
  stemmer: (word: string) => string;
  stopWordFilter: (word: string) => string | undefined;
}

const withGerman = lunr as unknown as typeof lunr & { de?: LunrGerman; stemmerSupport?: unknown };
if (!withGerman.de) {
  if (!withGerman.stemmerSupport) stemmerSupport(lunr);
  registerGerman(lunr);
}
const german = withGerman.de as LunrGerman;

/** Words: runs of letters and digits (so `e-Akte` → `e`, `akte`; `§ 12 PStG` → `12`, `pstg`). */
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words of a text, in order, without one-character words. */
export function tokenize(text: string): string[] {
  const words = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  return words.filter((w) => w.length > 1);
}

/** Stop words with umlauts or ß, folded (compound parts are split in folded form). */
const FOLDED_STOP_WORDS = new Set(['dass', 'fur', 'konnen', 'konnte', 'uber', 'wahrend', 'wurde', 'wurden']);

/** True for German function words (lunr-languages' list: `und`, `der`, `unter`, …), folded or not. */
export function isStopWord(word: string): boolean {
  return german.stopWordFilter(word) === undefined || FOLDED_STOP_WORDS.has(word);
}

const stems = new Map<string, string>();

/** The Snowball stem (lunr-languages `de`): `Eheschließungen` → `eheschliess`; umlauts and ß folded. */
export function stem(word: string): string {
  let result = stems.get(word);
  if (result === undefined) {
    result = german.stemmer(word);
    if (stems.size > 500_000) stems.clear();
    stems.set(word, result);
  }
  return result;
}

/** Lower case with umlauts and ß folded the way the stemmer folds them (for prefix matching). */
export function fold(word: string): string {
  return word.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
}

/** True for a word of letters only (numbers and codes are never split). */
export function isLetterWord(word: string): boolean {
  return /^\p{L}+$/u.test(word);
}
