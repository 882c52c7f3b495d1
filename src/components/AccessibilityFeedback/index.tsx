import type { ReactNode } from 'react';
import { useLocation } from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import useIsBrowser from '@docusaurus/useIsBrowser';
import type { AccessibilityStatement } from '../../core/accessibility';
import { feedbackMailto } from './mailto';

export { FEEDBACK_LINK_CLASS } from '../../core/accessibility';

/** The statement's facts, put into the site config by src/site/docusaurus-config.ts. */
export function useAccessibilityStatement(): AccessibilityStatement {
  const { siteConfig } = useDocusaurusContext();
  return siteConfig.customFields!.accessibility as AccessibilityStatement;
}

/**
 * „Barriere melden“: an e-mail to the wiki's contact naming the page it was sent from.
 * The static HTML already names the page (site address + path), so the link works without
 * JavaScript; in the browser it takes the exact address (with #anchor) of the page now shown.
 * Without a contact in the settings there is no link (the statement says whom to ask).
 */
export default function FeedbackLink({ label, className }: { label: string; className?: string }): ReactNode {
  const { siteConfig } = useDocusaurusContext();
  const { contact } = useAccessibilityStatement();
  const { pathname } = useLocation();
  // False while hydrating, so the first browser render matches the static HTML.
  const isBrowser = useIsBrowser();
  if (contact === undefined) return null;
  const pageUrl = isBrowser ? window.location.href : new URL(pathname, siteConfig.url).href;
  return (
    <a className={className} href={feedbackMailto(contact.email, pageUrl)}>
      {label}
    </a>
  );
}
