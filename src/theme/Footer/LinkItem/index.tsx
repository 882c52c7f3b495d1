/**
 * Wraps @docusaurus/theme-classic's footer link: the item marked as the feedback link
 * (src/site/docusaurus-config.ts) becomes a mailto naming the current page; all others stay.
 */
import type { ReactNode } from 'react';
import clsx from 'clsx';
// @theme-init: the classic theme's own (see getThemePath in src/plugin/index.ts).
import LinkItem from '@theme-init/Footer/LinkItem';
import type { Props } from '@theme/Footer/LinkItem';
import FeedbackLink, { FEEDBACK_LINK_CLASS } from '../../../components/AccessibilityFeedback';

export default function FooterLinkItem(props: Props): ReactNode {
  const { item } = props;
  if (item.className === FEEDBACK_LINK_CLASS) return <FeedbackLink label={item.label ?? ''} className={clsx('footer__link-item', FEEDBACK_LINK_CLASS)} />;
  return <LinkItem {...props} />;
}
