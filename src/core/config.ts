import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { fileLineOfPointer, normaliseText, parseYamlFields, type YamlProblem } from './frontmatter';
import { contrastRatio, formatRatio, MIN_CONTRAST, WHITE } from './colours';
import { parseIsoDate } from './dates';
import type { BearbeitenImBrowser, ErklarungZurBarrierefreiheit, Kontakt, SpeicherortDerAnderungen, WikiConfigFile } from './generated/config';
import { translateAgainst, type Properties } from './schema/messages';
import { CONFIG_SCHEMA } from './schema/schemas';
import { UsageError } from './wiki';

/** The wiki's settings file, in the wiki repository's root (next to docs/). */
export const CONFIG_FILE = 'stellenwissen.config.yaml';

/** The settings with their defaults filled in (schemas/config.schema.json). */
export interface WikiConfig {
  name: string;
  /** Contract version the wiki is written for; 1 without the key (src/migrate/contract.ts). */
  contract: number;
  shortName: string;
  siteUrl?: string;
  basePath?: string;
  editUrl?: string;
  audit: { horizon: number; lead: number };
  /** The navbar logo: an existing .svg/.png below the wiki root (absolute path), with its alternative text. */
  logo?: { path: string; alt: string };
  /** `#rrggbb` in lower case, with at least 4.5 : 1 against white (default: the tool's blue). */
  primaryColor: string;
  /** Contact for the accessibility statement and feedback (BITV 2.0 § 4, § 5; issue 17). */
  contact?: Kontakt;
  /** Facts of the accessibility statement (`accessibility`), as written; src/core/accessibility.ts fills the gaps. */
  accessibility?: ErklarungZurBarrierefreiheit;
  /** Browser editing (issue 18), defaults filled in; src/editing/settings.ts derives the rest (api_root). */
  editing: EditingConfig;
  /** The file the settings came from; undefined when there is none (all defaults). */
  file?: string;
}

/** `editing` as written, with the schema's defaults for enabled, backend, branch and review. */
export interface EditingConfig {
  enabled: boolean;
  backend: SpeicherortDerAnderungen;
  baseUrl?: string;
  apiRoot?: string;
  appId?: string;
  repo?: string;
  branch: string;
  review: boolean;
}

const AUDIT_DEFAULTS = CONFIG_SCHEMA.properties.audit.properties;
const EDITING_DEFAULTS = CONFIG_SCHEMA.properties.editing.properties;
const DEFAULTS: WikiConfig = {
  name: 'Stellenwissen',
  contract: CONFIG_SCHEMA.properties.contract.default,
  shortName: 'Stellenwissen',
  audit: { horizon: AUDIT_DEFAULTS.horizon.default, lead: AUDIT_DEFAULTS.lead.default },
  primaryColor: CONFIG_SCHEMA.properties.primary_color.default,
  editing: editingConfig(undefined),
};

let validate: ReturnType<Ajv2020['compile']> | undefined;

/**
 * Reads `dir`/stellenwissen.config.yaml. No file: the defaults (the tool's own name, the
 * contract's audit defaults). A broken file stops the command (UsageError) with one line
 * per problem, `datei:zeile:spalte meldung`, worded like the findings on articles.
 */
