/**
 * For `npm run bench`: the size of a built site's main JS entry bundle
 * (`assets/js/main.<hash>.js`), which every page loads – raw and gzip (level 6, as the
 * other sizes of the bench) – to compare the project with plain Docusaurus (issue 15).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface MainJsSize {
  /** Path of the bundle relative to the build folder, e.g. `assets/js/main.1a2b3c4d.js`. */
  file: string;
  bytes: number;
  gzipBytes: number;
}

const MAIN_BUNDLE = /^main(?:\.[0-9a-z]+)?\.js$/i;

/** The main bundle of the build in `outDir` (the folder with index.html and assets/). */
export function mainJsSize(outDir: string): MainJsSize {
  const dir = join(outDir, 'assets', 'js');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new Error(`Kein gebauter Seitenordner: ${dir} fehlt.`);
  }
  const mains = names.filter((name) => MAIN_BUNDLE.test(name));
  if (mains.length !== 1) {
    throw new Error(mains.length === 0
      ? `Kein Hauptbündel main.<hash>.js in ${dir}.`
      : `Mehrere Hauptbündel in ${dir}: ${mains.sort().join(', ')} – ein Ordner je Build.`);
  }
  const content = readFileSync(join(dir, mains[0]!));
  return { file: `assets/js/${mains[0]}`, bytes: content.length, gzipBytes: gzipSync(content, { level: 6 }).length };
}
