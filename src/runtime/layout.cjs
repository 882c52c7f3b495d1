'use strict';
/**
 * Where the tool's own files are. Two layouts share one code base:
 * - this repository (`source`): TypeScript under src/ and scripts/, bundled on demand;
 * - the installed package (`package`): no TypeScript; the entry points are prebuilt bundles
 *   in dist/, the browser code is plain JavaScript in lib/ (built by `npm run build:package`,
 *   see src/package/build.ts).
 * Plain CommonJS: the binary reads it before anything is compiled.
 */
const { existsSync } = require('node:fs');
const { basename, dirname, join, resolve } = require('node:path');

/** The package's root (the folder with its package.json), in both layouts. */
const ROOT = resolve(__dirname, '../..');
/** True in this repository, where the TypeScript sources are. */
const FROM_SOURCE = existsSync(join(ROOT, 'src', 'core', 'article.ts'));
/** Prebuilt bundles of the entry points (package layout). */
const DIST_DIR = join(ROOT, 'dist');
/** The browser code: TypeScript sources here, their JavaScript in the package. */
const CLIENT_DIR = join(ROOT, FROM_SOURCE ? 'src' : 'lib');

/**
 * Caches (bundles, V8 code caches, analyses): node_modules/.cache/stellenwissen of the project
 * that uses the tool – this repository's own, or the wiki's when the package is installed
 * there (never a folder inside the installed package).
 */
function cacheDir() {
  if (FROM_SOURCE) return join(ROOT, 'node_modules', '.cache', 'stellenwissen');
  for (let dir = dirname(ROOT); dir !== dirname(dir); dir = dirname(dir)) {
    if (basename(dir) === 'node_modules') return join(dir, '.cache', 'stellenwissen');
  }
  return join(ROOT, '.cache', 'stellenwissen');
}
const CACHE_DIR = cacheDir();

/** File name of the prebuilt bundle of an entry point (path relative to ROOT, e.g. scripts/validate.ts). */
function prebuiltName(entry) {
  return `${entry.replace(/\.[cm]?[jt]sx?$/, '').replace(/[^A-Za-z0-9]+/g, '-')}.cjs`;
}

/** The module to load for an entry point: its source here, its prebuilt bundle in the package. */
function entryModule(entry) {
  return FROM_SOURCE ? join(ROOT, entry) : join(DIST_DIR, prebuiltName(entry));
}

/** A browser module (path under src/ without extension, e.g. components/Home/index) in this layout. */
function clientModule(path) {
  if (!FROM_SOURCE) return join(CLIENT_DIR, `${path}.js`);
  const found = ['.tsx', '.ts'].map((ending) => join(CLIENT_DIR, path + ending)).find((file) => existsSync(file));
  return found ?? join(CLIENT_DIR, `${path}.tsx`);
}

module.exports = { ROOT, FROM_SOURCE, DIST_DIR, CLIENT_DIR, CACHE_DIR, prebuiltName, entryModule, clientModule };
