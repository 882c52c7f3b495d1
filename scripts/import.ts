/**
 * `npm run import -- SOURCE --type post|process|guide --department DEPT [--id ID]
 *   [--owner POST] [--title T] [--docs DIR] [--static DIR] [--dry-run]`
 * Imports Word documents (.docx) and Markdown pages of other wikis as articles; never
 * overwrites (a collision stops everything, exit 2).
 */
import { Argument, Option } from 'commander';
import { loadWikiForCommand } from '../src/cli/load';
import { choiceOption, createProgram, docsOption, EXIT, parseToday, runCli, todayOption } from '../src/cli/run';
import { formatImportReport, IMPORT_TYPES, planImport, writeImport, type ImportType } from '../src/authoring/import';

const program = createProgram('import', 'Importiert Word-Dokumente (.docx) und Markdown-Seiten anderer Wikis als Artikel (überschreibt nie).')
  .addArgument(new Argument('<quelle>', '.docx-Datei, .md-Datei oder Ordner davon'))
  .addOption(choiceOption('--type <typ>', 'Artikeltyp', IMPORT_TYPES, 'guide'))
  .addOption(new Option('--department <fachbereich>', 'Kennung des Fachbereichs (Ordner)').makeOptionMandatory())
  .addOption(new Option('--id <kennung>', 'Kennung (Vorgabe: aus dem Dateinamen, nur bei einer Datei)'))
  .addOption(new Option('--owner <stelle>', 'verantwortliche Stelle (Vorgabe: die Stelle selbst bzw. die Leitung des Fachbereichs)'))
  .addOption(new Option('--title <titel>', 'Titel (Vorgabe: aus dem Dokument, nur bei einer Datei)'))
  .addOption(docsOption())
  .addOption(new Option('--static <ordner>', 'Ordner für Bilder und verlinkte Dateien der Website: <ordner>/img/<kennung>/ bzw. <ordner>/files/<kennung>/').default('static'))
  .addOption(new Option('--dry-run', 'nur anzeigen, was geschrieben würde'))
  .addOption(todayOption());

interface Options { type: ImportType; department: string; id?: string; owner?: string; title?: string; docs: string; static: string; dryRun?: boolean; today?: string }

void runCli(program, async () => {
  const o = program.opts<Options>();
  const today = parseToday(o.today);
  const wiki = await loadWikiForCommand(o.docs, { cache: true, label: 'Wiki lesen' });
  const plan = await planImport(wiki, {
    source: program.args[0]!, type: o.type, department: o.department, id: o.id, owner: o.owner, title: o.title,
    docs: o.docs, staticDir: o.static, today,
  });
  if (!o.dryRun) writeImport(plan.writes);
  process.stdout.write(formatImportReport(plan, { dryRun: Boolean(o.dryRun) }));
  if (o.dryRun && plan.files.length === 1) {
    const article = plan.writes.find((w) => w.path.endsWith('.md'))!;
    process.stdout.write(`\n--- ${plan.files[0]!.target} ---\n${String(article.content)}`);
  }
  return EXIT.ok;
});
