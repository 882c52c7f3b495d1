import type { FrontMatterEditor } from './front-matter-editor';

/**
 * The contract version of this package (contract/knowledge-model.md): the article types,
 * fields and rules it checks. A wiki records the version it is written for in
 * stellenwissen.config.yaml (`contract`, 1 without the key); `stellenwissen migrate` brings
 * an older wiki up to this one. Raise it together with a step in MIGRATIONS.
 */
export const CONTRACT_VERSION = 1;

/** One step of the contract: version `from` → `from + 1`. */
export interface MigrationStep {
  from: number;
  /** What the step changes, in German (printed by migrate, and by validate on an old wiki). */
  description: string;
  /** Rewrites one article's front matter through the editor; everything else of the file stays. */
  migrate(article: FrontMatterEditor): void;
}

export interface MigrationRegistry {
  /** The version the steps lead to (the package's contract). */
  current: number;
  steps: readonly MigrationStep[];
}

/**
 * The real registry. No step yet: contract 1 is the first. A step goes into its own module
 * under src/migrate/steps/ (e.g. steps/v1-to-v2.ts) and is listed here in order.
 */
export const MIGRATIONS: MigrationRegistry = { current: CONTRACT_VERSION, steps: [] };

/** The steps from `from` to the registry's version, in order; throws when the chain has a gap. */
export function stepsFrom(registry: MigrationRegistry, from: number): MigrationStep[] {
  const steps: MigrationStep[] = [];
  for (let version = from; version < registry.current; version++) {
    const step = registry.steps.find((s) => s.from === version);
    if (!step) throw new Error(`Umstellung von Vertrag ${version} auf ${version + 1} fehlt im Paket.`);
    steps.push(step);
  }
  return steps;
}
