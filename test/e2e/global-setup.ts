import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingSystemPackages } from './system-packages';

/**
 * One folder for all site builds of a browser-test run, removed when the run ends
 * (test workers are stopped without running their exit handlers). A missing system package
 * stops the run before any test, with one line naming it: no browser test skips silently.
 */
export default function setup(): () => void {
  const missing = missingSystemPackages();
  if (missing) throw new Error(missing);
  const root = mkdtempSync(join(tmpdir(), 'stellenwissen-e2e-'));
  process.env.STELLENWISSEN_E2E_BUILDS = root;
  return () => rmSync(root, { recursive: true, force: true });
}
