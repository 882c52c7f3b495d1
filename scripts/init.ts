/**
 * `stellenwissen init DIR --name "Stadt Porta Westfalica" [--short-name "Porta Westfalica"]`
 * Creates a new wiki repository in DIR (missing or empty) that depends on this package.
 */
import { relative, resolve } from 'node:path';
import { Argument, Option } from 'commander';
import { createProgram, EXIT, parseToday, runCli, todayOption } from '../src/cli/run';
import { planInit, writeInit } from '../src/package/init';

const program = createProgram('init', 'Legt ein neues Wiki für eine Verwaltung an (nur in einem neuen oder leeren Ordner).')
  .addArgument(new Argument('<ordner>', 'Ordner des neuen Wikis'))
  .addOption(new Option('--name <name>', 'voller Name der Verwaltung, z. B. „Stadt Porta Westfalica“').makeOptionMandatory())
  .addOption(new Option('--short-name <kurzname>', 'Kurzname für die Navigationsleiste (Vorgabe: der volle Name)'))
  .addOption(todayOption());

void runCli(program, () => {
  const dir = program.args[0]!;
  const o = program.opts<{ name: string; shortName?: string; today?: string }>();
  const files = planInit({ name: o.name, shortName: o.shortName }, parseToday(o.today));
  writeInit(dir, files);
  const shown = relative(process.cwd(), resolve(dir)) || '.';
  process.stdout.write([
    `Wiki „${o.name}“ angelegt in ${shown}/ (${files.size} Dateien).`,
    'Weiter mit:',
    `  cd ${shown}`,
    '  npm install && npm run build',
    '',
  ].join('\n'));
  return EXIT.ok;
});
