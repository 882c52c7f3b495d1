import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// No import of ../helpers: this module also runs in global-setup.ts, outside any test file.

/** The Debian packages the browser tests run, with their binaries (one list, also for the install script). */
export const SYSTEM_PACKAGES: ReadonlyMap<string, string> = new Map(
  readFileSync(resolve(__dirname, '../../scripts/system-packages.txt'), 'utf8').split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/) as [string, string]),
);

/** The binary of a listed package, e.g. `/usr/bin/chromium` for `chromium`. */
export function systemBinary(pkg: string): string {
  const binary = SYSTEM_PACKAGES.get(pkg);
  if (!binary) throw new Error(`${pkg} steht nicht in scripts/system-packages.txt`);
  return binary;
}

/** One line naming every missing package and how to install it, or undefined when all are there. */
export function missingSystemPackages(packages: ReadonlyMap<string, string> = SYSTEM_PACKAGES): string | undefined {
  const missing = [...packages].filter(([, binary]) => !existsSync(binary)).map(([pkg]) => pkg);
  if (missing.length === 0) return undefined;
  return `Systempakete fehlen: ${missing.join(', ')} – installieren mit „bash scripts/install-system-packages.sh“ ` +
    `(oder apt-get install -y ${missing.join(' ')}). Ein Browser wird nie heruntergeladen.`;
}
