/**
 * Generates src/core/generated/front-matter.ts from schemas/*.schema.json,
 * so the TypeScript types are derived from the schemas and never written by hand.
 * `--check` exits 1 when the committed file is out of date (run by the tests).
 */
import { generateFrontMatterTypes, GENERATED_TYPES_PATH } from '../src/core/schema/generate-types';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../src/core/fs-atomic';

async function main(): Promise<void> {
  const code = await generateFrontMatterTypes();
  if (process.argv.includes('--check')) {
    const current = readFileSync(GENERATED_TYPES_PATH, 'utf8');
    if (current !== code) {
      console.error(`${GENERATED_TYPES_PATH} ist veraltet: npm run gen:types ausführen.`);
      process.exit(1);
    }
    return;
  }
  writeFileAtomic(GENERATED_TYPES_PATH, code);
  console.log(`geschrieben: ${GENERATED_TYPES_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
