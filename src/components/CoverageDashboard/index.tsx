import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import { useMemo, useState, type ReactNode } from 'react';
import { germanDate } from '../../core/german';
import { MISSING_LABELS } from '../../coverage/texts';
import { CRITICALITY_LABELS, FIELD_TITLES, TYPE_LABELS } from '../../core/schema/labels';
import type { CoverageDashboardData } from '../../plugin/site-data';
import CoverageBar from '../CoverageBar';
import styles from '../dashboard.module.css';

type PostRow = CoverageDashboardData['posts'][number];
type SortKey = 'title' | 'department' | 'criticality' | 'coverage';
const CRITICALITY_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2 };

function compare(a: PostRow, b: PostRow, key: SortKey): number {
  switch (key) {
    case 'title': return a.title.localeCompare(b.title, 'de');
    case 'department': return a.departmentTitle.localeCompare(b.departmentTitle, 'de', { numeric: true });
    case 'criticality': return (CRITICALITY_ORDER[a.criticality ?? ''] ?? 3) - (CRITICALITY_ORDER[b.criticality ?? ''] ?? 3);
    case 'coverage': return a.coverage - b.coverage;
  }
}


/** /wissenssicherung — coverage per department and per post, without any personal data. */
export default function CoverageDashboard({ data }: { data: CoverageDashboardData }): ReactNode {
  const [department, setDepartment] = useState('');
  const [criticality, setCriticality] = useState('');
  const [below, setBelow] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'coverage', ascending: true });

  const rows = useMemo(() => {
    const limit = below === '' ? undefined : Number(below);
    return data.posts
      .filter((p) => department === '' || p.department === department)
      .filter((p) => criticality === '' || p.criticality === criticality)
      .filter((p) => limit === undefined || Number.isNaN(limit) || p.coverage < limit)
      .sort((a, b) => (sort.ascending ? 1 : -1) * compare(a, b, sort.key) || a.id.localeCompare(b.id, 'de', { numeric: true }));
  }, [data.posts, department, criticality, below, sort]);

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className={styles.sortButton} onClick={() => setSort({ key, ascending: sort.key === key ? !sort.ascending : true })}>
        {label}{sort.key === key ? (sort.ascending ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  return (
    <Layout title="Wissenssicherung" description="Abdeckung der Wissenssicherung je Fachbereich und Stelle">
      <main className="container margin-vert--lg">
        <h1>Wissenssicherung</h1>
        <p>
          Stand {germanDate(data.today)}. Je Stelle fünf Prüfungen: Stellenprofil, Abschnitte vollständig, Vertretung
          benannt, Prozesse mit zweiter ausführender Stelle, aktuell überprüft. Austritte und Übergaben wertet die
          Personalabteilung gesondert aus.
        </p>

        <h2>Fachbereiche</h2>
        <table className={styles.table}>
          <thead>
            <tr><th>Fachbereich</th><th>Stellen</th><th>vollständig abgesichert</th><th>mittlere Abdeckung</th><th>ohne Vertretung</th><th>Prozesse nicht abgesichert</th></tr>
          </thead>
          <tbody>
            {data.departments.map((d) => (
              <tr key={d.id}>
                <td><Link to={d.permalink}>{d.title}</Link></td>
                <td>{d.posts}</td>
                <td>{d.secured}</td>
                <td><CoverageBar value={d.average} /></td>
                <td>{d.withoutDeputy}</td>
                <td>{d.singlePerformer}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>Stellen</h2>
        <form className={styles.filters} onSubmit={(e) => e.preventDefault()} aria-label="Stellen filtern">
          <label>
            Fachbereich{' '}
            <select value={department} onChange={(e) => setDepartment(e.target.value)} name="fachbereich">
              <option value="">alle</option>
              {data.departments.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
            </select>
          </label>
          <label>
            Kritikalität{' '}
            <select value={criticality} onChange={(e) => setCriticality(e.target.value)} name="kritikalitaet">
              <option value="">alle</option>
              {Object.entries(CRITICALITY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </label>
          <label>
            Abdeckung unter{' '}
            <input type="number" min={0} max={101} step={10} value={below} onChange={(e) => setBelow(e.target.value)} name="abdeckung-unter" placeholder="%" className={styles.number} /> %
          </label>
          <span className={styles.count} aria-live="polite">{rows.length} von {data.posts.length} Stellen</span>
        </form>
        <table className={styles.table} id="stellen">
          <thead>
            <tr>{header('title', TYPE_LABELS.post!)}{header('department', FIELD_TITLES.department)}{header('criticality', FIELD_TITLES.criticality)}{header('coverage', 'Abdeckung')}<th>Es fehlt</th></tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-post={p.id}>
                <td><Link to={p.permalink}>{p.title}</Link> <code>{p.id}</code></td>
                <td>{p.departmentTitle}</td>
                <td>{p.criticality ? CRITICALITY_LABELS[p.criticality] ?? p.criticality : '–'}</td>
                <td><CoverageBar value={p.coverage} /></td>
                <td>{p.missing.length === 0 ? '–' : <span title={p.gaps.join('\n')}>{p.missing.map((c) => MISSING_LABELS[c]).join(', ')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>Überfällige Überprüfungen ({data.overdue.length})</h2>
        {data.overdue.length === 0 ? <p>Keine.</p> : (
          <table className={styles.table} id="ueberfaellig">
            <thead><tr><th>Artikel</th><th>Art</th><th>Fachbereich</th><th>zuletzt überprüft</th><th>fällig seit</th></tr></thead>
            <tbody>
              {data.overdue.map((a) => (
                <tr key={a.id}>
                  <td><Link to={a.permalink}>{a.title}</Link></td>
                  <td>{TYPE_LABELS[a.type] ?? a.type}</td>
                  <td>{a.departmentTitle}</td>
                  <td>{germanDate(a.reviewed)}</td>
                  <td>{germanDate(a.due)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </Layout>
  );
}
