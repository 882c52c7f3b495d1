import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/wiki';
import { requireWikiFolder } from '../core/wiki-files';
import { listenLocal, startEditApi } from './edit-server';
import { EDIT_API_ENV, editApiUrl, LOOPBACK_HOST } from './local-backend';

/**
 * `npm run edit`: the file API (src/editing/edit-server.ts) and `docusaurus start`, both on
 * 127.0.0.1 only. Docusaurus gets the API's address in the environment, so its plugin writes
 * an /admin/ that saves there (src/editing/local-backend.ts). The site runs at the root path
 * here (BASE_URL=/), whatever sub-path the intranet uses: the address to open is always
 * http://127.0.0.1:<port>/admin/.
 */

export interface EditSessionOptions {
  siteDir: string;
  /** The wiki folder (relative to siteDir or absolute, inside siteDir). */
  docsDir: string;
  port: number;
  apiPort: number;
  /** One German line for the person at the terminal. */
  log(line: string): void;
  /** The site server to run (default: this package's `docusaurus start`); its arguments follow. */
  siteCommand?: string[];
}

export interface EditSession {
  /** The address to open in the browser. */
  adminUrl: string;
  /** Exit code once both servers have stopped. */
  done: Promise<number>;
  /** Stops both (Ctrl-C). */
  stop(): void;
}

/** The wiki folder as the editor addresses it: relative to the site folder, with /. */
function docsInsideSite(siteDir: string, docsDir: string): string {
  const rel = relative(siteDir, resolve(siteDir, docsDir));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new UsageError(`Der Wiki-Ordner ${docsDir} muss im Ordner der Seite liegen (${siteDir}): Der Editor speichert nur darin.`);
  }
  return rel.split(sep).join('/');
}

/** Fails with the German port message unless 127.0.0.1:`port` is free (Docusaurus would silently pick another). */
async function requireFreePort(port: number, flag: string): Promise<void> {
  const server = await listenLocal(() => undefined, port, flag);
  await new Promise((done) => server.close(done));
}

export async function startEditSession(options: EditSessionOptions): Promise<EditSession> {
  const siteDir = resolve(options.siteDir);
  requireWikiFolder(resolve(siteDir, options.docsDir));
  const docsDir = docsInsideSite(siteDir, options.docsDir);
  if (options.port === options.apiPort) throw new UsageError(`--port und --api-port sind beide ${options.port}: Seite und Dateischnittstelle brauchen zwei verschiedene Ports.`);
  await requireFreePort(options.port, '--port');
  const api = await startEditApi({ repoDir: siteDir, docsDir, port: options.apiPort, sitePort: options.port });
  const [command, ...args] = options.siteCommand ?? [process.execPath, createRequire(__filename).resolve('@docusaurus/core/bin/docusaurus.mjs'), 'start'];
  const child = spawn(command!, [...args, '--host', LOOPBACK_HOST, '--port', String(options.port), '--no-open'], {
    cwd: siteDir,
    env: { ...process.env, [EDIT_API_ENV]: editApiUrl(options.apiPort), DOCS_DIR: docsDir, BASE_URL: '/' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let stopping = false;
  const done = new Promise<number>((finish) => {
    const end = (code: number) => void api.close().then(() => finish(code));
    child.once('error', (error) => {
      options.log(`Die Seite konnte nicht gestartet werden: ${error.message}`);
      end(2);
    });
    // Ctrl-C reaches Docusaurus straight from the terminal, too: a stop by signal is a normal end.
    child.once('exit', (code, signal) => end(stopping || signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : code ?? 1));
  });
  const adminUrl = `http://${LOOPBACK_HOST}:${options.port}/admin/`;
  options.log(`Bearbeiten im Browser: ${adminUrl} öffnen (die Seite startet gerade, das dauert einige Sekunden).`);
  options.log(`Gespeichert wird in ${resolve(siteDir, docsDir)} – nur auf diesem Computer (${LOOPBACK_HOST}), über ${api.url}.`);
  options.log('Beenden mit Strg+C.');
  return {
    adminUrl,
    done,
    stop() {
      if (stopping) return;
      stopping = true;
      options.log('Wird beendet …');
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    },
  };
}
