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
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { basename, dirname, join, relative, resolve, sep } = require('node:path');
const { Script } = require('node:vm');
const { CACHE_DIR, DIST_DIR, FROM_SOURCE, ROOT, prebuiltName } = require('./layout.cjs');

const BUNDLE_DIR = join(CACHE_DIR, 'bundles');
/** Bump when the bundling options change, so old bundles are not reused. */
const FORMAT = 4;

// Spelled in pieces so that bundling this very file leaves the plugin intact.
const DIRNAME = ['__dir', 'name'].join('');
const DIRNAME_WORD = new RegExp(`\\b${DIRNAME}\\b`, 'g');

/**
 * The dirname variable inside our sources means the source folder, also inside a bundle
 * elsewhere: the folder itself in a bundle built here (`outDir` undefined), or – in the
 * package's prebuilt bundles – that folder's place relative to the bundle, so that paths
 * such as `resolve(<dirname>, '../../templates')` find the package's files wherever it is
 * installed (the source folder itself is not shipped; paths are computed, not visited).
 */
function keepDirname(outDir) {
  return {
    name: 'keep-dirname',
    setup(build) {
      build.onLoad({ filter: /\.(c|m)?[jt]sx?$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(DIRNAME)) return undefined;
        const loader = /\.[cm]?js$/.test(args.path) ? 'js' : args.path.endsWith('x') ? 'tsx' : 'ts';
        const folder = outDir === undefined
          ? JSON.stringify(dirname(args.path))
          : `require("node:path").join(${DIRNAME}, ${JSON.stringify(relative(outDir, dirname(args.path)).split(sep).join('/'))})`;
        return { contents: source.replace(DIRNAME_WORD, () => folder), loader };
      });
    },
  };
}

/** esbuild options shared by the bundles built here and the package's prebuilt ones. */
function bundleOptions(entry, outfile, outDir) {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    outfile,
    // Native or optional packages stay outside; everything else is bundled so a start
    // resolves no modules at all. prettier (pulled in by json-schema-to-typescript) reads
    // import.meta.url at load, which a CommonJS bundle does not have.
    external: ['esbuild', 'fsevents', 'lightningcss', '@swc/*', '@docusaurus/*', 'webpack', '@rspack/*', 'playwright-core', 'vitest', 'prettier'],
    plugins: [keepDirname(outDir)],
  };
}

/** Writes `contents` to `path` atomically (parallel runs never see half a file). */
function writeAtomic(path, contents) {
  const unique = `.${process.pid}-${Date.now()}.tmp`;
  writeFileSync(path + unique, contents);
  renameSync(path + unique, path);
}

/**
 * Builds the package's bundle of `entry` (absolute path of a .ts file) into `outDir` under
 * its prebuilt name (src/runtime/layout.cjs), for `npm run build:package`. Returns its path.
 */
async function buildPrebuilt(entry, outDir) {
  const outfile = join(outDir, prebuiltName(relative(ROOT, entry).split(sep).join('/')));
  const result = await require('esbuild').build(bundleOptions(entry, outfile, outDir));
  mkdirSync(outDir, { recursive: true });
  writeAtomic(outfile, result.outputFiles[0].contents);
  return outfile;
}

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
 * The path of the bundle of `entry` when it is up to date (or prebuilt), without building:
 * synchronous, so a caller can start a worker on it before it goes on with other work.
 */
function freshBundle(entry) {
  if (!FROM_SOURCE) {
    const prebuilt = join(DIST_DIR, prebuiltName(relative(ROOT, entry).split(sep).join('/')));
    if (existsSync(prebuilt)) return prebuilt;
    throw new Error(`${relative(ROOT, entry)} gehört nicht zum installierten Paket (kein ${relative(ROOT, prebuilt)}).`);
  }
  const paths = bundlePaths(entry);
  try {
    statSync(paths.code);
    if (isFresh(paths.meta, esbuildVersion())) return paths.code;
  } catch {
    // not built yet
  }
  return undefined;
}

/**
 * Returns the path of an up-to-date CommonJS bundle of `entry` (absolute path of a .ts file),
 * building it when missing or stale. Writes are atomic, so parallel runs never see half a file.
 */
