import type { WikiConfig } from '../core/config';

/** The Git servers the browser editor can save to (Decap CMS backends of the same name). */
export type GitBackend = 'gitlab' | 'gitea' | 'forgejo';

interface Common {
  /** false: the build has no /admin/ (npm run edit still works). */
  enabled: boolean;
  branch: string;
  /** Every change a merge/pull request that a second person accepts (editorial workflow). */
  review: boolean;
}

/**
 * `editing` of stellenwissen.config.yaml, resolved: defaults applied, the API address
 * derived. `local` needs no server – only `npm run edit` on the own computer.
 */
export type EditingSettings =
  | (Common & { backend: 'local' })
  | (Common & { backend: GitBackend; baseUrl: string; apiRoot: string; appId: string; repo: string });

/** Where each server's REST API lives below its address when `api_root` is not given. */
const API_PATHS: Record<GitBackend, string> = { gitlab: '/api/v4', gitea: '/api/v1', forgejo: '/api/v1' };

/** The editing settings of a checked config (src/core/config.ts refused missing server keys already). */
export function editingSettings(config: Pick<WikiConfig, 'editing'>): EditingSettings {
  const { enabled, backend, branch, review, baseUrl, apiRoot, appId, repo } = config.editing;
  const common = { enabled, branch, review };
  if (backend === 'local') return { ...common, backend };
  if (baseUrl === undefined || appId === undefined || repo === undefined) {
    throw new Error(`editing: backend ${backend} ohne base_url, app_id oder repo – die Einstellungen wurden nicht geprüft.`);
  }
  const base = baseUrl.replace(/\/+$/, '');
  return { ...common, backend, baseUrl: base, apiRoot: (apiRoot ?? `${base}${API_PATHS[backend]}`).replace(/\/+$/, ''), appId, repo };
}
