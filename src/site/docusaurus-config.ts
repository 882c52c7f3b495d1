import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { Options as DocsOptions } from '@docusaurus/plugin-content-docs';
import { themes as prismThemes } from 'prism-react-renderer';
import { normaliseText, parseFrontMatter } from '../core/frontmatter';
import { readWikiConfig } from '../core/config';
import { CACHE_DIR, CLIENT_DIR, ROOT, entryModule } from '../runtime/layout.cjs';
import { buildSidebar, type SidebarDoc } from './sidebar';
import { siteSettings } from './settings';
import { siteLogo } from './logo';
import { siteAccessibility } from './accessibility';
import { FEEDBACK_LINK_CLASS } from '../core/accessibility';
import { rehypeSanitizeArticle, remarkRawHtmlGate } from './raw-html';
import { sanitizeSchema } from './sanitize-schema';
import { nativeCssLayers } from './css-layers';
import { rehypeTaskListNames } from './task-list-names';
import { remarkMermaidNames } from './mermaid-names';
import { MERMAID_THEME } from './mermaid-theme';
import { adminStaticDir } from '../editing/admin-folder';
import { editApiFromEnv } from '../editing/local-backend';

const WRITING_GUIDE = 'fb10-zentrale-dienste/redaktionsleitfaden.md';

/** Front-matter keys Docusaurus itself reads, with the type it insists on. */
const DOCUSAURUS_KEYS: Record<string, (v: unknown) => boolean> = {
  id: (v) => typeof v === 'string' && /^[^/]+$/.test(v),
  title: (v) => typeof v === 'string',
  description: (v) => typeof v === 'string',
  tags: (v) => Array.isArray(v) && v.every((t) => typeof t === 'string'),
  sidebar_position: (v) => typeof v === 'number',
};

/**
 * The Docusaurus configuration of a wiki in `siteDir`: this repository's sample wiki
 * (docusaurus.config.ts) and every wiki made by `stellenwissen init`, whose
 * docusaurus.config.ts is one line (src/site/wiki-config.ts). The tool's own parts – plugins,
 * theme, pages, styles, images, German UI texts – come from the package (src/runtime/layout.cjs);
 * the wiki's come from its folder.
 *
 * Settings: stellenwissen.config.yaml (src/core/config.ts), overridden by the environment:
 *   DOCS_DIR  the wiki folder (default: docs)
 *   BASE_URL  sub-path the site is served under (default: /), e.g. /wiki/
 *   SITE_URL  origin of the intranet server (default: http://localhost)
 *   EDIT_URL  base of "Diese Seite bearbeiten" links on the Git server (off when unset)
 */
