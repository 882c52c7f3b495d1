import { join, resolve } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { formatFinding } from '../validate/format/text';
import { loadWikiAsync } from '../core/load/load-wiki';
import { localToday } from '../core/dates';
import { validateWiki, type ValidationResult } from '../validate/validate';
import { UsageError, type Wiki } from '../core/wiki';
import { useWikiExtensions } from '../core/schema/extensions';
import { buildSiteData, type SiteData } from './site-data';
import { summariseWiki, type WikiSummary } from './summary';
import { readWikiConfig } from '../core/config';
import { contractProblem } from '../migrate/contract';
import { accessibilityWarnings, siteAccessibility } from '../site/accessibility';
import { writeThemeColours } from '../site/theme-colours';
import { CACHE_DIR, CLIENT_DIR, clientModule } from '../runtime/layout.cjs';
import { writeSiteAdmin } from '../editing/admin-site';
import { adminStaticDir } from '../editing/admin-folder';
import { editApiFromEnv } from '../editing/local-backend';

export interface StellenwissenPluginOptions {
  /** The wiki folder (absolute or relative to the site). */
  docsDir: string;
  /** Fail on validation errors (the production build); `npm start` only reports them. */
  failOnError?: boolean;
}

export interface StellenwissenContent {
  summary: WikiSummary;
  /** Cards go to their own doc pages (src/plugin/docs.ts), the dashboards to their routes. */
  site: SiteData;
  /** The loaded wiki, reused by the search plugin's postBuild (the wiki is read once per build). */
  wiki: Wiki;
}

/**
 * What every page can read with usePluginData('stellenwissen'): only the summary (a few
 * numbers per department). Global data is in every page's main bundle, so the cards are not.
 */
export type StellenwissenGlobalData = WikiSummary;

/** The message that stops the build: every error in the contract's line format. */
export function gateMessage(result: ValidationResult): string {
  const errors = result.findings.filter((f) => f.severity === 'error');
  return [
    `Das Wiki enthält ${errors.length} Fehler – der Build wird abgebrochen, damit keine fehlerhaften Inhalte veröffentlicht werden:`,
    ...errors.map(formatFinding),
    'Beheben Sie die Fehler (Datei:Zeile:Spalte) und starten Sie den Build erneut; „npm run validate“ prüft ohne Build.',
  ].join('\n');
}

/**
 * The local Docusaurus plugin: loadContent runs the core validation once over the
 * wiki and gates the build; contentLoaded hands the summary to every page and the
 * dashboards to their routes; the docs plugin (docs.ts) hands each doc its card.
 */
export default function stellenwissenPlugin(context: LoadContext, options: StellenwissenPluginOptions): Plugin<StellenwissenContent> {
  const docsDir = resolve(context.siteDir, options.docsDir);
  const failOnError = options.failOnError ?? process.env.NODE_ENV === 'production';
  return {
    name: 'stellenwissen',
    // The theme components (metadata card, search box, footer link) for every wiki; a wiki's own
    // src/theme/ still wins (in this repository that is the same folder, which is harmless).
    // Components that wrap the classic theme's import it as @theme-init/…: inside a plugin's
    // theme, @theme-original/… would be the component itself.
    getThemePath: () => join(CLIENT_DIR, 'theme'),
    // The wiki's primary colour (stellenwissen.config.yaml, else the tool's): a generated stylesheet.
    getClientModules() {
      return [writeThemeColours(readWikiConfig(context.siteDir), context.generatedFilesDir)];
    },
    getPathsToWatch() {
      return [`${docsDir}/**/*.md`];
    },
    async loadContent() {
      // A wiki of another contract version would fail on hundreds of findings: one message instead (also for `start`).
      // Read on every load, so a corrected settings file counts on the next load of `start`.
      const wikiConfig = readWikiConfig(context.siteDir);
      const contract = contractProblem(wikiConfig);
      if (contract !== undefined) {
        console.error(contract);
        throw new Error('Build abgebrochen: Das Wiki ist für einen anderen Vertrag geschrieben (siehe oben).');
      }
      // An incomplete accessibility statement still builds (the page names the gaps), but is not forgotten.
      const statement = siteAccessibility(wikiConfig, context.siteDir);
      for (const line of accessibilityWarnings(statement)) console.warn(`[stellenwissen] ${line}`);
      // The site's own keys and sections (erweiterungen/ next to docs/); a broken extension stops the build.
      try {
        useWikiExtensions(context.siteDir);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(error.message);
        throw new Error('Build abgebrochen: Eine Erweiterung in erweiterungen/ ist fehlerhaft (siehe oben).');
      }
      // Bodies are kept: the search plugin indexes them from this same load.
      const { wiki } = await loadWikiAsync(docsDir, { cwd: process.cwd(), keepBody: true });
      const today = localToday();
      const result = validateWiki(wiki, today);
      if (result.errors > 0 && failOnError) {
        // Printed first so the clerk sees the findings above Docusaurus's own error output.
        console.error(gateMessage(result));
        throw new Error(`Build abgebrochen: ${result.errors} Fehler im Wiki (siehe oben).`);
      }
      for (const finding of result.findings) console.warn(`[stellenwissen] ${formatFinding(finding)}`);
      // /admin/ (browser editing), if the configuration registered its static folder (src/site/docusaurus-config.ts):
      // written before Docusaurus copies or serves the static folders.
      const apiUrl = editApiFromEnv();
      const adminDir = adminStaticDir(CACHE_DIR, context.siteDir, options.docsDir, apiUrl);
      if ((context.siteConfig?.staticDirectories ?? []).includes(adminDir)) {
        const logo = (context.siteConfig.themeConfig as { navbar?: { logo?: { src?: string } } }).navbar?.logo?.src;
        const admin = await writeSiteAdmin({
          staticDir: adminDir,
          siteDir: context.siteDir,
          wiki,
          wikiConfig,
          title: context.siteConfig.title,
          baseUrl: context.baseUrl,
          siteUrl: `${context.siteConfig.url}${context.baseUrl}`,
          ...(logo === undefined ? {} : { logoUrl: `${context.baseUrl}${logo}` }),
          ...(apiUrl === undefined ? {} : { apiUrl }),
        });
        if (admin === 'outside') console.warn(`[stellenwissen] Bearbeiten im Browser: Der Wiki-Ordner ${options.docsDir} liegt außerhalb von ${context.siteDir} – die Seite bekommt kein /admin/.`);
      }
      return { summary: summariseWiki(wiki, context.baseUrl), site: buildSiteData(wiki, result, today, context.baseUrl), wiki };
    },
    async contentLoaded({ content, actions }) {
      const globalData: StellenwissenGlobalData = content.summary;
      actions.setGlobalData(globalData);
      const coverage = await actions.createData('wissenssicherung.json', JSON.stringify(content.site.coverage));
      actions.addRoute({
        path: `${context.baseUrl}wissenssicherung`,
        component: clientModule('components/CoverageDashboard/index'),
        modules: { data: coverage },
        exact: true,
      });
      const digital = await actions.createData('digitalisierung.json', JSON.stringify(content.site.digital));
      actions.addRoute({
        path: `${context.baseUrl}digitalisierung`,
        component: clientModule('components/DigitalPlan/index'),
        modules: { data: digital },
        exact: true,
      });
    },
  };
}

