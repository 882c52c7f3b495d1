/** `npm run validate -- [--docs DIR] [--today YYYY-MM-DD] [--format text|json|gitlab] [--watch] [--no-cache]` */
import { Option } from 'commander';
import { loadWikiForCommand, noCacheOption } from '../src/cli/load';
import { choiceOption, createProgram, docsOption, EXIT, parseToday, runCli, todayOption } from '../src/cli/run';
import { formatFindingsGitlab } from '../src/validate/format/gitlab';
import { formatFindingsJson } from '../src/validate/format/json';
import { UsageError } from '../src/core/wiki';
import { readWikiConfig } from '../src/core/config';
import { requireCurrentContract } from '../src/migrate/contract';
import { validateWiki } from '../src/validate/validate';
import { printText, watchWiki } from '../src/cli/validate-terminal';

const program = createProgram('validate', 'Prüft alle Artikel des Wikis gegen Schemas und Regeln.')
  .addOption(docsOption())
  .addOption(todayOption())
  .addOption(choiceOption('--format <format>', 'Ausgabeformat', ['text', 'json', 'gitlab'], 'text'))
  .addOption(new Option('--watch', 'nach der ersten Prüfung geänderte Dateien laufend neu prüfen (Strg+C beendet)'))
  .addOption(noCacheOption());

type Options = { docs: string; today?: string; format: 'text' | 'json' | 'gitlab'; watch?: boolean; cache: boolean };

void runCli(program, async () => {
  const options = program.opts<Options>();
  const today = parseToday(options.today);
  requireCurrentContract(readWikiConfig(process.cwd()));
  if (options.watch) {
    if (options.format !== 'text') throw new UsageError(`--watch gibt Text aus; --format ${options.format} geht nur ohne --watch.`);
    return watchWiki(options.docs, options.today === undefined ? undefined : today);
  }
  const wiki = await loadWikiForCommand(options.docs, { cache: options.cache, label: 'Prüfe' });
  const result = validateWiki(wiki, today);
  if (options.format === 'json') {
    process.stdout.write(`${formatFindingsJson(result)}\n`);
  } else if (options.format === 'gitlab') {
    process.stdout.write(`${formatFindingsGitlab(result)}\n`);
  } else {
    printText(result);
  }
  return result.errors > 0 ? EXIT.findings : EXIT.ok;
});
