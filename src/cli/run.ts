import { Command, CommanderError, Option } from 'commander';
import { formatIsoDate, localToday, parseIsoDate, type CalendarDate } from '../core/dates';
import { UsageError } from '../core/wiki';
import { useWikiExtensions } from '../core/schema/extensions';

/** Exit codes of the contract: 0 fine, 1 findings/flagged rows, 2 usage or I/O error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const HELP_TITLES: Record<string, string> = { 'Usage:': 'Aufruf:', 'Options:': 'Optionen:', 'Arguments:': 'Argumente:', 'Commands:': 'Befehle:' };

/** A command with German help texts and commander's errors turned into exit 2. */
export function createProgram(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .usage('[optionen]')
    .helpOption('-h, --help', 'diese Hilfe anzeigen')
    .configureHelp({
      styleTitle: (title) => HELP_TITLES[title] ?? title,
      optionDescription: (option) =>
        `${option.description}${option.mandatory ? ' (Pflicht)' : ''}${option.defaultValue !== undefined && option.defaultValue !== false ? ` (Vorgabe: ${option.defaultValueDescription ?? String(option.defaultValue)})` : ''}`,
    })
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) })
    .exitOverride()
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
}

export function docsOption(): Option {
  return new Option('--docs <ordner>', 'Wiki-Ordner').default(process.env.DOCS_DIR || 'docs', '$DOCS_DIR oder docs');
}

export function todayOption(): Option {
  return new Option('--today <YYYY-MM-DD>', 'Prüfdatum (Vorgabe: heute)');
}

/** Parses `--today`; a wrong value is a usage error. */
export function parseToday(value: string | undefined): CalendarDate {
  if (value === undefined) return localToday();
  const date = parseIsoDate(value);
  if (!date) throw new UsageError(`--today erwartet ein Datum im Format JJJJ-MM-TT, z. B. ${formatIsoDate(localToday())}; erhalten: „${value}“`);
  return date;
}

function germanCommanderMessage(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return `Unbekannte Option „${quoted}“. Alle Optionen: --help`;
    case 'commander.optionMissingArgument':
      return `Option „${quoted.split(' ')[0]}“ braucht einen Wert.`;
    case 'commander.invalidArgument':
      return error.message.replace(/^error: /, '');
    case 'commander.excessArguments':
      return 'Zu viele Argumente. Aufruf siehe --help';
    case 'commander.missingMandatoryOptionValue':
      return `Pflichtoption „${quoted.split(' ')[0]}“ fehlt. Aufruf siehe --help`;
    case 'commander.missingArgument':
      return `Argument „${quoted}“ fehlt. Aufruf siehe --help`;
    default:
      return error.message.replace(/^error: /, '');
  }
}

/**
 * Runs a CLI body and maps every failure to one German line and exit 2
 * (never a stack trace); the body returns the exit code. Every command works with the
 * wiki in the working directory: its local extensions (erweiterungen/) are in force,
 * and a broken one stops the command before anything is read or written.
 */
export async function runCli(program: Command, body: () => Promise<number> | number, argv = process.argv): Promise<void> {
  let code: number;
  try {
    program.parse(argv);
    useWikiExtensions(process.cwd());
    code = await body();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
        code = EXIT.ok;
      } else {
        process.stderr.write(`${program.name()}: ${germanCommanderMessage(error)}\n`);
        code = EXIT.usage;
      }
    } else if (error instanceof UsageError) {
      process.stderr.write(`${program.name()}: ${error.message}\n`);
      code = EXIT.usage;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${program.name()}: Unerwarteter Fehler: ${message}\n`);
      code = EXIT.usage;
    }
  }
  process.exitCode = code;
}

/** `choices` with a German error message. */
export function choiceOption(flags: string, description: string, choices: readonly string[], fallback: string): Option {
  return new Option(flags, `${description} (${choices.join('|')})`)
    .default(fallback)
    .argParser((value: string) => {
      if (!choices.includes(value)) throw new UsageError(`${flags.split(' ')[0]} erwartet ${choices.join(' oder ')}; erhalten: „${value}“`);
      return value;
    });
}

/** A whole-number option within [min, max]; anything else ("zwölf", "1.5") is a usage error. */
export function wholeNumber(flag: string, min: number, max: number): (value: string) => number {
  return (value: string) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
      throw new UsageError(`${flag} erwartet eine ganze Zahl von ${min} bis ${max}; erhalten: „${value}“`);
    }
    return Number(value);
  };
}
