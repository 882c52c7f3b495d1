import type { MigrationOutcome } from './migrate';

/** What `stellenwissen migrate` prints, per step and per file (German). */
export function formatMigration(outcome: MigrationOutcome, dryRun: boolean): string {
  if ('current' in outcome) return `Das Wiki ist schon für Vertrag ${outcome.current} geschrieben, den Vertrag dieses Pakets – nichts umzustellen.\n`;
  const out: string[] = [];
  for (const { step, files } of outcome.steps) {
    out.push(`Vertrag ${step.from} → ${step.from + 1}: ${step.description}`);
    if (files.length === 0) out.push('  keine Datei betroffen');
    for (const { file, changes } of files) out.push(`  ${file}: ${changes.join('; ')}`);
  }
  if (outcome.problems.length > 0) {
    out.push('', ...outcome.problems, '', `migrate: ${outcome.problems.length} Problem(e) – nichts geschrieben. Beheben Sie die genannten Zeilen und starten Sie die Umstellung erneut.`);
    return `${out.join('\n')}\n`;
  }
  const articles = outcome.writes.length - 1;
  out.push(`${outcome.config.file}: ${outcome.config.change}`);
  out.push(dryRun
    ? `Probelauf: nichts geschrieben. Die Umstellung von Vertrag ${outcome.from} auf ${outcome.to} würde ${articles} Artikel und die Einstellungsdatei ändern.`
    : `Umgestellt von Vertrag ${outcome.from} auf ${outcome.to}: ${articles} Artikel und die Einstellungsdatei geändert.`);
  return `${out.join('\n')}\n`;
}
