import type { CmsConfig } from './cms-config';

/**
 * Decap's own check of the generated configuration, run when the site is built (in
 * src/editing/admin-site.ts), so the editor in the browser starts without it. The check is
 * decap-cms-core's code, bundled for Node (decap-config-check.cjs, src/editing/client-bundle.ts);
 * a configuration it refuses stops the build with a German message instead of an editor that
 * fails to start.
 */

type Check = { validateConfig(config: unknown): void };

const loaded = new Map<string, Check>();

function load(checkFile: string): Check {
  let check = loaded.get(checkFile);
  if (!check) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    check = require(checkFile) as Check;
    loaded.set(checkFile, check);
  }
  return check;
}

/** Throws a German error naming what Decap refuses; `checkFile` from `cmsBundle()`. */
export function checkDecapConfig(checkFile: string, config: CmsConfig): void {
  const { validateConfig } = load(checkFile);
  // Decap also logs what it refuses to the console; the error below says it once.
  const error = console.error;
  console.error = () => {};
  try {
    validateConfig(config);
  } catch (refused) {
    const reason = refused instanceof Error ? refused.message : String(refused);
    throw new Error(
      `Der Browser-Editor (/admin/) kann mit der erzeugten Konfiguration nicht starten – Decap CMS lehnt sie ab:\n${reason}\n` +
        'Die Konfiguration entsteht aus den Schemas (schemas/) und stellenwissen.config.yaml: Melden Sie den Fehler der IT. ' +
        'Ohne /admin/ lässt sich die Seite mit „editing: { enabled: false }“ in stellenwissen.config.yaml bauen.',
      { cause: refused },
    );
  } finally {
    console.error = error;
  }
}
