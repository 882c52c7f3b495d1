/** `npm run migrate -- [--docs DIR] [--dry-run]`: brings the wiki up to the package's contract version. */
import { Option } from 'commander';
import { createProgram, docsOption, EXIT, runCli } from '../src/cli/run';
import { migrateWiki } from '../src/migrate/migrate';
import { formatMigration } from '../src/migrate/report';

const program = createProgram('migrate', 'Stellt das Wiki auf den Vertrag des installierten Pakets um: ändert nur Front Matter und „contract“ in stellenwissen.config.yaml, sonst kein Byte.')
  .addOption(docsOption())
  .addOption(new Option('--dry-run', 'nur zeigen, was sich ändern würde; nichts schreiben'));

void runCli(program, () => {
  const o = program.opts<{ docs: string; dryRun?: boolean }>();
  const { ok, outcome } = migrateWiki({ root: process.cwd(), docsDir: o.docs, dryRun: o.dryRun === true });
  (ok ? process.stdout : process.stderr).write(formatMigration(outcome, o.dryRun === true));
  return ok ? EXIT.ok : EXIT.usage;
});
