import pluginContentDocs, { validateOptions, type LoadedContent, type PluginOptions } from '@docusaurus/plugin-content-docs';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { withCards } from './doc-card';
import type { StellenwissenContent } from './index';

export { validateOptions };

/**
 * The classic docs plugin, handing each doc page its own metadata card. The cards come
 * from the stellenwissen plugin's loadContent, which runs alongside this plugin's, so the
 * docs' contentLoaded (routes and one metadata JSON per doc) moves to allContentLoaded,
 * where both contents are loaded; what it creates is the same as before, plus the card.
 * Global data stays what the docs plugin puts there (paths and sidebars, no cards).
 */
export default async function docsWithCards(context: LoadContext, options: PluginOptions): Promise<Plugin<LoadedContent>> {
  const plugin = await pluginContentDocs(context, options);
  const contentLoaded = plugin.contentLoaded!;
  return {
    ...plugin,
    contentLoaded: undefined,
    async allContentLoaded({ allContent, actions }) {
      const content = allContent[plugin.name]![options.id] as LoadedContent;
      const site = allContent.stellenwissen?.default as StellenwissenContent | undefined;
      await contentLoaded({ content: withCards(content, site?.site.cards ?? {}), actions });
    },
  };
}
