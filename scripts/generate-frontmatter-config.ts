/**
 * `npm run gen:editor` — writes frontmatter.json (Front Matter CMS, a VS Code extension)
 * from schemas/*.schema.json: one form per article type. `--check` exits 1 when the
 * committed file is out of date (the tests check the same).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createProgram, EXIT, runCli } from '../src/cli/run';
import { Option } from 'commander';
import { writeFileAtomic } from '../src/core/fs-atomic';
import { formatFrontMatterConfig, FRONTMATTER_CONFIG_PATH } from '../src/authoring/front-matter-cms';

const program = createProgram('gen:editor', 'Erzeugt frontmatter.json (Formulare für Front Matter CMS in VS Code) aus den Schemas.')
  .addOption(new Option('--check', 'nur prüfen, ob frontmatter.json aktuell ist (Exit 1, wenn nicht)'));

void runCli(program, () => {
  const { check } = program.opts<{ check?: boolean }>();
  const content = formatFrontMatterConfig();
  const shown = relative(process.cwd(), FRONTMATTER_CONFIG_PATH) || FRONTMATTER_CONFIG_PATH;
  let current: string | undefined;
  try {
    current = readFileSync(FRONTMATTER_CONFIG_PATH, 'utf8');
  } catch {
    current = undefined;
  }
  if (check) {
    if (current === content) return EXIT.ok;
    process.stderr.write(`${shown} ist veraltet: npm run gen:editor ausführen.\n`);
    return EXIT.findings;
  }
  if (current !== content) writeFileAtomic(FRONTMATTER_CONFIG_PATH, content);
  process.stderr.write(`${current === content ? 'unverändert' : 'geschrieben'}: ${shown}\n`);
  return EXIT.ok;
});
