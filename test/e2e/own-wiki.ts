import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MINI_WIKI, ROOT, tempDir } from '../helpers';

export interface OwnWikiBuild {
  site: string;
  outDir: string;
  /** stdout + stderr of the build (warnings included). */
  output: string;
}

/**
 * Builds a wiki of its own outside this repository's folder – the mini wiki as docs/ plus
 * `files` (path below the wiki → content) – like a wiki made by `stellenwissen init`: its
 * docusaurus.config.ts is the tool's configuration for its folder.
 */
export function buildOwnWiki(files: Record<string, string | Buffer>): OwnWikiBuild {
  const site = tempDir('stellenwissen-own-wiki-');
  cpSync(MINI_WIKI, join(site, 'docs'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), content);
  }
  writeFileSync(join(site, 'docusaurus.config.ts'), `import { createDocusaurusConfig } from ${JSON.stringify(join(ROOT, 'src/site/docusaurus-config'))};\nexport default createDocusaurusConfig(__dirname);\n`);
  symlinkSync(join(ROOT, 'node_modules'), join(site, 'node_modules'), 'dir');
  const outDir = join(site, 'build');
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DOCUSAURUS_NO_PERSISTENT_CACHE: '1' };
  for (const key of ['DOCS_DIR', 'BASE_URL', 'EDIT_URL', 'SITE_URL', 'DOCUSAURUS_GENERATED_FILES_DIR_NAME']) delete env[key];
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs'), 'build', site, '--out-dir', outDir], { cwd: site, env, encoding: 'utf8', timeout: 900_000 });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`Build of the own wiki failed (${result.status}):\n${output}`);
  return { site, outDir, output };
}
