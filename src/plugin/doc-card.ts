import type { DocMetadata, LoadedContent } from '@docusaurus/plugin-content-docs';
import type { Card } from './cards';

/**
 * A doc's metadata with its own metadata card. The docs plugin writes each doc's
 * metadata to one JSON module that only that page's chunk imports (and the server
 * render reads), so a card reaches its page – and the static HTML – and no other.
 */
export type DocMetadataWithCard = DocMetadata & { stellenwissenCard?: Card };

/** The docs plugin's content with each doc's card (matched by the article id in its front matter). */
export function withCards(content: LoadedContent, cards: Record<string, Card>): LoadedContent {
  return {
    ...content,
    loadedVersions: content.loadedVersions.map((version) => ({
      ...version,
      docs: version.docs.map((doc): DocMetadataWithCard => {
        const id = doc.frontMatter.id;
        const card = typeof id === 'string' && Object.hasOwn(cards, id) ? cards[id] : undefined;
        return card ? { ...doc, stellenwissenCard: card } : doc;
      }),
    })),
  };
}

/** The card of the doc being shown (client and server render). */
export function cardOf(metadata: DocMetadata): Card | undefined {
  return (metadata as DocMetadataWithCard).stellenwissenCard;
}
