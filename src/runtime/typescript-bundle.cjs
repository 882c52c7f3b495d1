'use strict';
/**
 * Runs the project's TypeScript entry points as cached esbuild bundles.
 *
 * Why: Node 20 cannot strip types, and tsx costs ~0.5 s per start (a second process plus
 * on-the-fly transforms) — more than a warm `validate` of 10,000 articles should take in
 * total. A bundle is built once per entry point into node_modules/.cache/stellenwissen/bundles/
 * and rebuilt when any of its inputs (own sources or packages) changes size or mtime.
 * Plain CommonJS so it runs before anything is compiled.
 */
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');

const ROOT = resolve(__dirname, '../..');
const BUNDLE_DIR = join(ROOT, 'node_modules/.cache/stellenwissen/bundles');
/** Bump when the bundling options change, so old bundles are not reused. */
const FORMAT = 3;

// Spelled in pieces so that bundling this very file leaves the plugin intact.
const DIRNAME = ['__dir', 'name'].join('');
const DIRNAME_WORD = new RegExp(`\\b${DIRNAME}\\b`, 'g');

/** The dirname variable inside our sources means the source folder, also inside a bundle elsewhere. */
const keepDirname = {
  name: 'keep-dirname',
  setup(build) {
    build.onLoad({ filter: /\.(c|m)?[jt]sx?$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(DIRNAME)) return undefined;
      const loader = /\.[cm]?js$/.test(args.path) ? 'js' : args.path.endsWith('x') ? 'tsx' : 'ts';
      return { contents: source.replace(DIRNAME_WORD, JSON.stringify(dirname(args.path))), loader };
    });
  },
};

function bundlePaths(entry) {
  const key = createHash('sha1').update(`${FORMAT}\0${relative(ROOT, entry)}`).digest('hex').slice(0, 12);
  const base = relative(ROOT, entry).replace(/[^A-Za-z0-9]+/g, '-');
  return { code: join(BUNDLE_DIR, `${base}-${key}.cjs`), meta: join(BUNDLE_DIR, `${base}-${key}.inputs.json`) };
}

/** True when the recorded inputs are unchanged (same size and mtime). */
function isFresh(metaPath, esbuildVersion) {
  let meta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch {
    return false;
  }
  if (meta.esbuild !== esbuildVersion || !Array.isArray(meta.inputs)) return false;
  for (const [path, size, mtime] of meta.inputs) {
    try {
      const stat = statSync(join(ROOT, path));
      if (stat.size !== size || stat.mtimeMs !== mtime) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function esbuildVersion() {
  return require('esbuild/package.json').version;
}

/**
 * Returns the path of an up-to-date CommonJS bundle of `entry` (absolute path of a .ts file),
 * building it when missing or stale. Writes are atomic, so parallel runs never see half a file.
 */
async function ensureBundle(entry) {
  const paths = bundlePaths(entry);
  const version = esbuildVersion();
  try {
    statSync(paths.code);
    if (isFresh(paths.meta, version)) return paths.code;
  } catch {
    // not built yet
  }
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    outfile: paths.code,
    // Native or optional packages stay outside; everything else is bundled so a start
    // resolves no modules at all.
    external: ['esbuild', 'fsevents', 'lightningcss', '@swc/*', '@docusaurus/*', 'webpack', '@rspack/*', 'playwright-core', 'vitest'],
    plugins: [keepDirname],
  });
  const inputs = Object.keys(result.metafile.inputs).map((path) => {
    const stat = statSync(join(ROOT, path));
    return [path, stat.size, stat.mtimeMs];
  });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const unique = `.${process.pid}-${Date.now()}.tmp`;
  writeFileSync(paths.code + unique, result.outputFiles[0].contents);
  renameSync(paths.code + unique, paths.code);
  writeFileSync(paths.meta + unique, JSON.stringify({ esbuild: version, inputs }));
  renameSync(paths.meta + unique, paths.meta);
  return paths.code;
}

/** Runs `entry` (path relative to the project root) as if it were the main module. */
async function runEntry(entry) {
  const bundle = await ensureBundle(resolve(ROOT, entry));
  require(bundle);
}

module.exports = { ensureBundle, runEntry, ROOT };
