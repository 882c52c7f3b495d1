import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseRegister } from '../src/hr/register';
import { articleRef } from '../src/coverage/coverage';
import { buildSite, ROOT, tempDir, type BuildResult } from './helpers';

// One real production build of the bundled sample wiki (docs/), shared by the checks below.
const OUT = join(tempDir('stellenwissen-build-'), 'build');
const HR_DIR = join(ROOT, 'hr');
const SECRET_REGISTER = join(HR_DIR, 'zz-privacy-test-register.csv');
const SECRET_NAME = 'Quirinus Geheimtest-Zweibrück';
let build: BuildResult;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

beforeAll(() => {
  const hadHrDir = existsSync(HR_DIR);
  mkdirSync(HR_DIR, { recursive: true });
  writeFileSync(SECRET_REGISTER, `Stelle;Stelleninhaber;Austrittsdatum;Grund\nstelle-32-001;${SECRET_NAME};01.01.2027;Ruhestand\n`);
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['BASE_URL', 'EDIT_URL', 'SITE_URL']) env[key] = undefined;
  build = buildSite({ outDir: OUT, env });
  rmSync(SECRET_REGISTER, { force: true });
  if (!hadHrDir) rmSync(HR_DIR, { recursive: true, force: true });
}, 900_000);

afterAll(() => rmSync(SECRET_REGISTER, { force: true }));

describe('npm run build on the sample wiki', () => {
  it('succeeds', () => {
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.status).toBe(0);
  });

  it('renders a page for every article, with its title, under its department folder and id', () => {
    const wiki = loadWiki(join(ROOT, 'docs'), ROOT);
    expect(wiki.articles.length).toBeGreaterThanOrEqual(86);
    for (const article of wiki.articles) {
      const ref = articleRef(article);
      const page = join(OUT, ref.path, 'index.html');
      expect(existsSync(page), page).toBe(true);
      const html = readFileSync(page, 'utf8');
      expect(html, ref.path).toContain(ref.title.replace(/&/g, '&amp;'));
    }
  });

  it('contains the writing guide for clerks, linked from the navbar', () => {
    const html = readFileSync(join(OUT, 'fb10-zentrale-dienste/redaktionsleitfaden/index.html'), 'utf8');
    expect(html).toContain('Redaktionsleitfaden');
    expect(html).toContain('npm run new -- post');
    expect(readFileSync(join(OUT, 'index.html'), 'utf8')).toMatch(/href="?\/fb10-zentrale-dienste\/redaktionsleitfaden"?[^>]*>Redaktionsleitfaden/);
  });

  it('has a German start page listing the departments', () => {
    const html = readFileSync(join(OUT, 'index.html'), 'utf8');
    expect(html).toMatch(/<html[^>]+lang=de/);
    expect(html).toContain('Fachbereiche');
  });

  it('contains no name from any HR register (hr/ and the fictional example)', () => {
    const example = parseRegister(readFileSync(join(ROOT, 'examples/personalregister-beispiel.csv'), 'utf8'));
    const names = [SECRET_NAME, ...example.rows.map((r) => r.holder).filter((h) => h.length > 0)];
    expect(names.length).toBeGreaterThan(5);
    for (const file of allFiles(OUT)) {
      const text = readFileSync(file, 'latin1');
      const utf8 = readFileSync(file, 'utf8');
      for (const name of names) expect(utf8.includes(name) || text.includes(name), `${name} in ${file}`).toBe(false);
    }
  });
});
