/**
 * `npm run audit -- --register FILE [--docs DIR] [--today D] [--horizon 24] [--lead 6]
 *                   [--sort departure|risk] [--compare PREVIOUS.json]
 *                   [--format table|csv|json|md|html] [--out FILE] [--site-url URL]
 *                   [--columns "post=HEADER,departure=HEADER,…"]`
 */
import { Option } from 'commander';
import pc from 'picocolors';
import { loadWikiForCommand, noCacheOption } from '../src/cli/load';
import { choiceOption, createProgram, docsOption, EXIT, parseToday, runCli, todayOption, wholeNumber } from '../src/cli/run';
import { buildCoverageIndex, COVERAGE_BODIES, COVERAGE_RULES } from '../src/coverage/coverage';
import { AUDIT_FORMATS, formatAudit, type AuditFormat } from '../src/hr/format/index';
import { decodeRegister, parseColumnMapping, parseRegister, readRegisterFile, REGISTER_COLUMNS, type ColumnMapping } from '../src/hr/register';
import { AUDIT_SORTS, runAudit, type AuditSort } from '../src/hr/audit';
import { readPreviousAuditFile } from '../src/hr/compare';
import { validateWiki } from '../src/validate/validate';
import { RULES } from '../src/validate/rules/index';
import { writeFileAtomic } from '../src/core/fs-atomic';
import { readWikiConfig } from '../src/core/config';
import { requireCurrentContract } from '../src/migrate/contract';

const program = createProgram('audit', 'Gleicht das Wiki mit dem Personalregister ab und meldet Stellen, deren Wissen vor dem Austritt nicht gesichert ist.')
  .addOption(new Option('--register <datei>', 'CSV-Export der Personalabteilung (wird nur gelesen)').makeOptionMandatory())
  .addOption(docsOption())
  .addOption(todayOption())
  .addOption(new Option('--horizon <monate>', 'Austritte bis so viele Monate ab heute prüfen (Vorgabe: audit.horizon in stellenwissen.config.yaml, sonst 24)').argParser(wholeNumber('--horizon', 0, 600)))
  .addOption(new Option('--lead <monate>', 'Übergabe ab so vielen Monaten vor dem Austritt verlangen (Vorgabe: audit.lead in stellenwissen.config.yaml, sonst 6)').argParser(wholeNumber('--lead', 0, 600)))
  .addOption(choiceOption('--sort <reihenfolge>', 'Reihenfolge der Zeilen: nach Austritt oder höchstes Risiko zuerst', AUDIT_SORTS, 'departure'))
  .addOption(new Option('--compare <datei>', 'mit einer früheren Auswertung vergleichen (deren Ausgabe mit --format json)'))
  .addOption(choiceOption('--format <format>', 'Ausgabeformat', AUDIT_FORMATS, 'table'))
  .addOption(new Option('--out <datei>', 'Bericht in diese Datei schreiben (statt auf die Standardausgabe)'))
  .addOption(new Option('--site-url <url>', 'Adresse des Intranet-Wikis für Links im HTML-Bericht'))
  .addOption(new Option('--columns <zuordnung>', `Spalten des Registers zuordnen, z. B. "post=Stellen-Nr.,departure=Austritt zum" (${REGISTER_COLUMNS.join(', ')})`).argParser(parseColumnMapping))
  .addOption(noCacheOption());

void runCli(program, async () => {
  const o = program.opts<{ register: string; docs: string; today?: string; horizon?: number; lead?: number; sort: AuditSort; compare?: string; format: AuditFormat; out?: string; siteUrl?: string; columns?: ColumnMapping; cache: boolean }>();
  const today = parseToday(o.today);
  const config = readWikiConfig(process.cwd());
  requireCurrentContract(config);
  const defaults = config.audit;
  const { text, encoding } = decodeRegister(readRegisterFile(o.register));
  const register = parseRegister(text, { columns: o.columns });
  if (register.problems.length > 0) {
    for (const p of register.problems) process.stderr.write(`${o.register}:${p.line}: ${p.message}\n`);
    process.stderr.write(`audit: ${register.problems.length} unbrauchbare Zeile(n) im Register – kein Bericht geschrieben.\n`);
    return EXIT.usage;
  }
  const previous = o.compare === undefined ? undefined : readPreviousAuditFile(o.compare);
  const wiki = await loadWikiForCommand(o.docs, { cache: o.cache, label: 'Lese Wiki', bodies: COVERAGE_BODIES });
  const index = buildCoverageIndex(wiki, validateWiki(wiki, today, RULES.filter((rule) => COVERAGE_RULES.includes(rule.id))));
  const result = runAudit(index, register.rows, { today, horizon: o.horizon ?? defaults.horizon, lead: o.lead ?? defaults.lead, encoding, sort: o.sort, previous });
  const colour = o.out === undefined && process.stdout.isTTY === true && pc.isColorSupported;
  const output = formatAudit(result, o.format, { siteUrl: o.siteUrl, paint: colour ? pc : undefined, width: process.stdout.columns ?? 120 });
  if (o.out) {
    writeFileAtomic(o.out, output);
    process.stderr.write(`Bericht geschrieben: ${o.out} (${result.flagged.length} von ${result.summary.within_horizon} Austritten nicht abgesichert)\n`);
  } else {
    process.stdout.write(output);
  }
  return result.flagged.length > 0 ? EXIT.findings : EXIT.ok;
});
