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
  /** Navbar logo: the wiki's own file (`logo`, absolute path) or, without one, the tool's. */
  logo: { alt: string; file?: string };
  /** `#rrggbb`, contrast already checked (src/site/theme-colours.ts makes the stylesheet). */
  primaryColor: string;
  /** For the accessibility statement and feedback (issue 17). */
  contact?: WikiConfig['contact'];
  /** Browser editing (issue 18): whether the build has /admin/ and where it saves; src/editing/settings.ts resolves it for the CMS. */
  editing: WikiConfig['editing'];
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
    logo: config.logo ? { alt: config.logo.alt, file: config.logo.path } : { alt: TOOL },
    primaryColor: config.primaryColor,
    ...(config.contact === undefined ? {} : { contact: config.contact }),
    editing: config.editing,
  };
}
