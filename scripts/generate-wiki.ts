/**
 * `tsx scripts/generate-wiki.ts --articles N --out DIR [--seed S]`
 * Writes a generated benchmark wiki to DIR/docs/, its HR register to DIR/austritte.csv and a
 * full staff export with birth dates to DIR/personalliste.csv
 * (same N and seed → byte-identical files). Refuses a DIR that exists and is not empty.
 */
import { resolve } from 'node:path';
import { Option } from 'commander';
import { createProgram, EXIT, runCli, wholeNumber } from '../src/cli/run';
import { UsageError } from '../src/core/wiki';
import {
  generateWiki, isEmptyOrMissing, MAX_ARTICLES, MIN_ARTICLES, OUTPUT_LAYOUT, REFERENCE_DATE, writeGeneratedWiki,
} from '../src/bench/generate';
import { counted } from '../src/core/german';
import { TYPE_LABELS, TYPE_PLURAL_LABELS } from '../src/core/schema/labels';
import { ARTICLE_TYPES } from '../src/core/schema/schemas';

const program = createProgram('generate-wiki', 'Erzeugt ein Test-Wiki mit N Artikeln und ein passendes Personalregister (frei erfunden, reproduzierbar).')
  .addOption(new Option('--articles <anzahl>', `Anzahl der Artikel (${MIN_ARTICLES}–${MAX_ARTICLES})`).argParser(wholeNumber('--articles', MIN_ARTICLES, MAX_ARTICLES)).makeOptionMandatory())
  .addOption(new Option('--out <ordner>', 'Zielordner (muss leer sein oder fehlen)').makeOptionMandatory())
  .addOption(new Option('--seed <zahl>', 'Startwert des Zufallsgenerators').argParser(wholeNumber('--seed', 0, 2 ** 32 - 1)).default(1));

void runCli(program, () => {
  const options = program.opts<{ articles: number; out: string; seed: number }>();
  const out = resolve(options.out);
  if (!isEmptyOrMissing(out)) throw new UsageError(`Der Zielordner „${options.out}“ ist nicht leer; es wird nichts überschrieben. Wählen Sie einen leeren oder neuen Ordner.`);
  const wiki = generateWiki({ articles: options.articles, seed: options.seed });
  writeGeneratedWiki(out, wiki);
  const c = wiki.manifest.counts;
  process.stdout.write(
    `${options.articles} Artikel erzeugt (Startwert ${options.seed}): ${ARTICLE_TYPES.map((t) => counted(c[t], TYPE_LABELS[t]!, TYPE_PLURAL_LABELS[t]!)).join(', ')}\n` +
      `  Wiki:     ${options.out}/${OUTPUT_LAYOUT.docs}/\n` +
      `  Register: ${options.out}/${OUTPUT_LAYOUT.register} (${wiki.manifest.registerRows} Zeilen)\n` +
      `  Personalliste mit Geburtsdaten: ${options.out}/${OUTPUT_LAYOUT.staff} (${wiki.manifest.staffRows} Zeilen)\n` +
      `Prüfdatum für validate und audit: --today ${REFERENCE_DATE}\n`,
  );
  return EXIT.ok;
});
