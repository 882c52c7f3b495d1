/**
 * The contract between `npm run edit` (src/editing/edit-session.ts) and the site plugin: the
 * session starts Docusaurus with the address of its file API in the environment, and the
 * plugin then writes an /admin/ that saves through that API (Decap's proxy backend, see
 * createCmsConfig's `proxyUrl`) instead of the configured server.
 */

/** The only address `npm run edit` ever listens on: this computer, never the network. */
export const LOOPBACK_HOST = '127.0.0.1';

/** Environment variable naming the file API of a running `npm run edit`. */
export const EDIT_API_ENV = 'STELLENWISSEN_EDIT_API';

/** Address of the file API on `port` (what the editor's proxy backend posts to). */
export function editApiUrl(port: number): string {
  return `http://${LOOPBACK_HOST}:${port}/api/v1`;
}

/** The file API of a running `npm run edit`, if the environment names one on this computer. */
export function editApiFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[EDIT_API_ENV];
  if (value === undefined || value === '') return undefined;
  // Anything else is not ours: the editor must never post a clerk's files to another host.
  if (!/^http:\/\/127\.0\.0\.1:\d{1,5}\/api\/v1$/.test(value)) {
    throw new Error(`${EDIT_API_ENV}=${value}: erwartet wird http://127.0.0.1:<port>/api/v1 (gesetzt von „npm run edit“).`);
  }
  return value;
}
