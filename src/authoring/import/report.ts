import type { ImportPlan, ImportType } from './plan';
import { counted } from '../../core/german';

/** Front-matter values the import takes from the template: a document rarely says them. */
const TEMPLATE_DEFAULTS: Record<ImportType, string | undefined> = {
  post: 'criticality (medium), deputies ([]), systems ([])',
  process: 'performers ([]), frequency (on-demand), legal_basis, systems, digital.status (analog)',
  guide: undefined,
};

/** The per-file import report a clerk reads, in German. */
export function formatImportReport(plan: ImportPlan, options: { dryRun: boolean }): string {
  const lines: string[] = [];
  lines.push(options.dryRun ? 'Probelauf (--dry-run): nichts geschrieben. Es würde angelegt:' : 'Importiert:');
  for (const file of plan.files) {
    lines.push(`${file.source} → ${file.target}  (${file.id}: ${file.title})`);
    if (file.mapped.length > 0) lines.push(`  Abschnitte zugeordnet: ${file.mapped.map((m) => (m.from === m.to ? m.to : `${m.from} → ${m.to}`)).join('; ')}`);
    if (file.added.length > 0) lines.push(`  Abschnitte ergänzt (mit TODO:): ${file.added.join(', ')}`);
    if (file.dropped.length > 0) lines.push(`  Schlüssel verworfen: ${file.dropped.join(', ')}`);
    if (file.images.length > 0) lines.push(`  Bilder: ${file.images.length} → ${file.images[0]!.replace(/\/[^/]+$/, '/')}`);
    for (const note of file.notes) lines.push(`  ${note}`);
    for (const problem of file.problems) lines.push(`  Hinweis: ${problem}`);
  }
  if (plan.skipped.length > 0) lines.push(`Übersprungen (weder .docx noch .md): ${plan.skipped.join(', ')}`);
  const defaults = TEMPLATE_DEFAULTS[plan.type];
  if (defaults) lines.push(`Aus der Vorlage übernommen, bitte im Front Matter prüfen: ${defaults}.`);
  const images = plan.files.reduce((n, f) => n + f.images.length, 0);
  const todo = plan.files.reduce((n, f) => n + f.placeholders, 0);
  const one = plan.files.length === 1;
  const verb = options.dryRun ? (one ? 'würde importiert' : 'würden importiert') : 'importiert';
  lines.push(`${plan.files.length} ${one ? 'Datei' : 'Dateien'} ${verb}, ${counted(images, 'Bild', 'Bilder')}. Noch auszufüllen: ${todo} Platzhalter „TODO:“ – danach „npm run validate“.`);
  return `${lines.join('\n')}\n`;
}
