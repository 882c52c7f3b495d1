import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONFIG_FILE, readWikiConfig } from '../core/config';
import { writeFileAtomic } from '../core/fs-atomic';
import { normaliseText, parseYamlFields } from '../core/frontmatter';
import { UsageError } from '../core/wiki';
import { listArticleFiles, requireWikiFolder, toPosix } from '../core/wiki-files';
import { YamlLines } from '../authoring/yaml-lines';
import { newerContractMessage } from './contract';
import { FrontMatterEditor } from './front-matter-editor';
import { MIGRATIONS, stepsFrom, type MigrationRegistry, type MigrationStep } from './registry';

export interface MigrationOptions {
  /** The wiki root: the folder of stellenwissen.config.yaml. */
  root: string;
  /** The articles (`--docs`). */
  docsDir: string;
  registry?: MigrationRegistry;
  /** Paths in messages are relative to this folder. */
  cwd?: string;
}

/** What a migration would do, worked out completely before anything is written. */
export interface MigrationPlan {
  from: number;
  to: number;
  /** Per step, the files it changes and how (German sentences). */
  steps: { step: MigrationStep; files: { file: string; changes: string[] }[] }[];
  /** The settings file and its change of `contract`. */
  config: { file: string; change: string };
  /** New contents, the settings file last. */
  writes: { path: string; content: string }[];
  /** `datei:zeile:spalte meldung`; any problem means nothing is written. */
  problems: string[];
}

export type MigrationOutcome = { current: number } | MigrationPlan;

/** Plans the migration of the wiki to the registry's contract; throws UsageError for a newer wiki. */
export function planMigration(options: MigrationOptions): MigrationOutcome {
  const registry = options.registry ?? MIGRATIONS;
  const cwd = options.cwd ?? process.cwd();
  const shown = (path: string) => toPosix(relative(cwd, path) || path);
  const config = readWikiConfig(options.root, cwd);
  if (config.contract > registry.current) throw new UsageError(newerContractMessage(config.contract, registry.current));
  if (config.contract === registry.current) return { current: registry.current };
  requireWikiFolder(options.docsDir);
  const steps = stepsFrom(registry, config.contract);
  const plan: MigrationPlan = { from: config.contract, to: registry.current, steps: steps.map((step) => ({ step, files: [] })), config: { file: shown(join(options.root, CONFIG_FILE)), change: '' }, writes: [], problems: [] };
  for (const path of listArticleFiles(options.docsDir)) {
    const original = readFileSync(path, 'utf8');
    let text = original;
    for (const [index, step] of steps.entries()) {
      const editor = FrontMatterEditor.open(text);
      if (!(editor instanceof FrontMatterEditor)) {
        plan.problems.push(...editor.problems.map((p) => `${shown(path)}:${p.line}:${p.column} ${p.message} Ohne lesbares Front Matter lässt sich die Datei nicht umstellen.`));
        break;
      }
      step.migrate(editor);
      plan.problems.push(...editor.problems.map((p) => `${shown(path)}:${p.line}:${p.column} ${p.message}`));
      if (editor.changes.length > 0) plan.steps[index].files.push({ file: shown(path), changes: editor.changes });
      text = editor.toString();
    }
    if (text !== original) plan.writes.push({ path, content: text });
  }
  const settings = planConfig(options.root, config.file, plan.from, plan.to, shown);
  if ('problem' in settings) plan.problems.push(settings.problem);
  else {
    plan.config.change = settings.change;
    plan.writes.push(settings.write);
  }
  return plan;
}

/** Sets `contract:` in the settings file, byte-exact elsewhere; a missing key is appended. */
function planConfig(root: string, file: string | undefined, from: number, to: number, shown: (path: string) => string): { write: { path: string; content: string }; change: string } | { problem: string } {
  const path = join(root, CONFIG_FILE);
  const original = file === undefined ? undefined : readFileSync(path, 'utf8');
  const fields = original === undefined ? undefined : parseYamlFields(normaliseText(original), 0, { subject: 'Die Einstellungsdatei', within: 'in der Einstellungsdatei', example: 'name: Stadt Auenfurt' });
  if (original === undefined || !fields?.keyLines.has('/name')) {
    return { problem: `${shown(path)}:1:1 Die Einstellungsdatei fehlt oder nennt keinen Namen; darin wird die Vertragsversion festgehalten. Legen Sie sie mit „name: …“ (Name der Verwaltung) und „contract: ${from}“ an und starten Sie die Umstellung erneut.` };
  }
  const lines = new YamlLines(original);
  const line = fields.keyLines.get('/contract');
  if (line === undefined) {
    lines.insertLine(original.split(/(?<=\n)/).length + 1, `contract: ${to}`);
    return { write: { path, content: lines.toString() }, change: `„contract: ${to}“ ergänzt (vorher ohne Angabe, also Vertrag ${from})` };
  }
  if (!lines.setValue(line, 'contract', String(to))) return { problem: `${shown(path)}:${line}:1 „contract“ ist kein einzeiliger Wert – bitte „contract: ${from}“ schreiben.` };
  return { write: { path, content: lines.toString() }, change: `Zeile ${line}: „contract“ ${from} → ${to}` };
}

/** Writes a problem-free plan, each file atomically, the settings file last. */
export function applyMigration(plan: MigrationPlan): void {
  if (plan.problems.length > 0) throw new Error('applyMigration: the plan has problems');
  for (const { path, content } of plan.writes) writeFileAtomic(path, content);
}

/**
 * The whole command: plan, then (unless a dry run, and only without problems) write.
 * `ok` false means problems were found and nothing was written.
 */
export function migrateWiki(options: MigrationOptions & { dryRun?: boolean }): { ok: boolean; outcome: MigrationOutcome } {
  const outcome = planMigration(options);
  if ('current' in outcome) return { ok: true, outcome };
  if (outcome.problems.length > 0) return { ok: false, outcome };
  if (!options.dryRun) applyMigration(outcome);
  return { ok: true, outcome };
}
