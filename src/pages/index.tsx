import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { usePluginData } from '@docusaurus/useGlobalData';
import Layout from '@theme/Layout';
import type { WikiSummary } from '../plugin/summary';
import { TYPE_PLURAL_LABELS } from '../core/schema/labels';
import { useAccessibilityStatement } from '../components/AccessibilityFeedback';

const TYPE_LABELS: Array<[string, string]> = (['post', 'process', 'handover', 'guide'] as const).map((type) => [type, TYPE_PLURAL_LABELS[type]!]);

export default function Home(): ReactNode {
  const summary = usePluginData('stellenwissen') as WikiSummary;
  const { dgsVideo } = useAccessibilityStatement();
  return (
    <Layout title="Startseite" description="Wissenssicherung: Stellen, Prozesse und Übergaben der Verwaltung">
      <main className="container margin-vert--lg">
        <h1>Stellenwissen</h1>
        <p>
          Hier steht, was jede Stelle weiß: ihre Aufgaben, Prozesse, Vertretungen und Übergaben – damit das
          Wissen bleibt, wenn Kolleginnen und Kollegen gehen.
        </p>
        <p>
          {TYPE_LABELS.map(([type, label]) => `${summary.totals[type] ?? 0} ${label}`).join(' · ')}
        </p>
        {/* Explanations in easy language and sign language on the start page (BITV NRW § 4). */}
        <section aria-labelledby="leichte-sprache">
          <h2 id="leichte-sprache">Leichte Sprache</h2>
          <p>Hier steht das Wissen der Stellen in der Verwaltung. Sie finden hier Ihre Aufgaben. Sie können im Wiki suchen.</p>
          <p>
            <Link to="/leichte-sprache">Das Wiki in Leichter Sprache erklärt</Link>
            {dgsVideo !== undefined && (
              <>
                {' · '}
                <Link to="/leichte-sprache#gebaerdensprache">Video in Deutscher Gebärdensprache</Link>
              </>
            )}
          </p>
        </section>
        <h2>Fachbereiche</h2>
        <div className="row">
          {summary.departments.map((department) => (
            <div key={department.id} className="col col--4 margin-bottom--md">
              <div className="card">
                <div className="card__header">
                  <h3>
                    <Link to={department.permalink}>{department.title}</Link>
                  </h3>
                </div>
                <div className="card__body">
                  {TYPE_LABELS.map(([type, label]) => `${department.counts[type] ?? 0} ${label}`).join(' · ')}
                </div>
              </div>
            </div>
          ))}
        </div>
      </main>
    </Layout>
  );
}
