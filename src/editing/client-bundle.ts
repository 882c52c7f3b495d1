import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';
import { writeFileAtomic } from '../core/fs-atomic';
import { CACHE_DIR, CLIENT_DIR, DIST_DIR, FROM_SOURCE, ROOT } from '../runtime/layout.cjs';

/**
 * cms.js and cms.css of the admin folder: the editor's browser code (src/editing/client/entry.tsx
 * with Decap, React and the core rules) bundled by esbuild; beside them, for Node, Decap's own
 * check of the configuration (decap-config-check.cjs, src/editing/decap-config-check.ts), which
 * the browser then skips. Built once per content of their inputs into the wiki's cache folder;
 * the installed package ships a prebuilt copy in dist/cms/ (src/package/build.ts) and never bundles.
 */

/** The files this module builds: the admin folder's two and the check for the build. */
export const CMS_FILES = { js: 'cms.js', css: 'cms.css', check: 'decap-config-check.cjs' } as const;

/** The admin folder's two files (what src/editing/admin-folder.ts writes) and where the check is. */
export interface CmsBundleContent {
  js: Uint8Array;
  css: Uint8Array;
  /** decap-config-check.cjs, to `require` in Node. */
  checkFile: string;
}

/** Bump when the options below change, so an old cached bundle is not reused. */
const FORMAT = 2;
const CACHE = join(CACHE_DIR, 'cms');
/** The prebuilt bundle in the installed package. */
export const PREBUILT_CMS_DIR = join(DIST_DIR, 'cms');

const CONFIG_CHECKED_AT_BUILD = join(CLIENT_DIR, 'editing/client/config-checked-at-build.ts');

/** In the browser, Decap's config check is the stub (client/config-checked-at-build.ts): it ran at build time. */
const configCheckedAtBuild: Plugin = {
  name: 'decap-config-checked-at-build',
  setup(build) {
    build.onResolve({ filter: /\/constants\/configSchema$/ }, ({ importer }) =>
      /decap-cms-core[\\/]dist[\\/]esm[\\/]actions[\\/]config\.js$/.test(importer) ? { path: CONFIG_CHECKED_AT_BUILD } : undefined,
    );
  },
};

