/**
 * `npm run plan -- [--docs DIR] [--today YYYY-MM-DD] [--format table|csv|json|md|html] [--out FILE]`
 * The digitalisation plan (knowledge-model.md §8): bundles, effort against capacity, problems.
 */
import { Option } from 'commander';
import pc from 'picocolors';
import { loadWikiForCommand, noCacheOption } from '../src/cli/load';
import { choiceOption, createProgram, docsOption, EXIT, parseToday, runCli, todayOption } from '../src/cli/run';
import { buildCoverageIndex, isUsable } from '../src/coverage/coverage';
import { FRONT_MATTER_RULES } from '../src/core/finding';
import { buildPlan, hasProblems } from '../src/plan/plan';
import { formatPlan, PLAN_FORMATS, type PlanFormat } from '../src/plan/format/index';
import { validateWiki } from '../src/validate/validate';
import { RULES } from '../src/validate/rules/index';
import { writeFileAtomic } from '../src/core/fs-atomic';
import { readWikiConfig } from '../src/core/config';
import { requireCurrentContract } from '../src/migrate/contract';

const program = createProgram('plan', 'Zeigt den Stand des Digitalisierungsplans: Digitalbündel, Aufwand gegen Kapazität, überfällige Prozesse und fehlende DigiChecks.')
  .addOption(docsOption())
  .addOption(todayOption())
  .addOption(choiceOption('--format <format>', 'Ausgabeformat', PLAN_FORMATS, 'table'))
  .addOption(new Option('--out <datei>', 'Bericht in diese Datei schreiben (statt auf die Standardausgabe)'))
  .addOption(noCacheOption());

void runCli(program, async () => {
  const o = program.opts<{ docs: string; today?: string; format: PlanFormat; out?: string; cache: boolean }>();
  const today = parseToday(o.today);
  requireCurrentContract(readWikiConfig(process.cwd()));
  // The plan reads front matter only: no Markdown body is analysed without a cache.
  const wiki = await loadWikiForCommand(o.docs, { cache: o.cache, label: 'Lese Wiki', bodies: [] });
  const index = buildCoverageIndex(wiki, validateWiki(wiki, today, RULES.filter((rule) => FRONT_MATTER_RULES.includes(rule.id))));
  const plan = buildPlan(wiki, today, (article) => isUsable(index, article));
  const colour = o.out === undefined && process.stdout.isTTY === true && pc.isColorSupported;
  const output = formatPlan(plan, o.format, { paint: colour ? pc : undefined, width: process.stdout.columns ?? 120 });
  if (o.out) {
    writeFileAtomic(o.out, output);
    process.stderr.write(`Bericht geschrieben: ${o.out} (${plan.summary.processes} Prozesse, ${plan.summary.done} digital oder online)\n`);
  } else {
    process.stdout.write(output);
  }
  return hasProblems(plan) ? EXIT.findings : EXIT.ok;
});
