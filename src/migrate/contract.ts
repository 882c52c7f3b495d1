import type { WikiConfig } from '../core/config';
import { UsageError } from '../core/wiki';
import { MIGRATIONS, stepsFrom, type MigrationRegistry } from './registry';

/** The command that brings a wiki up to the package's contract. */
export const MIGRATE_COMMAND = '„npx stellenwissen migrate“ (oder „npm run migrate“)';

export function newerContractMessage(wiki: number, installed: number): string {
  return `Dieses Wiki ist für Vertrag ${wiki} geschrieben; installiert ist Stellenwissen für Vertrag ${installed}. Aktualisieren Sie das Paket stellenwissen (package.json).`;
}

/**
 * Why the wiki cannot be checked or built with this package, or undefined when its
 * contract version is the package's. An older wiki would otherwise get hundreds of findings
 * for what one migration fixes; the message names it and what it changes.
 */
export function contractProblem(config: Pick<WikiConfig, 'contract'>, registry: MigrationRegistry = MIGRATIONS): string | undefined {
  const { contract } = config;
  if (contract === registry.current) return undefined;
  if (contract > registry.current) return newerContractMessage(contract, registry.current);
  return [
    `Dieses Wiki ist für Vertrag ${contract} geschrieben; installiert ist Stellenwissen für Vertrag ${registry.current}. Stellen Sie es zuerst mit ${MIGRATE_COMMAND} um – „--dry-run“ zeigt vorher jede Änderung. Die Umstellung ändert nur Front Matter:`,
    ...stepsFrom(registry, contract).map((step) => `  Vertrag ${step.from} → ${step.from + 1}: ${step.description}`),
  ].join('\n');
}

/** Stops a command (exit 2) on a wiki of another contract version. */
export function requireCurrentContract(config: Pick<WikiConfig, 'contract'>, registry: MigrationRegistry = MIGRATIONS): void {
  const problem = contractProblem(config, registry);
  if (problem !== undefined) throw new UsageError(problem);
}
