import type { WikiConfig } from '../core/config';

/** What the site takes from stellenwissen.config.yaml and the environment. */
export interface SiteSettings {
  /** Site title: the end of every page title. */
  title: string;
  navbarTitle: string;
  footer: string;
  url: string;
  baseUrl: string;
  editUrl: string | undefined;
}

const TOOL = 'Stellenwissen';

/**
 * The environment wins over the settings file, for pipelines: SITE_URL, BASE_URL, EDIT_URL.
 * Without a settings file the site is called „Stellenwissen“ as before.
 */
export function siteSettings(config: WikiConfig, env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const own = config.file !== undefined;
  return {
    title: own ? `${TOOL} ${config.shortName}` : TOOL,
    navbarTitle: own ? `${TOOL} ${config.shortName}` : TOOL,
    footer: `${own ? `${config.name} · ` : ''}${TOOL} – Wissenssicherung der Verwaltung. Nur für den Dienstgebrauch im Intranet.`,
    url: env.SITE_URL || config.siteUrl || 'http://localhost',
    baseUrl: (env.BASE_URL || config.basePath || '/').replace(/\/?$/, '/'),
    editUrl: env.EDIT_URL || config.editUrl || undefined,
  };
}
