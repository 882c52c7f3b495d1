#!/usr/bin/env node
'use strict';
/**
 * `node scripts/run.cjs <name> [args…]` runs scripts/<name>.ts from a cached bundle
 * (see src/runtime/typescript-bundle.cjs); the npm scripts call it. Arguments pass through.
 */
const { runEntry } = require('../src/runtime/typescript-bundle.cjs');

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  process.stderr.write('Aufruf: node scripts/run.cjs <skript> [argumente …]\n');
  process.exit(2);
}
process.argv.splice(2, 1);
runEntry(`scripts/${name}.ts`).catch((error) => {
  process.stderr.write(`run: ${name} kann nicht gestartet werden: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
