import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { build, transform } from 'esbuild';
import { analysisFingerprint, analysisSources, SHIPPED_SOURCES_FILE } from '../core/load/analysis-cache';
import { buildPrebuiltCms } from '../editing/client-bundle';
import { TOOLS } from '../runtime/commands.cjs';
import { CLIENT_DIR, DIST_DIR, ROOT } from '../runtime/layout.cjs';
import { buildPrebuilt } from '../runtime/typescript-bundle.cjs';

/**
 * `npm run build:package` (run by `npm pack` as `prepack`): what the installed package runs
 * instead of the TypeScript sources (src/runtime/layout.cjs):
 * - dist/: one CommonJS bundle per entry point – every command of the binary, the analysis
 *   worker, the Docusaurus plugins and the wiki's Docusaurus configuration – and the browser
 *   editor of /admin/ (dist/cms/cms.js, cms.css and Decap's config check decap-config-check.cjs: src/editing/client-bundle.ts);
 * - lib/: the browser code (theme, components, start page and what they import) as plain
 *   JavaScript modules with the folders of src/, because Docusaurus compiles no TypeScript
 *   inside node_modules; the CSS files beside them.
 * Built into temporary folders and swapped in at the end, so a failed build leaves the old one.
 */

/** Entry points run outside the binary's commands: by Docusaurus or as a worker thread. */
const SERVER_ENTRIES = ['src/plugin/docs.ts', 'src/plugin/index.ts', 'src/search/plugin.ts', 'src/site/wiki-config.ts', 'src/core/load/parallel/worker.ts'];

export const LIB_DIR = join(ROOT, 'lib');

export interface PackageBuild {
  bundles: string[];
  clientFiles: string[];
}

/** All entry points that get a prebuilt bundle (paths relative to the package root). */
export function prebuiltEntries(): string[] {
  return [...Object.keys(TOOLS).map((command) => `scripts/${command}.ts`), ...SERVER_ENTRIES];
}

/** The browser modules Docusaurus loads from us: theme components, dashboards, start page. */
function clientEntries(): string[] {
  const entries: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) entries.push(path);
    }
  };
  for (const folder of ['theme', 'components', 'pages']) walk(join(CLIENT_DIR, folder));
  return entries;
}

/** Every source file the browser entries reach (own files only; packages stay imports). */
async function clientClosure(entries: string[]): Promise<string[]> {
  const result = await build({
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    outdir: join(ROOT, '.client-closure'),
    logLevel: 'silent',
    packages: 'external',
    external: ['@theme/*', '@theme-original/*', '@theme-init/*', '@docusaurus/*', '@generated/*', '@site/*', '*.css'],
    loader: { '.json': 'json' },
  });
  return Object.keys(result.metafile.inputs)
    .map((path) => join(ROOT, path))
    .filter((path) => path.startsWith(CLIENT_DIR + sep) && /\.tsx?$/.test(path));
}

/** Writes lib/ into `out`: each browser module as JavaScript at its place under src/, and the CSS. */
async function buildClient(out: string): Promise<string[]> {
  const files = await clientClosure(clientEntries());
  const written: string[] = [];
  for (const file of files) {
    const { code } = await transform(readFileSync(file, 'utf8'), {
      loader: file.endsWith('x') ? 'tsx' : 'ts',
      format: 'esm',
      target: 'es2020',
      jsx: 'automatic',
      sourcefile: relative(ROOT, file),
    });
    const target = join(out, relative(CLIENT_DIR, file).replace(/\.tsx?$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
    written.push(target);
  }
  cpSync(CLIENT_DIR, out, { recursive: true, filter: (path) => path.endsWith('.css') || statSync(path).isDirectory() });
  return written;
}

/** Builds dist/ and lib/ of the package (see above). */
export async function buildPackage(): Promise<PackageBuild> {
  const stamp = `.${process.pid}.tmp`;
  const distTmp = DIST_DIR + stamp;
  const libTmp = LIB_DIR + stamp;
  rmSync(distTmp, { recursive: true, force: true });
  rmSync(libTmp, { recursive: true, force: true });
  try {
    const bundles: string[] = [];
    for (const entry of prebuiltEntries()) bundles.push(await buildPrebuilt(join(ROOT, entry), distTmp));
    bundles.push(...(await buildPrebuiltCms(distTmp)));
    writeFileSync(join(distTmp, relative(DIST_DIR, SHIPPED_SOURCES_FILE)), analysisFingerprint({}, analysisSources()));
    const clientFiles = await buildClient(libTmp);
    for (const [tmp, final] of [[distTmp, DIST_DIR], [libTmp, LIB_DIR]] as const) {
      rmSync(final, { recursive: true, force: true });
      renameSync(tmp, final);
    }
    return { bundles: bundles.map((path) => join(DIST_DIR, relative(distTmp, path))), clientFiles: clientFiles.map((path) => join(LIB_DIR, relative(libTmp, path))) };
  } finally {
    rmSync(distTmp, { recursive: true, force: true });
    rmSync(libTmp, { recursive: true, force: true });
  }
}
