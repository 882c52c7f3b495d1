import type { AnchorHTMLAttributes, ReactNode } from 'react';

/**
 * `@docusaurus/Link` in the editor bundle (esbuild alias, src/editing/client-bundle.ts): the
 * preview has no Docusaurus router, so a card link is a plain link that opens the site's page.
 */
export default function Link({ to, href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to?: string }): ReactNode {
  return <a href={to ?? href} target="_blank" rel="noopener" {...rest} />;
}
