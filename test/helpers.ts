import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { CONFIG_FILE, readWikiConfig } from '../src/core/config';
import { UsageError } from '../src/core/wiki';
import { listFiles } from '../src/core/wiki-files';

export const ROOT = resolve(__dirname, '..');
export const MINI_WIKI = join(ROOT, 'test/fixtures/mini-wiki');
/** Two real third-party handbooks, copied into the repository with their licences (test/corpora/README.md). */
export const CORPORA = join(ROOT, 'test/corpora');

/** A port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** Every .md file below `dir`, in sorted order (all folders, also `_`/`.` ones). */
export function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** The TypeScript and CommonJS sources below `dir` (as the wiki lists files: `.`/`_` names skipped). */
export function sourceFiles(dir: string): string[] {
  return listFiles(dir).filter((path) => /\.(?:tsx?|cjs)$/.test(path));
}

export function tempDir(prefix = 'stellenwissen-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/**
 * Copies the mini wiki into a temporary folder and lays `files` over it:
 * plain text replaces/creates a file, `''` removes it, `COPY:<path>` copies
 * another fixture file, `REPLACE:<old>=><new>` edits the fixture's text.
 */
export function overlayWiki(files: Record<string, string | Uint8Array>): string {
  const root = tempDir();
  cpSync(MINI_WIKI, root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    if (content === '') {
      rmSync(target, { force: true });
    } else if (typeof content === 'string' && content.startsWith('COPY:')) {
      writeFileSync(target, readFileSync(join(MINI_WIKI, content.slice(5))));
    } else if (typeof content === 'string' && content.startsWith('REPLACE:')) {
      const [from, to] = content.slice(8).split('=>');
      const original = readFileSync(join(MINI_WIKI, path), 'utf8');
      if (!original.includes(from)) throw new Error(`fixture ${path} does not contain ${JSON.stringify(from)}`);
      writeFileSync(target, original.replace(from, to));
    } else {
      writeFileSync(target, content);
    }
  }
  return root;
}

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/**
 * Runs a real `docusaurus build` of the site in this repository. Every build gets its
 * own generated-files folder and no persistent bundler cache, so builds in parallel test
 * files never clobber each other.
 */
export function buildSite(options: { docsDir?: string; outDir?: string; env?: NodeJS.ProcessEnv } = {}): BuildResult {
  const outDir = options.outDir ?? join(tempDir('stellenwissen-build-'), 'build');
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...options.env };
  if (options.docsDir) env.DOCS_DIR = options.docsDir;
  else delete env.DOCS_DIR;
  env.DOCUSAURUS_GENERATED_FILES_DIR_NAME = join(tempDir('stellenwissen-generated-'), '.docusaurus');
  // Rspack's persistent cache (node_modules/.cache/rspack) is shared by all builds of this
  // repository and hands one build modules of another (e.g. the navbar of docs/ in a build of
  // a fixture wiki under BASE_URL=/wiki/): test builds never use it.
  env.DOCUSAURUS_NO_PERSISTENT_CACHE = '1';
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs'), 'build', '--out-dir', outDir], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 900_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** A temporary wiki root holding only a stellenwissen.config.yaml with `text`. */
export function withConfig(text: string): string {
  const dir = tempDir('stellenwissen-config-');
  writeFileSync(join(dir, CONFIG_FILE), text);
  return dir;
}

/** The lines of the usage error readWikiConfig raises for `text` (fails when it raises none or another). */
export function configProblems(text: string): string[] {
  const dir = withConfig(text);
  try {
    readWikiConfig(dir, dir);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return error.message.split('\n');
  }
  throw new Error('no error');
}
