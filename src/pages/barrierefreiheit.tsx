/**
 * Erklärung zur Barrierefreiheit (BITV NRW § 4, § 10b BGG NRW), in the structure of the EU
 * model statement (Implementing Decision (EU) 2018/1523). The legal wording is here, once;
 * the facts come from stellenwissen.config.yaml (`accessibility`, `contact`) through
 * customFields (src/core/accessibility.ts). Missing facts are named on the page, not guessed.
 */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Layout from '@theme/Layout';
import FeedbackLink, { useAccessibilityStatement } from '../components/AccessibilityFeedback';
import type { StatementGap } from '../core/accessibility';

/** The hint for one missing fact, where that fact belongs. */
function Missing({ gaps, keys }: { gaps: StatementGap[]; keys: string[] }): ReactNode {
  const shown = gaps.filter((gap) => keys.includes(gap.key));
  if (shown.length === 0) return null;
  return (
    <div className="alert alert--warning margin-bottom--md">
      {shown.map((gap) => (
        <p key={gap.key} className="margin-bottom--none">
          {gap.hint}
        </p>
      ))}
    </div>
  );
}

export default function Accessibility(): ReactNode {
  const { siteConfig } = useDocusaurusContext();
  const statement = useAccessibilityStatement();
  const { organisation, status, statementDate, method, limitations, contact, enforcement, missing } = statement;
  const siteAddress = new URL(siteConfig.baseUrl, siteConfig.url).href;
  return (
    <Layout title="Erklärung zur Barrierefreiheit" description={`Erklärung zur Barrierefreiheit des Wikis ${siteConfig.title}`}>
      <main className="container margin-vert--lg">
        <h1>Erklärung zur Barrierefreiheit</h1>
        {missing.length > 0 && (
          <div className="alert alert--warning margin-bottom--md">
            <p className="margin-bottom--none">
              <strong>Diese Erklärung ist noch nicht vollständig.</strong> Die Verwaltung ergänzt die fehlenden Angaben in der
              Einstellungsdatei des Wikis; sie sind unten an ihrer Stelle genannt.
            </p>
          </div>
        )}
        <p>
          {organisation} ist bemüht, das Wiki {siteConfig.title} im Einklang mit dem Behindertengleichstellungsgesetz
          Nordrhein-Westfalen (BGG NRW) und der Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW) zur
          Umsetzung der Richtlinie (EU) 2016/2102 barrierefrei zugänglich zu machen.
        </p>
        <p>Diese Erklärung zur Barrierefreiheit gilt für das Wiki unter {siteAddress} mit allen seinen Seiten und Übersichten.</p>

        <h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
        <Missing gaps={missing} keys={['accessibility.status']} />
        {status !== undefined && (
          <p>
            Dieses Wiki ist mit den Anforderungen der BITV NRW, die auf die europäische Norm EN 301 549 und damit auf die Web
            Content Accessibility Guidelines (WCAG) 2.1 in der Stufe AA verweist, <strong>{status}</strong>.
            {limitations.length > 0 && ' Die Ausnahmen stehen im folgenden Abschnitt.'}
          </p>
        )}

        <h2>Nicht barrierefreie Inhalte</h2>
        <Missing gaps={missing} keys={['accessibility.limitations']} />
        {limitations.length > 0 ? (
          <>
            <p>Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:</p>
            <ul>
              {limitations.map((limitation) => (
                <li key={limitation.content}>
                  <strong>{limitation.content}</strong>
                  <br />
                  Begründung: {limitation.reason}
                  {limitation.alternative !== undefined && (
                    <>
                      <br />
                      Zugängliche Alternative: {limitation.alternative}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : (
          status !== undefined && <p>Nicht barrierefreie Inhalte sind nicht bekannt.</p>
        )}

        <h2>Erstellung dieser Erklärung</h2>
        <Missing gaps={missing} keys={['accessibility.statement_date']} />
        <p>
          {statementDate !== undefined && <>Diese Erklärung wurde am {statementDate} erstellt bzw. zuletzt überprüft. </>}
          Sie beruht auf {method}. Jede Version der Software Stellenwissen, mit der dieses Wiki gebaut ist, wird vor ihrer
          Veröffentlichung automatisiert mit dem Prüfwerkzeug axe-core gegen die Regeln der WCAG 2.0 und 2.1 (Stufen A und AA)
          getestet – jede Seitenart, im hellen und dunklen Modus und bei 320 Pixeln Breite. Automatische Tests finden nicht jede
          Barriere; die Inhalte der Artikel verantworten die Fachbereiche, die sie schreiben.
        </p>

        <h2>Feedback und Kontaktangaben</h2>
        <Missing gaps={missing} keys={['contact.email']} />
        {contact !== undefined ? (
          <>
            <p>
              Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten dieses Wikis aufgefallen? Oder brauchen Sie einen Inhalt in
              einer anderen, für Sie zugänglichen Form? Dann schreiben Sie uns. Am einfachsten geht das mit dem Link „Barriere
              melden“ unten auf jeder Seite: Er öffnet eine E-Mail, in der die Adresse der Seite schon steht.
            </p>
            <address className="margin-bottom--md">
              {contact.name !== undefined && (
                <>
                  {contact.name}
                  <br />
                </>
              )}
              {organisation}
              <br />
              E-Mail: <a href={`mailto:${contact.email}`}>{contact.email}</a>
              {contact.phone !== undefined && (
                <>
                  <br />
                  Telefon: {contact.phone}
                </>
              )}
            </address>
            <p>
              <FeedbackLink label="Barriere auf dieser Seite melden" />
            </p>
          </>
        ) : (
          <p>
            Für dieses Wiki ist noch keine Kontaktadresse eingetragen. Bis dahin wenden Sie sich mit Hinweisen auf Barrieren an die
            Stelle der Verwaltung {organisation}, die das Intranet betreut, oder an Ihre Vorgesetzte oder Ihren Vorgesetzten.
          </p>
        )}

        <h2>Durchsetzungsverfahren</h2>
        <p>
          Wenn Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten haben, können Sie sich an die folgende
          Stelle wenden. Sie vermittelt zwischen Ihnen und der Verwaltung, damit die Barriere behoben wird.
        </p>
        <address className="margin-bottom--md">
          {enforcement.name}
          {enforcement.address.map((line) => (
            <span key={line}>
              <br />
              {line}
            </span>
          ))}
          {enforcement.email !== undefined && (
            <>
              <br />
              E-Mail: {enforcement.email}
            </>
          )}
          {enforcement.phone !== undefined && (
            <>
              <br />
              Telefon: {enforcement.phone}
            </>
          )}
        </address>

        <h2>Leichte Sprache und Gebärdensprache</h2>
        <p>
          Was dieses Wiki ist und wie man es benutzt, steht in <Link to="/leichte-sprache">Leichter Sprache</Link>
          {statement.dgsVideo !== undefined && ' – dort auch als Video in Deutscher Gebärdensprache'}.
        </p>
      </main>
    </Layout>
  );
}
