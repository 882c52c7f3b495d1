import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importClosure, projectPath, relativeImports } from '../src/core/load/module-graph';
import { ROOT, sourceFiles } from './helpers';


/** The folder under src/ a project file belongs to (`core`, `hr`, …), `scripts`, or another top-level name. */
function roomOf(file: string): string {
  const [top, second, third] = projectPath(ROOT, file).split('/');
  // The editor's browser code is a room above the editor's Node side (which only names its entry).
  if (top === 'src' && second === 'editing' && third === 'client') return 'editing/client';
  return top === 'src' ? second! : top!;
}

/**
 * Which rooms each room may import from (besides itself). The library rooms stack:
 * core ← validate ← coverage ← hr / process-register, and authoring on core and validate.
 * The site (display and build only) never reaches hr: no register row can get into a page.
 */
const ALLOWED: Record<string, string[]> = {
  core: ['runtime'],
  // plan: the digitalisation plan (§8) from front matter alone; validate's rule `plan` uses it.
  plan: ['core'],
  validate: ['core', 'plan'],
  coverage: ['core', 'validate'],
  hr: ['core', 'validate', 'coverage'],
  'process-register': ['core', 'validate', 'coverage'],
  authoring: ['core', 'validate'],
  migrate: ['core', 'authoring'],
  search: ['core'],
  plugin: ['core', 'validate', 'coverage', 'plan', 'process-register', 'search', 'site', 'runtime', 'migrate', 'editing'],
  // editing: where /admin/ lives (its static folder) and whether `npm run edit` is running.
  site: ['core', 'runtime', 'editing'],
  components: ['core', 'coverage', 'plan', 'plugin'],
  theme: ['components', 'plugin', 'search'],
  pages: ['plugin', 'components', 'core', 'coverage'],
  cli: ['core', 'validate'],
  // The package boundary: building the package, creating a wiki with init.
  package: ['core', 'authoring', 'migrate', 'runtime', 'editing'],
  // Browser editing: the Node side (settings, CMS config, admin folder, preview data, bundle) …
  editing: ['core', 'validate', 'authoring', 'runtime'],
  // … and the browser code: the site's cards, components and Markdown rendering over the same rules.
  'editing/client': ['core', 'validate', 'coverage', 'plugin', 'components', 'site', 'editing'],
};
const LIBRARY = ['core', 'plan', 'validate', 'coverage', 'hr', 'process-register', 'authoring', 'migrate', 'package'];
const SITE = ['plugin', 'site', 'search', 'components', 'theme', 'pages', 'editing', 'editing/client'];

describe('rooms of the code: import directions', () => {
  const files = sourceFiles(join(ROOT, 'src'));

  it('every room imports only the rooms below it', () => {
    expect(files.length).toBeGreaterThan(80);
    const wrong: string[] = [];
    for (const file of files) {
      const room = roomOf(file);
      const allowed = ALLOWED[room];
      if (!allowed) continue; // bench, runtime, css: tooling, checked below where it matters
      for (const target of relativeImports(file)) {
        const to = roomOf(target);
        if (to !== room && !allowed.includes(to) && to !== 'schemas') wrong.push(`${projectPath(ROOT, file)} → ${projectPath(ROOT, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('nothing the site is built from reaches hr/, not even through other modules', () => {
    const entries = [join(ROOT, 'docusaurus.config.ts'), ...files.filter((file) => SITE.includes(roomOf(file)))];
    expect(entries.length).toBeGreaterThan(15);
    const reached = importClosure(entries).filter((file) => roomOf(file) === 'hr').map((file) => projectPath(ROOT, file));
    expect(reached).toEqual([]);
    // The check itself sees a real import: the audit reaches hr/ through the same reader.
    expect(importClosure([join(ROOT, 'scripts/audit.ts')]).some((file) => roomOf(file) === 'hr')).toBe(true);
  });

  it('scripts are thin: options, one call into src/, printing – no site code, at most 80 lines', () => {
    const scripts = readdirSync(join(ROOT, 'scripts')).filter((name) => name.endsWith('.ts')).map((name) => join(ROOT, 'scripts', name));
    expect(scripts.length).toBeGreaterThan(8);
    const problems: string[] = [];
    for (const script of scripts) {
      const lines = readFileSync(script, 'utf8').split('\n').length - 1;
      if (lines > 80) problems.push(`${projectPath(ROOT, script)}: ${lines} Zeilen`);
      for (const target of relativeImports(script)) {
        const to = roomOf(target);
        if (![...LIBRARY, 'cli', 'bench', 'editing'].includes(to)) problems.push(`${projectPath(ROOT, script)} → ${projectPath(ROOT, target)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the library has no Docusaurus import, no console output and no process.exit', () => {
    const library = files.filter((file) => LIBRARY.includes(roomOf(file)));
    expect(library.length).toBeGreaterThan(40);
    for (const file of library) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]@docusaurus|require\(['"]@docusaurus/);
      expect(text, file).not.toMatch(/\bconsole\.|process\.exit/);
    }
  });

  it('git ignores HR registers, never the code: nothing under src/, scripts/ or test/ is ignored', () => {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    expect(git('check-ignore', '--no-index', '-q', 'hr/austritte.csv').status).toBe(0);
    expect(git('check-ignore', '--no-index', '-q', 'docs/hr/austritte.csv').status).toBe(0);
    expect(git('check-ignore', '--no-index', '-q', 'src/hr/format/index.ts').status).toBe(1);
    const ignored = git('ls-files', '--others', '--ignored', '--exclude-standard', '--', 'src', 'scripts', 'test', 'schemas', 'bin');
    expect(ignored.status).toBe(0);
    expect(ignored.stdout.split('\n').filter((line) => line !== '' && !line.includes('node_modules'))).toEqual([]);
  });

  it('keeps docs/ and the site free of .mdx (staff content is never executed)', () => {
    const mdx = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? mdx(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : []);
    expect(mdx(join(ROOT, 'docs'))).toEqual([]);
  });
});
