import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { writeFileAtomic } from '../core/fs-atomic';
import { CACHE_DIR, CLIENT_DIR, DIST_DIR, FROM_SOURCE, ROOT } from '../runtime/layout.cjs';

/**
 * cms.js and cms.css of the admin folder: the editor's browser code (src/editing/client/entry.tsx
 * with Decap, React and the core rules) bundled by esbuild. Built once per content of its
 * inputs into the wiki's cache folder; the installed package ships a prebuilt copy in dist/cms/
 * (src/package/build.ts) and never bundles.
 */

/** The files of the admin folder this module writes. */
export const CMS_FILES = { js: 'cms.js', css: 'cms.css' } as const;

/** The two files' contents (what src/editing/admin-folder.ts writes). */
export interface CmsBundleContent {
  js: Uint8Array;
  css: Uint8Array;
}

/** Bump when the options below change, so an old cached bundle is not reused. */
const FORMAT = 1;
const CACHE = join(CACHE_DIR, 'cms');
/** The prebuilt bundle in the installed package. */
export const PREBUILT_CMS_DIR = join(DIST_DIR, 'cms');

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

/** Bundles the editor into memory: cms.js and cms.css with the inputs they were built from. */
export async function bundleCms(outDir: string): Promise<{ js: Uint8Array; css: Uint8Array; inputs: string[] }> {
  const result = await esbuild().build(cmsBuildOptions(outDir));
  const output = (name: string) => {
    const file = result.outputFiles!.find((f) => f.path === join(outDir, name));
    if (!file) throw new Error(`esbuild hat ${name} nicht erzeugt.`);
    return file.contents;
  };
  // Modules esbuild left out for the browser are named `(disabled):…`: no file to watch.
  const inputs = Object.keys(result.metafile!.inputs).filter((path) => !/^\([a-z-]+\):/.test(path));
  return { js: output(CMS_FILES.js), css: output(CMS_FILES.css), inputs };
}

/** cms.js and cms.css from the cache, built when an input's content changed. */
async function cachedBundle(): Promise<CmsBundleContent> {
  const key = await buildKey();
  const js = join(CACHE, CMS_FILES.js);
  const css = join(CACHE, CMS_FILES.css);
  if (isFresh(readMeta(), key)) {
    try {
      return { js: readFileSync(js), css: readFileSync(css) };
    } catch {
      // a half-removed cache: build again
    }
  }
  const bundle = await bundleCms(CACHE);
  mkdirSync(CACHE, { recursive: true });
  writeFileAtomic(js, bundle.js);
  writeFileAtomic(css, bundle.css);
  const inputs = bundle.inputs.map((path): [string, string] => [path, hashOf(readFileSync(join(ROOT, path)))]);
  writeFileAtomic(join(CACHE, 'cms.inputs.json'), JSON.stringify({ key, inputs } satisfies CacheMeta));
  return bundle;
}

/** The contents of cms.js and cms.css: the package's prebuilt copy, here the cached (or fresh) build. */
export async function cmsBundle(): Promise<CmsBundleContent> {
  if (FROM_SOURCE) return cachedBundle();
  return { js: readFileSync(join(PREBUILT_CMS_DIR, CMS_FILES.js)), css: readFileSync(join(PREBUILT_CMS_DIR, CMS_FILES.css)) };
}

/** The package's prebuilt copy (npm run build:package): dist/cms/ inside `distDir`. */
export async function buildPrebuiltCms(distDir: string): Promise<string[]> {
  const dir = join(distDir, relative(DIST_DIR, PREBUILT_CMS_DIR).split(sep).join('/'));
  const bundle = await bundleCms(dir);
  mkdirSync(dir, { recursive: true });
  const js = join(dir, CMS_FILES.js);
  const css = join(dir, CMS_FILES.css);
  writeFileAtomic(js, bundle.js);
  writeFileAtomic(css, bundle.css);
  return [js, css];
}
