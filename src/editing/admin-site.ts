import type { WikiConfig } from '../core/config';
import type { Wiki } from '../core/wiki';
import { removeAdminFolder, writeAdminFolder } from './admin-folder';
import { cmsBundle } from './client-bundle';
import { cmsConfigFor, docsFolderInSite } from './cms-config';
import { checkDecapConfig } from './decap-config-check';
import { createPreviewData } from './preview-data';
import { editingSettings } from './settings';

/** One site's /admin/, as the plugin writes it in loadContent (build and `start`). */
export interface SiteAdmin {
  /** The static folder registered for the site (src/site/docusaurus-config.ts). */
  staticDir: string;
  siteDir: string;
  wiki: Wiki;
  wikiConfig: WikiConfig;
  /** The site's title, for the page title. */
  title: string;
  baseUrl: string;
  /** The published site's address (origin + base URL), for the editor's links to it. */
  siteUrl?: string;
  /** The navbar logo as a path on the site's own server. */
  logoUrl?: string;
  /** The file API of a running `npm run edit` (src/editing/local-backend.ts), if any. */
  apiUrl?: string;
}

/** `outside`: no /admin/, because the wiki folder lies outside the site folder (DOCS_DIR elsewhere). */
export type AdminMode = 'cms' | 'explain' | 'off' | 'outside';

/** Which /admin/ the site gets: under `npm run edit` always the editor; else as the settings say. */
export function adminMode(wikiConfig: WikiConfig, apiUrl: string | undefined): AdminMode {
  if (apiUrl !== undefined) return 'cms';
  const settings = editingSettings(wikiConfig);
  if (!settings.enabled) return 'off';
  return settings.backend === 'local' ? 'explain' : 'cms';
}

/** Writes (or removes) the site's admin/ folder; returns what it holds. */
export async function writeSiteAdmin(site: SiteAdmin): Promise<AdminMode> {
  const settingsMode = adminMode(site.wikiConfig, site.apiUrl);
  // The editor saves paths in the repository: a wiki folder outside the site has none.
  const mode = settingsMode === 'cms' && docsFolderInSite(site.siteDir, site.wiki.root) === undefined ? 'outside' : settingsMode;
  if (mode === 'off' || mode === 'outside') {
    removeAdminFolder(site.staticDir);
    return mode;
  }
  if (mode === 'explain') {
    writeAdminFolder(site.staticDir, { mode, title: site.title });
    return mode;
  }
  const config = cmsConfigFor(site.siteDir, site.wiki, editingSettings(site.wikiConfig), {
    ...(site.apiUrl === undefined ? {} : { proxyUrl: site.apiUrl }),
    // Under npm run edit the site runs on 127.0.0.1, not at its intranet address.
    ...(site.siteUrl === undefined || site.apiUrl !== undefined ? {} : { siteUrl: site.siteUrl }),
    ...(site.logoUrl === undefined ? {} : { logoUrl: site.logoUrl }),
  });
  const previewData = createPreviewData(site.wiki, { baseUrl: site.baseUrl });
  const bundle = await cmsBundle();
  checkDecapConfig(bundle.checkFile, config);
  writeAdminFolder(site.staticDir, { mode, title: site.title, config, previewData, bundle });
  return mode;
}
