/**
 * Ejected from @docusaurus/theme-classic (DocItem/Content) to place the metadata
 * card right under the title and, on handovers, signature lines for printing.
 */
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { ThemeClassNames } from '@docusaurus/theme-common';
import Heading from '@theme/Heading';
import MDXContent from '@theme/MDXContent';
import type { Props } from '@theme/DocItem/Content';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import HandoverSignatures from '../../../components/HandoverSignatures';
import MetadataCard from '../../../components/MetadataCard';
import { cardOf } from '../../../plugin/doc-card';

function useSyntheticTitle(): string | null {
  const { metadata, frontMatter, contentTitle } = useDoc();
  return !frontMatter.hide_title && typeof contentTitle === 'undefined' ? metadata.title : null;
}

export default function DocItemContent({ children }: Props): ReactNode {
  const syntheticTitle = useSyntheticTitle();
  // The card is in this doc's own metadata module (src/plugin/doc-card.ts), so it is
  // in the server-rendered HTML and in no other page's bundle.
  const card = cardOf(useDoc().metadata);
  return (
    <div className={clsx(ThemeClassNames.docs.docMarkdown, 'markdown')}>
      {syntheticTitle && (
        <header>
          <Heading as="h1">{syntheticTitle}</Heading>
        </header>
      )}
      {card && <MetadataCard card={card} />}
      <MDXContent>{children}</MDXContent>
      {card?.type === 'handover' && <HandoverSignatures card={card} />}
    </div>
  );
}