/** esbuild options of the bundle (also the package's prebuilt one), writing nothing. */
export function cmsBuildOptions(outDir: string): BuildOptions {
  return {
    entryPoints: [join(CLIENT_DIR, 'editing/client/entry.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    absWorkingDir: ROOT,
    outfile: join(outDir, CMS_FILES.js),
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    // The card's links are plain links here: the preview has no Docusaurus router.
    alias: { '@docusaurus/Link': join(CLIENT_DIR, 'editing/client/link.tsx') },
    loader: { '.svg': 'text', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.module.css': 'local-css', '.css': 'css' },
    plugins: [configCheckedAtBuild],
  };
}

/** Only what Decap's check needs: lib/i18n imports the collections reducer (and with it the UI) for one helper the check never calls. */
const withoutUi: Plugin = {
  name: 'decap-config-check-without-ui',
  setup(build) {
    build.onResolve({ filter: /\/reducers\/collections$/ }, () => ({ path: 'collections', namespace: 'without-ui' }));
    build.onLoad({ filter: /.*/, namespace: 'without-ui' }, () => ({ contents: 'export function selectEntrySlug() { throw new Error("not in the config check"); }', loader: 'js' }));
  },
};

/** esbuild options of decap-config-check.cjs (for Node). */
export function checkBuildOptions(outDir: string): BuildOptions {
  return {
    entryPoints: [join(ROOT, 'src/editing/decap-config-check-entry.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    absWorkingDir: ROOT,
    outfile: join(outDir, CMS_FILES.check),
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [withoutUi],
  };
}

interface CacheMeta {
  key: string;
  inputs: Array<[path: string, hash: string]>;
}

/**
 * esbuild, loaded only when the bundle is built here (never in the installed package, which
 * ships it prebuilt). `require`, not `import()`: the CLI runs as a cached CommonJS bundle
 * from V8's code cache, where a dynamic import has no loader.
 */
function esbuild(): typeof import('esbuild') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('esbuild') as typeof import('esbuild');
}

const hashOf = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The build's fingerprint: format and esbuild version. */
async function buildKey(): Promise<string> {
  const { version } = esbuild();
  return `${FORMAT}:${version}`;
}

function readMeta(): CacheMeta | undefined {
  try {
    return JSON.parse(readFileSync(join(CACHE, 'cms.inputs.json'), 'utf8')) as CacheMeta;
  } catch {
    return undefined;
  }
}

/** True when every recorded input still has the recorded content. */
function isFresh(meta: CacheMeta | undefined, key: string): meta is CacheMeta {
  if (!meta || meta.key !== key || !Array.isArray(meta.inputs)) return false;
  try {
    return meta.inputs.every(([path, hash]) => hashOf(readFileSync(join(ROOT, path))) === hash);
  } catch {
    return false;
  }
}

interface BuiltFiles {
  js: Uint8Array;
  css: Uint8Array;
  check: Uint8Array;
  inputs: string[];
}

/** Bundles the editor and the check into memory, with the inputs they were built from. */
export async function bundleCms(outDir: string): Promise<BuiltFiles> {
  const [browser, node] = await Promise.all([esbuild().build(cmsBuildOptions(outDir)), esbuild().build(checkBuildOptions(outDir))]);
  const outputs = [...browser.outputFiles!, ...node.outputFiles!];
  const output = (name: string) => {
    const file = outputs.find((f) => f.path === join(outDir, name));
    if (!file) throw new Error(`esbuild hat ${name} nicht erzeugt.`);
    return file.contents;
  };
  const browserInputs = Object.keys(browser.metafile!.inputs);
  // A new Decap whose start no longer imports the check from there would check in the browser again.
  if (!browserInputs.includes(relative(ROOT, CONFIG_CHECKED_AT_BUILD).split(sep).join('/'))) {
    throw new Error('decap-cms-core lädt seine Konfigurationsprüfung nicht mehr aus actions/config.js → constants/configSchema: client-bundle.ts anpassen.');
  }
  // Modules esbuild left out for the browser are named `(disabled):…`, stubs `namespace:…`: no file to watch.
  const inputs = [...new Set([...browserInputs, ...Object.keys(node.metafile!.inputs)])].filter((path) => !/^\(?[a-z-]+\)?:/.test(path));
  return { js: output(CMS_FILES.js), css: output(CMS_FILES.css), check: output(CMS_FILES.check), inputs };
}

/** Writes the three built files into `dir` (each atomically); returns their paths. */
function writeBuilt(dir: string, built: BuiltFiles): string[] {
  mkdirSync(dir, { recursive: true });
  return (['js', 'css', 'check'] as const).map((name) => {
    const path = join(dir, CMS_FILES[name]);
    writeFileAtomic(path, built[name]);
    return path;
  });
}

/** The files in `dir` (the cache or the package's prebuilt copy). */
function readBuilt(dir: string): CmsBundleContent {
  return { js: readFileSync(join(dir, CMS_FILES.js)), css: readFileSync(join(dir, CMS_FILES.css)), checkFile: join(dir, CMS_FILES.check) };
}

/** The files from the cache, built when an input's content changed. */
async function cachedBundle(): Promise<CmsBundleContent> {
  const key = await buildKey();
  if (isFresh(readMeta(), key) && existsSync(join(CACHE, CMS_FILES.check))) {
    try {
      return readBuilt(CACHE);
    } catch {
      // a half-removed cache: build again
    }
  }
  const built = await bundleCms(CACHE);
  writeBuilt(CACHE, built);
  const inputs = built.inputs.map((path): [string, string] => [path, hashOf(readFileSync(join(ROOT, path)))]);
  writeFileAtomic(join(CACHE, 'cms.inputs.json'), JSON.stringify({ key, inputs } satisfies CacheMeta));
  return { js: built.js, css: built.css, checkFile: join(CACHE, CMS_FILES.check) };
}

/** cms.js, cms.css and the check: the package's prebuilt copy, here the cached (or fresh) build. */
export async function cmsBundle(): Promise<CmsBundleContent> {
  return FROM_SOURCE ? cachedBundle() : readBuilt(PREBUILT_CMS_DIR);
}

/** The package's prebuilt copy (npm run build:package): dist/cms/ inside `distDir`. */
export async function buildPrebuiltCms(distDir: string): Promise<string[]> {
  const dir = join(distDir, relative(DIST_DIR, PREBUILT_CMS_DIR).split(sep).join('/'));
  return writeBuilt(dir, await bundleCms(dir));
}
