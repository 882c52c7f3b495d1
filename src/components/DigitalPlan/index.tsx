import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import { bundleLabel, DIGITAL_STATUS_LABELS, FIELD_TITLES } from '../../core/schema/labels';
import { germanDate } from '../../core/german';
import { PROBLEM_LABELS } from '../../plan/texts';
import type { ProblemId } from '../../plan/plan';
import type { DigitalPlanData } from '../../plugin/site-data';
import CoverageBar from '../CoverageBar';
import styles from '../dashboard.module.css';

const STATUS_CLASS: Record<string, string> = {
  analog: styles.analog,
  partial: styles.partial,
  digital: styles.digital,
  online: styles.online,
};

function Status({ status }: { status?: string }): ReactNode {
  if (!status) return <span className={styles.badge}>ohne Angabe</span>;
  return <span className={`${styles.badge} ${STATUS_CLASS[status] ?? ''}`}>{DIGITAL_STATUS_LABELS[status] ?? status}</span>;
}

function Problems({ problems }: { problems: ProblemId[] }): ReactNode {
  return problems.map((id) => <span key={id} className={`${styles.badge} ${styles.problem}`}>{PROBLEM_LABELS[id]}</span>);
}

/** /digitalisierung — the ten-year plan as `npm run plan` sees it: bundles × departments, capacity, DigiChecks, burn-up. */
export default function DigitalPlan({ data }: { data: DigitalPlanData }): ReactNode {
  const unplanned = data.processes.filter((p) => !p.bundle);
  const s = data.summary;
  return (
    <Layout title="Digitalisierung" description="Digitalisierungsplan: Prozesse nach Digitalbündel und Fachbereich">
      <main className="container margin-vert--lg">
        <h1>Digitalisierung</h1>
        <p>
          Jeder Prozess trägt seinen Digitalisierungsstand und das Halbjahr („Digitalbündel“), in dem er digitalisiert
          wird – zusammen ergibt das den Zehnjahresplan {data.bundles[0]?.slice(0, 4)}–{data.bundles.at(-1)?.slice(0, 4)}.
          Stand am {germanDate(data.today)}: {s.done} von {s.processes} Prozessen digital oder online ({s.share} %),
          {' '}{s.effort} Personentage Aufwand offen, {s.problems.overdue} überfällig, {s.overloaded_bundles} Digitalbündel überlastet.
          Den Bericht für den Rat schreibt <code>npm run plan -- --format html</code>.
        </p>

        {data.burnUpSvg !== '' && (
          <>
            <h2>Fortschritt gegen den Plan</h2>
            {/* Our own SVG from src/plan/burn-up.ts (numbers and bundle names only), the same as in the report. */}
            <div className={styles.burnUp} dangerouslySetInnerHTML={{ __html: data.burnUpSvg }} />
          </>
        )}

        <h2>Fortschritt je Fachbereich</h2>
        <table className={styles.table} id="fortschritt">
          <thead><tr><th>Fachbereich</th><th>Prozesse</th><th>digital oder online</th><th>Anteil</th><th>{FIELD_TITLES.digital_capacity}</th><th>{FIELD_TITLES.digicheck}</th><th>Probleme</th></tr></thead>
          <tbody>
            {data.departments.map((d) => (
              <tr key={d.id}>
                <td><Link to={d.permalink}>{d.title}</Link></td>
                <td>{d.processes}</td>
                <td>{d.digitalOrOnline}</td>
                <td>
                  <CoverageBar value={d.share} tone="full" />
                </td>
                <td>{d.capacity ?? '–'}</td>
                <td>{d.digicheck ? <>{germanDate(d.digicheck)}{d.digicheckDue && <><br /><small>fällig am {germanDate(d.digicheckDue)}</small></>}</> : '–'}</td>
                <td><Problems problems={d.problems} /></td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>Digitalbündel</h2>
        <table className={styles.table} id="buendel">
          <thead>
            <tr><th>Digitalbündel</th>{data.departments.map((d) => <th key={d.id}>{d.title}</th>)}</tr>
          </thead>
          <tbody>
            {data.bundles.map((bundle) => (
              <tr key={bundle} data-bundle={bundle}>
                <th scope="row">{bundle}<br /><small>{bundleLabel(bundle)}</small></th>
                {data.departments.map((d) => {
                  const load = data.overloaded[`${bundle} ${d.id}`];
                  return (
                    <td key={d.id} data-overloaded={load ? 'true' : undefined}>
                      {load && <div className={styles.overloaded}>{PROBLEM_LABELS.overloaded}: {load.effort} von {load.capacity} Personentagen</div>}
                      {data.processes.filter((p) => p.bundle === bundle && p.department === d.id).map((p) => (
                        <div key={p.id} className={styles.process}>
                          <Link to={p.permalink}>{p.title}</Link> <Status status={p.status} /> <Problems problems={p.problems.filter((id) => id === 'overdue' || id === 'knowledge-at-risk')} />
                        </div>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>

        {unplanned.length > 0 && (
          <>
            <h2>Ohne Digitalbündel ({unplanned.length})</h2>
            <ul>
              {unplanned.map((p) => (
                <li key={p.id}><Link to={p.permalink}>{p.title}</Link> – {p.departmentTitle} <Status status={p.status} /></li>
              ))}
            </ul>
          </>
        )}
      </main>
    </Layout>
  );
}
