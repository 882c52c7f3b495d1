/** `npm run export -- --format json|csv [--docs DIR] [--out FILE]` — the process register. */
import { Option } from 'commander';
import { loadWikiForCommand, noCacheOption } from '../src/cli/load';
import { createProgram, docsOption, EXIT, runCli } from '../src/cli/run';
import { buildProcessRegister, formatProcessRegisterJson, type SkippedArticle } from '../src/process-register/build';
import { formatFinding } from '../src/validate/format/text';
import { formatProcessRegisterCsv } from '../src/process-register/csv';
import { localToday } from '../src/core/dates';
import { UsageError } from '../src/core/wiki';
import { writeFileAtomic } from '../src/core/fs-atomic';
import { counted } from '../src/core/german';
import { TYPE_LABELS, TYPE_PLURAL_LABELS } from '../src/core/schema/labels';

const FORMATS = ['json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const program = createProgram('export', 'Exportiert das Prozessregister (alle Prozesse mit gültigen Angaben) für das interkommunale Prozessregister.')
  .addOption(new Option('--format <format>', `Ausgabeformat (${FORMATS.join('|')}): json für Programme, csv für Excel`)
    .makeOptionMandatory()
    .argParser((value: string) => {
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format erwartet ${FORMATS.join(' oder ')}; erhalten: „${value}“`);
      return value;
    }))
  .addOption(docsOption())
  .addOption(new Option('--out <datei>', 'Register in diese Datei schreiben (statt auf die Standardausgabe)'))
  .addOption(noCacheOption());

const REASONS: Record<SkippedArticle['reason'], string> = {
  invalid: 'Prozess mit fehlerhaften Angaben im Front Matter',
  duplicate: 'Prozess, dessen Kennung mehrfach vergeben ist',
  unknown: 'Artikeltyp nicht lesbar – vielleicht ein Prozess',
};

void runCli(program, async () => {
  const o = program.opts<{ format: Format; docs: string; out?: string; cache: boolean }>();
  const wiki = await loadWikiForCommand(o.docs, { cache: o.cache, label: 'Lese Wiki' });
  const register = buildProcessRegister(wiki, localToday());
  const output = o.format === 'json' ? formatProcessRegisterJson(register) : formatProcessRegisterCsv(register);

  for (const skipped of register.skipped) {
    process.stderr.write(`export: übersprungen: ${skipped.file} (${REASONS[skipped.reason]})\n`);
    for (const finding of skipped.findings) process.stderr.write(`  ${formatFinding(finding)}\n`);
  }
  const count = counted(register.processes.length, TYPE_LABELS.process!, TYPE_PLURAL_LABELS.process!);
  if (o.out) {
    writeFileAtomic(o.out, output);
    process.stderr.write(`Register geschrieben: ${o.out} (${count})\n`);
  } else {
    process.stdout.write(output);
  }
  if (register.skipped.length > 0) {
    process.stderr.write(`export: ${count} exportiert, ${register.skipped.length} Datei(en) übersprungen – beheben Sie die Fehler (npm run validate) und exportieren Sie erneut.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
});
