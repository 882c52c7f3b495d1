import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { usePluginData } from '@docusaurus/useGlobalData';
import Layout from '@theme/Layout';
import type { WikiSummary } from '../plugin/summary';
import { TYPE_PLURAL_LABELS } from '../core/schema/labels';

const TYPE_LABELS: Array<[string, string]> = (['post', 'process', 'handover', 'guide'] as const).map((type) => [type, TYPE_PLURAL_LABELS[type]!]);

export default function Home(): ReactNode {
  const summary = usePluginData('stellenwissen') as WikiSummary;
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
