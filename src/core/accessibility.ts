import type { Kontakt } from './generated/config';

/**
 * The facts of the accessibility statement (BITV NRW § 4) as the page /barrierefreiheit shows
 * them: the settings' `accessibility` and `contact`, the schema's defaults and German words,
 * and the list of what the municipality has still to fill in (made by src/site/accessibility.ts,
 * handed to the site in `customFields`). The fixed legal wording is the page's
 * (src/pages/barrierefreiheit.tsx). Types and names only: the browser imports this module.
 */

/** Where the municipality's video in Deutsche Gebärdensprache goes, below the wiki's static/. */
export const DGS_VIDEO = 'dgs/wiki-erklaert.mp4';
/** Its optional captions (WebVTT), next to it. */
export const DGS_CAPTIONS = 'dgs/wiki-erklaert.vtt';

/** Marks the footer item that src/theme/Footer/LinkItem turns into the feedback link. */
export const FEEDBACK_LINK_CLASS = 'footer__link-item--barriere-melden';

/** Paths below the site's base URL, found in the wiki's static/ at build time. */
export interface DgsVideo {
  src: string;
  captions?: string;
}

/** One statement fact still missing: its key in the settings and the sentence saying so. */
export interface StatementGap {
  key: string;
  hint: string;
}

export interface Limitation {
  content: string;
  reason: string;
  alternative?: string;
}

export interface EnforcementBody {
  name: string;
  /** Lines of the postal address. */
  address: string[];
  email?: string;
  phone?: string;
}

export interface AccessibilityStatement {
  /** The administration responsible for the wiki (`name`). */
  organisation: string;
  /** The status sentence's words, e.g. „teilweise vereinbar“. */
  status?: string;
  /** `TT.MM.JJJJ`. */
  statementDate?: string;
  /** „einer Selbstbewertung“ or „einer Bewertung durch Dritte“. */
  method: string;
  limitations: Limitation[];
  contact?: Kontakt;
  enforcement: EnforcementBody;
  dgsVideo?: DgsVideo;
  missing: StatementGap[];
}
