/**
 * `npm run build:package`: builds dist/ and lib/, what the installed package runs instead of
 * the TypeScript sources (src/package/build.ts). `npm pack` runs it first (prepack).
 */
import { relative } from 'node:path';
import { buildPackage } from '../src/package/build';

buildPackage().then(
  ({ bundles, clientFiles }) => {
    console.log(`Paket gebaut: ${bundles.length} Programme in dist/, ${clientFiles.length} Browser-Module in lib/.`);
    for (const bundle of bundles) console.log(`  ${relative(process.cwd(), bundle)}`);
  },
  (error: unknown) => {
    console.error(`Das Paket kann nicht gebaut werden: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
