/**
 * `npm run new -- <type> --id ID --department DEPT [--title T] [--owner POST] [--post POST] [--docs DIR]`
 * Creates an article from templates/. In a terminal, missing values are asked for.
 */
import { join } from 'node:path';
import { Argument, Option } from 'commander';
import { createProgram, docsOption, EXIT, parseToday, runCli, todayOption } from '../src/cli/run';
import { ARTICLE_TYPES, ID_PATTERN } from '../src/core/schema/schemas';
import { createFileExclusive } from '../src/core/fs-atomic';
import { loadWiki } from '../src/core/load/load-wiki';
import { UsageError, type Wiki } from '../src/core/wiki';
import { localToday } from '../src/core/dates';
import { planNewArticle } from '../src/authoring/scaffold';
import { stringValue } from '../src/core/article';
import { TYPE_LABELS } from '../src/core/schema/labels';
import { validateWiki } from '../src/validate/validate';

const program = createProgram('new', 'Legt einen neuen Artikel aus der Vorlage an (überschreibt nie).')
  .addArgument(new Argument('[typ]', `Artikeltyp: ${ARTICLE_TYPES.join(', ')}`))
  .addOption(new Option('--id <kennung>', 'Kennung des neuen Artikels, z. B. stelle-32-009'))
  .addOption(new Option('--department <fachbereich>', 'Kennung des Fachbereichs (Ordner)'))
  .addOption(new Option('--title <titel>', 'Titel'))
  .addOption(new Option('--owner <stelle>', 'verantwortliche Stelle (Vorgabe: die Stelle selbst bzw. die Leitung des Fachbereichs)'))
  .addOption(new Option('--post <stelle>', 'bei Übergaben: die Stelle, deren Wissen übergeben wird'))
  .addOption(docsOption())
  .addOption(todayOption());

interface Options { id?: string; department?: string; title?: string; owner?: string; post?: string; docs: string; today?: string }

/** Asks for missing values in a terminal, choosing from the wiki's departments and posts. */
async function ask(wiki: Wiki, type: string | undefined, o: Options): Promise<{ type: string; o: Options }> {
  const { input, select } = await import('@inquirer/prompts');
  const chosenType = type ?? await select({ message: 'Artikeltyp', choices: ARTICLE_TYPES.map((t) => ({ value: t, name: `${TYPE_LABELS[t]} (${t})` })) });
  const departments = [...wiki.departments.entries()].map(([id, a]) => ({ value: id, name: `${stringValue(a, 'title') ?? id} (${id})` }));
  const department = o.department ?? (chosenType === 'department' || departments.length === 0 ? undefined : await select({ message: 'Fachbereich', choices: departments }));
  const id = o.id ?? await input({ message: 'Kennung (Kleinbuchstaben, Ziffern, Bindestriche)', validate: (v) => ID_PATTERN.test(v) || 'z. B. stelle-32-009' });
  const title = o.title ?? (await input({ message: 'Titel (leer lassen: später ausfüllen)' }) || undefined);
  const posts = [...wiki.posts.entries()].map(([p, a]) => ({ value: p, name: `${stringValue(a, 'title') ?? p} (${p})`, department: stringValue(a, 'department') }));
  const local = posts.filter((p) => p.department === department);
  const post = chosenType === 'handover' && !o.post ? await select({ message: 'Welche Stelle wird übergeben?', choices: local.length ? local : posts }) : o.post;
  return { type: chosenType, o: { ...o, id, department, title, post } };
}

void runCli(program, async () => {
  let type = program.args[0] as string | undefined;
  let o = program.opts<Options>();
  const today = o.today ? parseToday(o.today) : localToday();
  const wiki = loadWiki(o.docs);
  const missing = [!type && '<typ>', !o.id && '--id', !o.department && type !== 'department' && '--department'].filter(Boolean);
  if (missing.length > 0) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError(`Es fehlt: ${missing.join(', ')}. Aufruf: npm run new -- post --id stelle-32-009 --department fb32-ordnung`);
    ({ type, o } = await ask(wiki, type, o));
  }
  const plan = planNewArticle(wiki, { type: type!, id: o.id!, department: o.department ?? '', title: o.title, owner: o.owner, post: o.post }, today);
  const target = join(o.docs, plan.relPath);
  if (!createFileExclusive(target, plan.content)) throw new UsageError(`${target} gibt es schon – nichts geschrieben.`);
  const after = validateWiki(loadWiki(o.docs), today).findings.filter((f) => f.file.endsWith(plan.relPath));
  const todo = after.filter((f) => f.rule === 'placeholder').length;
  const other = after.filter((f) => f.rule !== 'placeholder' && f.severity === 'error');
  process.stdout.write(`Angelegt: ${target}\nNoch auszufüllen: ${todo} Platzhalter „TODO:“ – danach „npm run validate“.\n`);
  for (const f of other) process.stdout.write(`Hinweis: ${f.file}:${f.line}:${f.column} ${f.message} [${f.rule}]\n`);
  return EXIT.ok;
});