export function createDocusaurusConfig(siteDir: string): Config {
  const docsDir = process.env.DOCS_DIR || 'docs';
  const wikiConfig = readWikiConfig(siteDir);
  const settings = siteSettings(wikiConfig);
  // The facts of /barrierefreiheit and the feedback link (src/pages/barrierefreiheit.tsx).
  const accessibility = siteAccessibility(wikiConfig, siteDir);
  // The wiki's own logo (`logo`) comes in as a static folder holding only that file.
  const logo = siteLogo(settings.logo, CACHE_DIR);
  const { baseUrl, editUrl } = settings;
  // The package's images, then the wiki's own (if it has any: an empty static/ breaks the build).
  // Browser editing: /admin/ is a static folder of its own, filled by the plugin in loadContent
  // (src/editing/admin-site.ts); none with `editing.enabled: false`, except under `npm run edit`.
  // The plugin finds it here by its name: the site configuration is part of every page's main
  // bundle, so the path is written into it only once.
  const editApi = editApiFromEnv();
  const adminDir = wikiConfig.editing.enabled || editApi !== undefined ? adminStaticDir(CACHE_DIR, siteDir, docsDir, editApi) : undefined;
  if (adminDir !== undefined) mkdirSync(adminDir, { recursive: true });
  const staticDirectories = [join(ROOT, 'static'), ...(resolve(siteDir) !== ROOT && existsSync(join(siteDir, 'static')) ? [join(siteDir, 'static')] : []), ...(logo.staticDir ? [logo.staticDir] : []), ...(adminDir ? [adminDir] : [])];
  const config: Config = {
    title: settings.title,
    tagline: 'Wissen der Stellen sichern – bevor es in den Ruhestand geht',
    favicon: 'img/favicon.svg',
    url: settings.url,
    baseUrl,
    trailingSlash: undefined,
    staticDirectories,
    onBrokenLinks: 'throw',
    customFields: { accessibility },
    noIndex: true,
    // Its inline script would need its own CSP hash; the intranet recipes in deploy/ set the sub-path.
    baseUrlIssueBanner: false,
    // A fixed storage namespace (instead of one derived from SITE_URL + BASE_URL) keeps the
    // inline colour-mode script – and with it its sha256 in the CSP of deploy/ – the same for
    // every installation.
    storage: { type: 'localStorage', namespace: 'stellenwissen' },
    // German only. i18n/de/code.json fills the gaps in the theme's German UI texts; content
    // is never translated (`translate: false`, so the folder does not switch that on).
    i18n: { defaultLocale: 'de', locales: ['de'], path: join(ROOT, 'i18n'), localeConfigs: { de: { translate: false } } },
    future: { v4: true, faster: true },
    markdown: {
      format: 'detect', // .md is CommonMark, never MDX
      mermaid: true,
      hooks: { onBrokenMarkdownLinks: 'warn' },
      // German labels for GFM footnotes (the defaults are English).
      remarkRehypeOptions: {
        footnoteLabel: 'Fußnoten',
        footnoteBackLabel: (index: number, again: number) => `Zurück zum Verweis ${index + 1}${again > 1 ? `-${again}` : ''}`,
      },
      // The same front-matter parser as `validate`: dates stay strings, no `---js` eval.
      // Keys Docusaurus validates itself are only passed on when well-typed, so a bad
      // value is reported by our validation (file:line) instead of a Docusaurus crash.
      parseFrontMatter: async ({ fileContent }) => {
        const parsed = parseFrontMatter(normaliseText(fileContent));
        const frontMatter: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(parsed.data ?? {})) {
          const check = DOCUSAURUS_KEYS[key];
          if (!check || check(value)) frontMatter[key] = value;
        }
        return { frontMatter, content: parsed.data ? parsed.body : normaliseText(fileContent) };
      },
    },
    // Resolved from the package, not the wiki: a wiki depends only on stellenwissen.
    themes: [require.resolve('@docusaurus/theme-mermaid')],
    presets: [
      [
        require.resolve('@docusaurus/preset-classic'),
        {
          // The docs plugin is added below, wrapped so that each page gets its own card.
          docs: false,
          blog: false,
          // The start page is the tool's (src/pages/).
          pages: { path: join(CLIENT_DIR, 'pages') },
          theme: { customCss: join(CLIENT_DIR, 'css/custom.css') },
        } satisfies Preset.Options,
      ],
    ],
    plugins: [
      [
        // @docusaurus/plugin-content-docs, handing each doc its metadata card (src/plugin/docs.ts).
        entryModule('src/plugin/docs.ts'),
        {
          path: docsDir,
          routeBasePath: '/',
          include: ['**/*.md'],
          sidebarItemsGenerator: ({ docs }) => buildSidebar(docs as unknown as SidebarDoc[]) as never,
          editUrl,
          showLastUpdateTime: false,
          breadcrumbs: true,
          // Raw HTML in articles: see src/site/raw-html.ts and README (Entscheidungen).
          // Accessible names for Mermaid diagrams and task-list checkboxes (README „Barrierefreiheit“).
          beforeDefaultRemarkPlugins: [remarkRawHtmlGate, remarkMermaidNames],
          rehypePlugins: [[rehypeSanitizeArticle, sanitizeSchema], rehypeTaskListNames],
        } satisfies DocsOptions,
      ],
      [entryModule('src/plugin/index.ts'), { docsDir }],
      // German full-text search: index written after the build (src/search/, README „Suche“).
      [entryModule('src/search/plugin.ts'), { docsDir }],
      // Native CSS cascade layers: our styles beat Infima's without !important (src/site/css-layers.ts).
      nativeCssLayers,
    ],
    themeConfig: {
      colorMode: { respectPrefersColorScheme: true },
      navbar: {
        title: settings.navbarTitle,
        logo: { alt: logo.alt, src: logo.src },
        items: [
          { type: 'docSidebar', sidebarId: 'defaultSidebar', position: 'left', label: 'Wiki' },
          { to: '/wissenssicherung', label: 'Wissenssicherung', position: 'left' },
          // The writing guide of the bundled sample wiki; other wikis may not have it.
          ...(existsSync(join(siteDir, docsDir, WRITING_GUIDE))
            ? [{ type: 'doc' as const, docId: WRITING_GUIDE.replace(/\.md$/, ''), label: 'Redaktionsleitfaden', position: 'right' as const }]
            : []),
          { to: '/digitalisierung', label: 'Digitalisierung', position: 'left' },
        ],
      },
      footer: {
        style: 'light',
        // On every page (BITV NRW § 4, § 5); the feedback item becomes a mailto naming the page (src/theme/Footer/LinkItem).
        links: [
          { label: 'Erklärung zur Barrierefreiheit', to: '/barrierefreiheit' },
          { label: 'Leichte Sprache', to: '/leichte-sprache' },
          ...(accessibility.contact ? [{ label: 'Barriere melden', href: `mailto:${accessibility.contact.email}`, className: FEEDBACK_LINK_CLASS }] : []),
        ],
        copyright: settings.footer,
      },
      docs: { sidebar: { hideable: true, autoCollapseCategories: true } },
      // Readable in both colour modes, labels sanitised (src/site/mermaid-theme.ts).
      mermaid: MERMAID_THEME,
      prism: { theme: prismThemes.github, darkTheme: prismThemes.dracula, additionalLanguages: [] },
    } satisfies Preset.ThemeConfig,
  };

  return config;
}
