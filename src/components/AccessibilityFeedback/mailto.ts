/** Subject of every „Barriere melden“ e-mail (the feedback mechanism of BITV NRW § 5). */
export const FEEDBACK_SUBJECT = 'Barriere im Wiki melden';

/**
 * The `mailto:` of the feedback link: to the wiki's contact, subject and body prefilled with
 * the page's address (RFC 6068: every part percent-encoded, line breaks as CRLF).
 */
export function feedbackMailto(email: string, pageUrl: string): string {
  const body = [`Seite: ${pageUrl}`, '', 'Was ist die Barriere? (z. B. was nicht geht, mit welchem Hilfsmittel oder Browser):', '', ''].join('\r\n');
  return `mailto:${email}?subject=${encodeURIComponent(FEEDBACK_SUBJECT)}&body=${encodeURIComponent(body)}`;
}