export function readWikiConfig(dir: string, cwd: string = process.cwd()): WikiConfig {
  const path = join(dir, CONFIG_FILE);
  let text: string;
  try {
    text = normaliseText(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULTS;
    throw new UsageError(`${path}: Die Einstellungsdatei ist nicht lesbar (${(error as Error).message}).`);
  }
  const shown = relative(cwd, path) || path;
  const fail = (problems: YamlProblem[]) => {
    throw new UsageError(problems.map((p) => `${shown}:${p.line}:${p.column} ${p.message}`).join('\n'));
  };
  if (text.trim() === '') return { ...DEFAULTS, file: path };
  const fields = parseYamlFields(text, 0, { subject: 'Die Einstellungsdatei', within: 'in der Einstellungsdatei', example: 'name: Stadt Auenfurt' });
  if (!fields.data) return fail(fields.problems);
  // Checked against the meta-schema in test/schemas.test.ts, as the article schemas.
  validate ??= compileConfigSchema();
  if (!validate(fields.data)) {
    const issues = (validate.errors ?? []).flatMap((error) => translateAgainst(error, CONFIG_SCHEMA.properties as unknown as Properties, fields.data) ?? []);
    // A missing key at the top is reported on line 1.
    const lines = { keyLines: fields.keyLines, endLine: 1 };
    return fail(issues.map((issue) => ({ line: fileLineOfPointer(lines, issue.pointer), column: 1, message: issue.message })));
  }
  const data = fields.data as unknown as WikiConfigFile;
  const line = (pointer: string) => fileLineOfPointer({ keyLines: fields.keyLines, endLine: 1 }, pointer);
  const checks = [
    checkLogo(dir, data.logo, line('/logo')),
    checkPrimaryColor(data.primary_color, line('/primary_color')),
    checkStatementDate(data.accessibility?.statement_date, line('/accessibility/statement_date')),
    checkEditingReview(data.editing, line(fields.keyLines.has('/editing/review') ? '/editing/review' : '/editing/backend')),
  ];
  const found = checks.filter((p): p is YamlProblem => p !== undefined);
  if (found.length > 0) return fail(found);
  return {
    name: data.name,
    contract: data.contract ?? DEFAULTS.contract,
    shortName: data.short_name ?? data.name,
    siteUrl: data.site_url,
    basePath: data.base_path,
    editUrl: data.edit_url,
    audit: { horizon: data.audit?.horizon ?? DEFAULTS.audit.horizon, lead: data.audit?.lead ?? DEFAULTS.audit.lead },
    ...(data.logo === undefined ? {} : { logo: { path: join(dir, data.logo), alt: data.logo_alt ?? data.name } }),
    primaryColor: (data.primary_color ?? DEFAULTS.primaryColor).toLowerCase(),
    ...(data.contact === undefined ? {} : { contact: data.contact }),
    ...(data.accessibility === undefined ? {} : { accessibility: data.accessibility }),
    editing: editingConfig(data.editing),
    file: path,
  };
}

function editingConfig(editing: BearbeitenImBrowser | undefined): EditingConfig {
  return {
    enabled: editing?.enabled ?? EDITING_DEFAULTS.enabled.default,
    backend: editing?.backend ?? (EDITING_DEFAULTS.backend.default as SpeicherortDerAnderungen),
    ...(editing?.base_url === undefined ? {} : { baseUrl: editing.base_url }),
    ...(editing?.api_root === undefined ? {} : { apiRoot: editing.api_root }),
    ...(editing?.app_id === undefined ? {} : { appId: editing.app_id }),
    ...(editing?.repo === undefined ? {} : { repo: editing.repo }),
    branch: editing?.branch ?? EDITING_DEFAULTS.branch.default,
    review: editing?.review ?? EDITING_DEFAULTS.review.default,
  };
}

function compileConfigSchema(): ReturnType<Ajv2020['compile']> {
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateSchema: false });
  // The German words of enum values (accessibility.status), read by src/core/accessibility.ts.
  ajv.addKeyword({ keyword: 'x-labels', schemaType: 'object' });
  return ajv.compile(CONFIG_SCHEMA);
}

/**
 * Decap's Gitea backend has no editorial workflow (it refuses to start with one): there
 * the two-person rule cannot hold, so `review: false` must be written on purpose.
 */
function checkEditingReview(editing: BearbeitenImBrowser | undefined, line: number): YamlProblem | undefined {
  if (editing?.backend !== 'gitea' || editing.review === false) return undefined;
  return {
    line,
    column: 1,
    message: '„editing.review“ (Prüfung vor dem Veröffentlichen): Mit backend gitea kann das Bearbeiten im Browser keine Pull Requests anlegen – Decap CMS hat für Gitea keinen Ablauf mit Prüfung. Schreiben Sie „review: false“ (Änderungen gehen dann direkt in den Zweig) oder, wenn Ihr Server Forgejo ist, „backend: forgejo“.',
  };
}

/** The schema checks the form JJJJ-MM-TT; the day must also exist (no 2026-02-30). */
function checkStatementDate(date: string | undefined, line: number): YamlProblem | undefined {
  if (date === undefined || parseIsoDate(date) !== undefined) return undefined;
  return { line, column: 1, message: `„accessibility.statement_date“ (Datum der Erklärung): „${date}“ ist kein Kalendertag. Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-11-30.` };
}

/** The logo must be a file (the schema already checked the extension and that it stays below the root). */
function checkLogo(dir: string, logo: string | undefined, line: number): YamlProblem | undefined {
  if (logo === undefined) return undefined;
  let isFile = false;
  try {
    isFile = statSync(join(dir, logo)).isFile();
  } catch {
    isFile = false;
  }
  if (isFile) return undefined;
  return { line, column: 1, message: `„logo“ (Logo): Die Datei „${logo}“ gibt es nicht. Der Pfad gilt ab dem Wurzelordner des Wikis (dem Ordner dieser Datei), z. B. static/img/wappen.svg.` };
}

/** Links and buttons in light mode are the primary colour on white: WCAG 2.1 asks 4.5 : 1. */
function checkPrimaryColor(colour: string | undefined, line: number): YamlProblem | undefined {
  if (colour === undefined) return undefined;
  const ratio = contrastRatio(colour, WHITE);
  if (ratio >= MIN_CONTRAST) return undefined;
  return {
    line,
    column: 1,
    message: `„primary_color“ (Hauptfarbe) „${colour}“ ist auf Weiß zu hell: ${formatRatio(ratio)}, mindestens ${formatRatio(MIN_CONTRAST)} nötig (WCAG 2.1, BITV 2.0) – dunklere Farbe wählen.`,
  };
}
