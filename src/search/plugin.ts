/**
 * Docusaurus plugin: after the build, writes the German search index (src/search/build.ts)
 * for the wiki into `<outDir>/suchindex/`. Articles come from the core library (front
 * matter + Markdown summary) – the wiki the `stellenwissen` plugin loaded when its content
 * offers it, else loaded here –, URLs from the docs plugin, so the index matches the pages.
 * `npm start` builds no index; the search box then says so.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { loadWiki } from '../core/load/load-wiki';
import { useWikiExtensions } from '../core/schema/extensions';
import { type Wiki } from '../core/wiki';
import { TYPE_LABELS } from '../core/schema/labels';
import { buildSearchIndex } from './build';
import { departmentTitles, searchDocumentsFromWiki } from './documents';
import { germanLexicon } from './lexicon';
import { SEARCH_DIR } from './types';

export interface SearchPluginOptions {
  /** The wiki folder (absolute or relative to the site). */
  docsDir: string;
  /** Largest number of articles per index file (see build.ts). */
  maxDocumentsPerShard?: number;
}

interface DocsContent {
  loadedVersions?: Array<{ docs: Array<{ source: string; permalink: string }> }>;
}

/** Absolute source path of every doc page → its permalink (with the base URL). */
export function permalinksBySource(plugins: ReadonlyArray<{ name: string; content?: unknown }>, siteDir: string): Map<string, string> {
  const permalinks = new Map<string, string>();
  for (const plugin of plugins) {
    if (plugin.name !== 'docusaurus-plugin-content-docs') continue;
    for (const version of (plugin.content as DocsContent | undefined)?.loadedVersions ?? []) {
      for (const doc of version.docs) {
        const path = doc.source.startsWith('@site/') ? resolve(siteDir, doc.source.slice('@site/'.length)) : resolve(doc.source);
        permalinks.set(path, doc.permalink);
      }
    }
  }
  return permalinks;
}

/**
 * The wiki another plugin of this site has already loaded (the `stellenwissen` plugin, if its
 * content carries `wiki`), so the build reads and parses the articles only once.
 */
export function loadedWiki(plugins: ReadonlyArray<{ name: string; content?: unknown }>, docsDir: string): Wiki | undefined {
  for (const plugin of plugins) {
    const wiki = (plugin.content as { wiki?: Partial<Wiki> } | undefined)?.wiki;
    if (plugin.name === 'stellenwissen' && wiki && Array.isArray(wiki.articles) && wiki.departments instanceof Map && wiki.root !== undefined
      && resolve(wiki.root) === docsDir) {
      return wiki as Wiki;
    }
  }
  return undefined;
}

export default function searchPlugin(context: LoadContext, options: SearchPluginOptions): Plugin<void> {
  const docsDir = resolve(context.siteDir, options.docsDir);
  return {
    name: 'stellenwissen-search',
    async postBuild({ plugins, outDir, siteDir }) {
      const started = performance.now();
      const permalinks = permalinksBySource(plugins, siteDir);
      useWikiExtensions(siteDir); // the wiki's own keys are searchable too (documents.ts)
      const wiki = loadedWiki(plugins, docsDir) ?? loadWiki(docsDir, process.cwd());
      const documents = searchDocumentsFromWiki(wiki, (article) => permalinks.get(resolve(docsDir, article.relPath)));
      const built = buildSearchIndex(documents, {
        departments: departmentTitles(wiki),
        types: TYPE_LABELS,
        lexicon: germanLexicon(),
        maxDocumentsPerShard: options.maxDocumentsPerShard,
      });
      const folder = join(outDir, SEARCH_DIR);
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      for (const [name, content] of built.files) writeFileSync(join(folder, name), content);
      const { stats } = built;
      console.log(`[stellenwissen] Suchindex: ${stats.documents} Artikel in ${stats.shards} Teilen, ${(stats.bytes / 1024).toFixed(0)} KB `
        + `(größte Datei ${(stats.largestFileBytes / 1024).toFixed(0)} KB), ${stats.terms} Suchbegriffe, `
        + `${stats.compounds} von ${stats.words} Wörtern zerlegt, ${Math.round(performance.now() - started)} ms`);
    },
  };
}
