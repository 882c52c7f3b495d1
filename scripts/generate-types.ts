/**
 * Generates src/core/generated/front-matter.ts and config.ts (types), labels.ts (German
 * labels) and validators.cjs (the compiled validators) from schemas/*.schema.json, so none
 * of them is ever written by hand.
 * `--check` exits 1 when the committed file is out of date (run by the tests).
 */
import {
  generateConfigType, generateFrontMatterTypes, generateLabels, GENERATED_CONFIG_PATH, GENERATED_LABELS_PATH, GENERATED_TYPES_PATH,
} from '../src/core/schema/generate-types';
import { generateValidators, GENERATED_VALIDATORS_PATH } from '../src/core/schema/generate-validators';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../src/core/fs-atomic';

async function main(): Promise<void> {
  const files: Array<[string, string]> = [[GENERATED_TYPES_PATH, await generateFrontMatterTypes()], [GENERATED_LABELS_PATH, generateLabels()], [GENERATED_CONFIG_PATH, await generateConfigType()], [GENERATED_VALIDATORS_PATH, generateValidators()]];
  if (process.argv.includes('--check')) {
    const stale = files.filter(([path, code]) => readFileSync(path, 'utf8') !== code);
    for (const [path] of stale) console.error(`${path} ist veraltet: npm run gen:types ausführen.`);
    if (stale.length > 0) process.exit(1);
    return;
  }
  for (const [path, code] of files) {
    writeFileAtomic(path, code);
    console.log(`geschrieben: ${path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
