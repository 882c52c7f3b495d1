import { resolve } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { formatFinding, loadWiki, localToday, validateWiki, type ValidationResult } from '../knowledge';
import { summariseWiki, type WikiSummary } from './summary';

export interface StellenwissenPluginOptions {
  /** The wiki folder (absolute or relative to the site). */
  docsDir: string;
  /** Fail on validation errors (the production build); `npm start` only reports them. */
  failOnError?: boolean;
}

export interface StellenwissenContent {
  summary: WikiSummary;
}

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
 * wiki and gates the build; contentLoaded hands the derived data to the pages.
 */
export default function stellenwissenPlugin(context: LoadContext, options: StellenwissenPluginOptions): Plugin<StellenwissenContent> {
  const docsDir = resolve(context.siteDir, options.docsDir);
  const failOnError = options.failOnError ?? process.env.NODE_ENV === 'production';
  return {
    name: 'stellenwissen',
    getPathsToWatch() {
      return [`${docsDir}/**/*.md`];
    },
    async loadContent() {
      const wiki = loadWiki(docsDir, process.cwd());
      const result = validateWiki(wiki, localToday());
      if (result.errors > 0 && failOnError) {
        // Printed first so the clerk sees the findings above Docusaurus's own error output.
        console.error(gateMessage(result));
        throw new Error(`Build abgebrochen: ${result.errors} Fehler im Wiki (siehe oben).`);
      }
      for (const finding of result.findings) console.warn(`[stellenwissen] ${formatFinding(finding)}`);
      return { summary: summariseWiki(wiki, context.baseUrl) };
    },
    async contentLoaded({ content, actions }) {
      actions.setGlobalData(content.summary);
    },
  };
}

