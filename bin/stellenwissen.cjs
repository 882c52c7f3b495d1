#!/usr/bin/env node
'use strict';
/**
 * `stellenwissen <befehl> [optionen]`: one binary for every tool of the wiki. Each command
 * is the same program as the npm script of the same name (scripts/<befehl>.ts through the
 * cached bundles of src/runtime/), with the same options, outputs and exit codes; the site
 * commands run Docusaurus in the current folder.
 */
const { spawnSync } = require('node:child_process');
const { runEntry } = require('../src/runtime/typescript-bundle.cjs');
const { SITE, TOOLS } = require('../src/runtime/commands.cjs');

function help() {
  const width = Math.max(...[...Object.keys(TOOLS), ...Object.keys(SITE)].map((name) => name.length));
  const line = (name, text) => `  ${name.padEnd(width)}  ${text}`;
  return [
    'Aufruf: stellenwissen <befehl> [optionen]',
    '',
    'Befehle:',
    ...Object.entries(TOOLS).map(([name, text]) => line(name, text)),
    ...Object.entries(SITE).map(([name, text]) => line(name, text)),
    '',
    '„stellenwissen <befehl> --help“ zeigt die Optionen eines Befehls.',
    '',
  ].join('\n');
}

function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(help());
    return command === undefined ? 2 : 0;
  }
  if (Object.hasOwn(TOOLS, command)) {
    process.argv.splice(2, 1);
    runEntry(`scripts/${command}.ts`).catch((error) => {
      process.stderr.write(`stellenwissen: ${command} kann nicht gestartet werden: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    });
    return undefined;
  }
  if (Object.hasOwn(SITE, command)) {
    const docusaurus = require.resolve('@docusaurus/core/bin/docusaurus.mjs');
    const result = spawnSync(process.execPath, [docusaurus, command, ...rest], { stdio: 'inherit' });
    if (result.error) {
      process.stderr.write(`stellenwissen: ${command} kann nicht gestartet werden: ${result.error.message}\n`);
      return 2;
    }
    return result.status ?? 1;
  }
  process.stderr.write(`stellenwissen: unbekannter Befehl „${command}“. Befehle: ${[...Object.keys(TOOLS), ...Object.keys(SITE)].join(', ')} (stellenwissen --help).\n`);
  return 2;
}

const code = main();
if (code !== undefined) process.exitCode = code;
