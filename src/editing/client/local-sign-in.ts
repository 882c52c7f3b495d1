/**
 * `npm run edit` has no accounts: Decap's proxy backend shows a login page whose button signs
 * in nobody (its `authenticate` does nothing). For that backend the page starts signed in, as
 * Decap does for a user it remembers – one step less for the clerk, and the list shows sooner.
 * The Git servers' backends (GitLab, Gitea, Forgejo) keep their real login.
 */

/** Where Decap remembers the signed-in user (decap-cms-core backend.js, LocalStorageAuthStore). */
const DECAP_USER_KEY = 'decap-cms-user';

export function signInLocally(config: { backend?: { name?: string } }, storage: Storage = window.localStorage): void {
  if (config.backend?.name !== 'proxy') return;
  try {
    const stored = storage.getItem(DECAP_USER_KEY);
    const known = stored !== null && (JSON.parse(stored) as { backendName?: unknown } | null)?.backendName === 'proxy';
    if (!known) storage.setItem(DECAP_USER_KEY, JSON.stringify({ backendName: 'proxy' }));
  } catch {
    // No storage (a private window that refuses it) or a damaged entry: Decap shows its login page.
  }
}
