/** `npm run review -- ID [--docs DIR] [--today YYYY-MM-DD]`: marks an article as reviewed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Argument } from 'commander';
import { createProgram, docsOption, EXIT, parseToday, runCli, todayOption } from '../src/cli/run';
import { formatIsoDate } from '../src/core/dates';
import { loadWiki } from '../src/core/load/load-wiki';
import { UsageError } from '../src/core/wiki';
import { setReviewed } from '../src/authoring/review';
import { stringValue } from '../src/core/article';
import { writeFileAtomic } from '../src/core/fs-atomic';

const program = createProgram('review', 'Setzt „reviewed“ eines Artikels auf das Prüfdatum; sonst bleibt die Datei Byte für Byte gleich.')
  .addArgument(new Argument('<kennung>', 'Kennung des überprüften Artikels'))
  .addOption(docsOption())
  .addOption(todayOption());

void runCli(program, () => {
  const id = program.args[0];
  const o = program.opts<{ docs: string; today?: string }>();
  const date = parseToday(o.today);
  const wiki = loadWiki(o.docs);
  const matches = wiki.byId.get(id) ?? [];
  if (matches.length === 0) throw new UsageError(`Kennung „${id}“ gibt es im Wiki ${o.docs} nicht.`);
  if (matches.length > 1) throw new UsageError(`Kennung „${id}“ ist mehrfach vergeben (${matches.map((a) => a.file).join(', ')}) – erst „npm run validate“ beheben.`);
  const article = matches[0];
  const path = join(o.docs, article.relPath);
  const original = readFileSync(path, 'utf8');
  const updated = setReviewed(original, date);
  if (updated === undefined) throw new UsageError(`${article.file}: Front Matter ist nicht lesbar – erst „npm run validate“ beheben.`);
  if (updated !== original) writeFileAtomic(path, updated);
  process.stdout.write(`${article.file}: reviewed ${stringValue(article, 'reviewed') ?? '(fehlte)'} → ${formatIsoDate(date)}\n`);
  return EXIT.ok;
});
