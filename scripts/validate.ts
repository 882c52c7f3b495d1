/** `npm run validate -- [--docs DIR] [--today YYYY-MM-DD] [--format text|json]` */
import pc from 'picocolors';
import { choiceOption, createProgram, docsOption, EXIT, parseToday, runCli, todayOption } from '../src/cli/run';
import { formatFinding, formatFindingsJson, formatSummary, loadWiki, validateWiki } from '../src/knowledge';

const program = createProgram('validate', 'Prüft alle Artikel des Wikis gegen Schemas und Regeln.')
  .addOption(docsOption())
  .addOption(todayOption())
  .addOption(choiceOption('--format <format>', 'Ausgabeformat', ['text', 'json'], 'text'));

void runCli(program, () => {
  const options = program.opts<{ docs: string; today?: string; format: 'text' | 'json' }>();
  const today = parseToday(options.today);
  const result = validateWiki(loadWiki(options.docs), today);
  if (options.format === 'json') {
    process.stdout.write(`${formatFindingsJson(result)}\n`);
  } else {
    const colour = process.stdout.isTTY === true && pc.isColorSupported;
    const paint = (line: string, severity: string) =>
      !colour ? line : line.replace(` ${severity} `, ` ${severity === 'error' ? pc.red(severity) : pc.yellow(severity)} `);
    const lines = result.findings.map((f) => paint(formatFinding(f), f.severity));
    lines.push(colour ? pc.bold(formatSummary(result)) : formatSummary(result));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return result.errors > 0 ? EXIT.findings : EXIT.ok;
});
