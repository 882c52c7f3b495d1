import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { setReviewed } from '../authoring/review';
import { CONFIG_FILE } from '../core/config';
import { formatIsoDate, type CalendarDate } from '../core/dates';
import { CONTRACT_VERSION } from '../migrate/registry';
import { UsageError } from '../core/wiki';
import { ROOT } from '../runtime/layout.cjs';

/**
 * `stellenwissen init DIR --name "Stadt …"`: a wiki repository holding only the
 * municipality's things – settings, one department with its head's post and the writing
 * guide, a one-line Docusaurus configuration, npm scripts that call the package's binary,
 * a pipeline example, .gitignore and README. Planned in memory, written into a temporary
 * sibling folder and renamed into place: nothing half-written, never over existing files.
 */

/** The starter wiki of the package (init/), its writing guide the sample wiki's own. */
const STARTER_DIR = join(ROOT, 'init');
const WRITING_GUIDE = 'docs/fb10-zentrale-dienste/redaktionsleitfaden.md';
/** What the starter's files are, relative to the package root → path in the new wiki. */
const COPIED: ReadonlyArray<readonly [string, string]> = [
  ['init/docs/fb10-zentrale-dienste/index.md', 'docs/fb10-zentrale-dienste/index.md'],
  ['init/docs/fb10-zentrale-dienste/stelle-10-001.md', 'docs/fb10-zentrale-dienste/stelle-10-001.md'],
  [WRITING_GUIDE, WRITING_GUIDE],
  ['examples/gitlab-ci.yml', 'examples/gitlab-ci.yml'],
  // npm leaves files called .gitignore out of packages.
  ['init/gitignore', '.gitignore'],
];
/** Articles whose review date becomes the day of `init`. */
const ARTICLES = COPIED.map(([, to]) => to).filter((path) => path.startsWith('docs/'));

/** A wiki's npm scripts → the command of the binary they run (the same names as in this repository). */
const SCRIPTS: Record<string, string> = Object.fromEntries([
  ...['start', 'build', 'serve', 'validate', 'audit', 'new', 'review', 'import', 'export', 'migrate', 'edit'].map((name) => [name, name]),
  ['gen:editor', 'editor-config'],
]);

export interface InitRequest {
  /** Full name of the administration, e.g. „Stadt Porta Westfalica“. */
  name: string;
  shortName?: string;
}

/** The package's name and version, for the new wiki's dependency. */
function packageInfo(): { name: string; version: string } {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
}

/** npm package name of the wiki repository: „Stadt Porta Westfalica“ → wiki-stadt-porta-westfalica. */
export function wikiPackageName(name: string): string {
  const ascii = name.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `wiki-${slug || 'verwaltung'}`;
}

/** Every file of the new wiki: relative path → content. */
export function planInit(request: InitRequest, today: CalendarDate): Map<string, string> {
  const name = request.name.trim();
  if (name === '') throw new UsageError('--name darf nicht leer sein, z. B. --name "Stadt Porta Westfalica".');
  const tool = packageInfo();
  const files = new Map<string, string>();
  for (const [from, to] of COPIED) {
    let text = readFileSync(join(ROOT, from), 'utf8');
    if (ARTICLES.includes(to)) text = setReviewed(text, today) ?? text;
    files.set(to, text);
  }
  files.set('package.json', `${JSON.stringify({
    name: wikiPackageName(name),
    private: true,
    description: `Wissenssicherungs-Wiki: ${name}`,
    scripts: Object.fromEntries(Object.entries(SCRIPTS).map(([script, command]) => [script, `stellenwissen ${command}`])),
    dependencies: { [tool.name]: `^${tool.version}` },
    engines: { node: '>=20.19' },
  }, null, 2)}\n`);
  files.set('docusaurus.config.ts', "export { default } from 'stellenwissen/docusaurus';\n");
  // The contract the wiki is written for: a later package version knows which migrations it needs.
  const settings: Record<string, unknown> = { name, ...(request.shortName ? { short_name: request.shortName.trim() } : {}), contract: CONTRACT_VERSION };
  files.set(CONFIG_FILE, [
    '# Einstellungen dieses Wikis: siehe README des Pakets stellenwissen (Betrieb im Rathaus).',
    '# SITE_URL, BASE_URL und EDIT_URL in der Umgebung gehen den Angaben hier vor.',
    stringify(settings).trimEnd(),
    ...accessibilitySettings(today),
    '',
  ].join('\n'));
  files.set('README.md', readFileSync(join(STARTER_DIR, 'README.md'), 'utf8').replaceAll('{{NAME}}', name));
  return files;
}

/**
 * Starting values of the accessibility statement (BITV NRW § 4), for the municipality to check:
 * a new wiki has no sign-language video yet, and its contact is for it to fill in – until then
 * the build warns and the statement says whom to ask.
 */
function accessibilitySettings(today: CalendarDate): string[] {
  const accessibility = {
    status: 'teilweise',
    statement_date: formatIsoDate(today),
    method: 'selbstbewertung',
    limitations: [{
      content: 'Erklärung des Wikis in Deutscher Gebärdensprache',
      reason: 'Das Video ist noch nicht erstellt.',
      alternative: 'Die Seite „Leichte Sprache“ erklärt das Wiki in einfachen Sätzen.',
    }],
  };
  return [
    '',
    '# Erklärung zur Barrierefreiheit (Seite /barrierefreiheit): nach Ihrer Prüfung anpassen –',
    '# status: vollstaendig, teilweise oder nicht; statement_date mindestens einmal im Jahr erneuern.',
    stringify({ accessibility }).trimEnd(),
    '',
    '# Ansprechstelle für Rückmeldungen (Link „Barriere melden“ auf jeder Seite) – eintragen und # entfernen:',
    '# contact:',
    '#   email: barrierefreiheit@verwaltung.example',
    '#   phone: 0000 000-0',
    '#   name: Hauptamt, Team Barrierefreiheit',
  ];
}

/** True when `dir` does not exist or is an empty folder. */
function isEmptyTarget(dir: string): boolean {
  if (!existsSync(dir)) return true;
  return statSync(dir).isDirectory() && readdirSync(dir).length === 0;
}

/**
 * Writes the planned wiki into `dir`, which must be missing or empty (else UsageError,
 * nothing written): all files go into a temporary sibling first, which then takes its place.
 */
export function writeInit(dir: string, files: ReadonlyMap<string, string>, cwd: string = process.cwd()): void {
  const target = resolve(cwd, dir);
  const shown = relative(cwd, target) || '.';
  if (!isEmptyTarget(target)) {
    throw new UsageError(`${shown}: Der Ordner ist nicht leer. „init“ legt ein Wiki nur in einem neuen oder leeren Ordner an und überschreibt nichts.`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.init.tmp`);
  rmSync(temp, { recursive: true, force: true });
  try {
    for (const [path, content] of files) {
      mkdirSync(dirname(join(temp, path)), { recursive: true });
      writeFileSync(join(temp, path), content);
    }
    if (existsSync(target)) rmdirSync(target); // empty (checked above); rmdir fails otherwise
    renameSync(temp, target);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
