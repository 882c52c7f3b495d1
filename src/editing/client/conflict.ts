/**
 * The browser half of the conflict guard (src/editing/conflict-guard.ts): every open /admin/
 * page is an editor of its own. The file API of `npm run edit` remembers per editor which
 * version of each article it handed out, and refuses a save over a file that changed since –
 * so two tabs of the same browser must not look like one editor. Decap's proxy backend posts
 * every request to `proxy_url` as given, so the page's id travels as a query parameter there.
 */

/** Must match EDITOR_PARAM of src/editing/conflict-guard.ts (checked in test/edit-server.test.ts). */
export const EDITOR_PARAM = 'editor';

/** A fresh id for this page (crypto.getRandomValues also works where randomUUID is missing). */
function pageId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The configuration to hand to CMS.init: for the local file API (`backend.name: proxy`) its
 * address with this page's editor id; any other backend unchanged (there each change is a
 * merge request with `review: true`, and the Git server shows a conflict before anything is merged).
 */
export function withEditorId<T extends { backend?: { name?: string; proxy_url?: string } }>(config: T, id: string = pageId()): T {
  const backend = config.backend;
  if (backend?.name !== 'proxy' || typeof backend.proxy_url !== 'string') return config;
  const url = backend.proxy_url;
  const proxyUrl = `${url}${url.includes('?') ? '&' : '?'}${EDITOR_PARAM}=${id}`;
  return { ...config, backend: { ...backend, proxy_url: proxyUrl } };
}
