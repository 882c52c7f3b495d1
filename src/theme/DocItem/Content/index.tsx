/**
 * Ejected from @docusaurus/theme-classic (DocItem/Content) to place the metadata
 * card right under the title and, on handovers, signature lines for printing.
 */
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { usePluginData } from '@docusaurus/useGlobalData';
import { ThemeClassNames } from '@docusaurus/theme-common';
import Heading from '@theme/Heading';
import MDXContent from '@theme/MDXContent';
import type { Props } from '@theme/DocItem/Content';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import HandoverSignatures from '../../../components/HandoverSignatures';
import MetadataCard from '../../../components/MetadataCard';
import type { StellenwissenGlobalData } from '../../../plugin';

function useSyntheticTitle(): string | null {
  const { metadata, frontMatter, contentTitle } = useDoc();
  return !frontMatter.hide_title && typeof contentTitle === 'undefined' ? metadata.title : null;
}

export default function DocItemContent({ children }: Props): ReactNode {
  const syntheticTitle = useSyntheticTitle();
  const { frontMatter } = useDoc();
  const { cards } = usePluginData('stellenwissen') as StellenwissenGlobalData;
  const card = typeof frontMatter.id === 'string' ? cards[frontMatter.id] : undefined;
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
