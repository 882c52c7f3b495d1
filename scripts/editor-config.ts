/**
 * `npm run gen:editor` (`stellenwissen editor-config`) — writes frontmatter.json (Front Matter CMS, a VS Code extension)
 * into the wiki root (the working directory) from schemas/*.schema.json and the wiki's
 * erweiterungen/: one form per article type. `--check` exits 1 when the
 * committed file is out of date (the tests check the same).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createProgram, EXIT, runCli } from '../src/cli/run';
import { Option } from 'commander';
import { writeFileAtomic } from '../src/core/fs-atomic';
import { formatFrontMatterConfig, frontMatterConfigPath } from '../src/authoring/front-matter-cms';

const program = createProgram('gen:editor', 'Erzeugt frontmatter.json (Formulare für Front Matter CMS in VS Code) aus den Schemas.')
  .addOption(new Option('--check', 'nur prüfen, ob frontmatter.json aktuell ist (Exit 1, wenn nicht)'));

void runCli(program, () => {
  const { check } = program.opts<{ check?: boolean }>();
  const content = formatFrontMatterConfig();
  const path = frontMatterConfigPath(process.cwd());
  const shown = relative(process.cwd(), path) || path;
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (check) {
    if (current === content) return EXIT.ok;
    process.stderr.write(`${shown} ist veraltet: npm run gen:editor ausführen.\n`);
    return EXIT.findings;
  }
  if (current !== content) writeFileAtomic(path, content);
  process.stderr.write(`${current === content ? 'unverändert' : 'geschrieben'}: ${shown}\n`);
  return EXIT.ok;
});
