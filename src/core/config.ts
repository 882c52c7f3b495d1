import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { fileLineOfPointer, normaliseText, parseYamlFields, type YamlProblem } from './frontmatter';
import type { WikiConfigFile } from './generated/config';
import { translateAgainst, type Properties } from './schema/messages';
import { CONFIG_SCHEMA } from './schema/schemas';
import { UsageError } from './wiki';

/** The wiki's settings file, in the wiki repository's root (next to docs/). */
export const CONFIG_FILE = 'stellenwissen.config.yaml';

/** The settings with their defaults filled in (schemas/config.schema.json). */
export interface WikiConfig {
  name: string;
  shortName: string;
  siteUrl?: string;
  basePath?: string;
  editUrl?: string;
  audit: { horizon: number; lead: number };
  /** The file the settings came from; undefined when there is none (all defaults). */
  file?: string;
}

const AUDIT_DEFAULTS = CONFIG_SCHEMA.properties.audit.properties;
const DEFAULTS: WikiConfig = {
  name: 'Stellenwissen',
  shortName: 'Stellenwissen',
  audit: { horizon: AUDIT_DEFAULTS.horizon.default, lead: AUDIT_DEFAULTS.lead.default },
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
  validate ??= new Ajv2020({ allErrors: true, strict: true, validateSchema: false }).compile(CONFIG_SCHEMA);
  if (!validate(fields.data)) {
    const issues = (validate.errors ?? []).flatMap((error) => translateAgainst(error, CONFIG_SCHEMA.properties as unknown as Properties, fields.data) ?? []);
    // A missing key at the top is reported on line 1.
    const lines = { keyLines: fields.keyLines, endLine: 1 };
    return fail(issues.map((issue) => ({ line: fileLineOfPointer(lines, issue.pointer), column: 1, message: issue.message })));
  }
  const data = fields.data as unknown as WikiConfigFile;
  return {
    name: data.name,
    shortName: data.short_name ?? data.name,
    siteUrl: data.site_url,
    basePath: data.base_path,
    editUrl: data.edit_url,
    audit: { horizon: data.audit?.horizon ?? DEFAULTS.audit.horizon, lead: data.audit?.lead ?? DEFAULTS.audit.lead },
    file: path,
  };
}