async function ensureBundle(entry) {
  const fresh = freshBundle(entry);
  if (fresh) return fresh;
  const paths = bundlePaths(entry);
  const version = esbuildVersion();
  const result = await require('esbuild').build(bundleOptions(entry, paths.code, undefined));
  const inputs = Object.keys(result.metafile.inputs).map((path) => {
    const stat = statSync(join(ROOT, path));
    return [path, stat.size, stat.mtimeMs];
  });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  removeCodeCaches(paths.code);
  writeAtomic(paths.code, result.outputFiles[0].contents);
  writeAtomic(paths.meta, JSON.stringify({ esbuild: version, inputs }));
  return paths.code;
}

/** CPU time above which a run may grow the code cache (see runWithCodeCache). */
const LONG_RUN_CPU_MS = 1000;

/** Code caches of an older build of `bundle` (see runWithCodeCache). */
function removeCodeCaches(bundle) {
  const prefix = `${basename(bundle)}.`;
  let names = [];
  try {
    names = readdirSync(BUNDLE_DIR);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix) && /\.v8(?:\.json)?$/.test(name)) rmSync(join(BUNDLE_DIR, name), { force: true });
}

/** Runs `entry` (path relative to the project root) as if it were the main module. */
async function runEntry(entry) {
  const bundle = await ensureBundle(resolve(ROOT, entry));
  runWithCodeCache(bundle);
}

/**
 * Loads a bundle like `require` does, with V8's code cache beside it (`<bundle>.<size>-<mtime>.v8`):
 * compiling a bundle of several megabytes, and then each function a command calls, costs a
 * large part of a short command's time (a large Word import: 2.8 s → 2.35 s). The cache holds
 * the functions the runs so far compiled; different runs of one command compile different code
 * (a Markdown import, then a Word import). It is written at the end of a run when there was
 * none, V8 rejected it (another Node version), or this run was long (over a second of CPU, or
 * twice the CPU of the run that wrote it) and its cache came out larger. Creating one costs
 * some 30 ms, too much for every short run.
 */
function runWithCodeCache(bundle) {
  // Named by the bundle's size and mtime: V8 checks little more than the source's length.
  const stat = statSync(bundle);
  // Beside the bundles built here; a prebuilt bundle's cache goes there too, not into the package.
  const cachePath = join(BUNDLE_DIR, `${basename(bundle)}.${stat.size}-${Math.round(stat.mtimeMs)}.v8`);
  const source = readFileSync(bundle, 'utf8');
  let cachedData;
  let writerCpuMs = 0;
  try {
    cachedData = readFileSync(cachePath);
    writerCpuMs = JSON.parse(readFileSync(`${cachePath}.json`, 'utf8')).cpuMs;
  } catch {
    // first run
  }
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const usable = cachedData !== undefined && !script.cachedDataRejected && typeof writerCpuMs === 'number';
  process.once('exit', () => {
    const usage = process.cpuUsage();
    const cpuMs = (usage.user + usage.system) / 1000;
    if (usable && cpuMs <= Math.min(LONG_RUN_CPU_MS, 2 * writerCpuMs)) return;
    try {
      const data = script.createCachedData();
      // 2 %: a run that compiled nothing new still yields a slightly different cache.
      if (usable && data.length <= cachedData.length * 1.02) return;
      mkdirSync(BUNDLE_DIR, { recursive: true });
      const unique = `.${process.pid}-${Date.now()}.tmp`;
      writeFileSync(cachePath + unique, data);
      writeFileSync(`${cachePath}.json${unique}`, JSON.stringify({ cpuMs }));
      renameSync(cachePath + unique, cachePath);
      renameSync(`${cachePath}.json${unique}`, `${cachePath}.json`);
    } catch {
      // a cache is an optimisation: a read-only folder only costs time
    }
  });
  const module = new Module(bundle, null);
  module.filename = bundle;
  module.paths = Module._nodeModulePaths(dirname(bundle));
  module.loaded = true;
  const wrapper = script.runInThisContext({ displayErrors: true });
  wrapper.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
}

module.exports = { ensureBundle, freshBundle, buildPrebuilt, runEntry, ROOT };
