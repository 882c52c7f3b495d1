import Link from '@docusaurus/Link';
import type { ReactNode } from 'react';
import type { CheckId } from '../../coverage/coverage';
import { germanDate } from '../../core/german';
import { MISSING_LABELS } from '../../coverage/texts';
import {
  bundleLabel, CRITICALITY_LABELS, FIELD_TITLES, DIGITAL_STATUS_LABELS, FREQUENCY_LABELS, HANDOVER_STATUS_LABELS, TYPE_LABELS, TYPE_PLURAL_LABELS,
} from '../../core/schema/labels';
import type { Card, DepartmentCard, GuideCard, HandoverCard, LinkRef, LocalValue, PostCard, ProcessCard } from '../../plugin/site-data';
import CoverageBar from '../CoverageBar';
import { PROBLEM_LABELS } from '../../plan/texts';
import styles from './styles.module.css';

function Links({ refs, empty = '–' }: { refs: LinkRef[]; empty?: string }): ReactNode {
  if (refs.length === 0) return <span className={styles.missing}>{empty}</span>;
  return (
    <span>
      {refs.map((ref, i) => (
        <span key={ref.id}>
          {i > 0 && ', '}
          <Link to={ref.permalink}>{ref.title}</Link> <code className={styles.id}>{ref.id}</code>
        </span>
      ))}
    </span>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Reviewed({ reviewed, stale, due }: { reviewed?: string; stale: boolean; due?: string }): ReactNode {
  if (!reviewed) return '–';
  return (
    <span>
      {germanDate(reviewed)}
      {stale && (
        <strong className={styles.stale} title={due ? `fällig seit ${germanDate(due)}` : undefined}>
          {' '}Überprüfung fällig
        </strong>
      )}
    </span>
  );
}


function PostDetails({ card }: { card: PostCard }): ReactNode {
  const missing = (Object.keys(card.checks) as CheckId[]).filter((c) => card.checks[c] === 'fail');
  return (
    <>
      <dl className={styles.grid}>
        <Row label="Vertretung"><Links refs={card.deputies} empty="Keine Vertretung benannt" /></Row>
        <Row label="Verantwortet"><Links refs={card.owns} empty="keine Prozesse" /></Row>
        <Row label="Führt auch aus"><Links refs={card.performs} /></Row>
        <Row label="Fachverfahren">{card.systems.length > 0 ? card.systems.join(', ') : '–'}</Row>
        <Row label="Kritikalität">{card.criticality ? CRITICALITY_LABELS[card.criticality] ?? card.criticality : '–'}</Row>
        <Row label="Überprüft"><Reviewed reviewed={card.reviewed} stale={card.stale} due={card.due} /></Row>
        <Row label="Wissenssicherung"><CoverageBar value={card.coverage} /></Row>
      </dl>
      {missing.length > 0 && (
        <div className={styles.gaps}>
          <strong>Es fehlt: </strong>{missing.map((c) => MISSING_LABELS[c]).join(', ')}
          <ul>{card.gaps.map((gap) => <li key={gap}>{gap}</li>)}</ul>
        </div>
      )}
    </>
  );
}

function ProcessDetails({ card }: { card: ProcessCard }): ReactNode {
  return (
    <dl className={styles.grid}>
      <Row label="Verantwortlich">{card.owner ? <Links refs={[card.owner]} /> : '–'}</Row>
      <Row label="Ausführende"><Links refs={card.performers} empty="nur die verantwortliche Stelle" /></Row>
      <Row label="Häufigkeit">{card.frequency ? FREQUENCY_LABELS[card.frequency] ?? card.frequency : '–'}</Row>
      <Row label="LeiKa-Schlüssel">{card.leika ? <code>{card.leika}</code> : '–'}</Row>
      <Row label="Rechtsgrundlagen">{card.legalBasis.length > 0 ? card.legalBasis.join('; ') : '–'}</Row>
      <Row label="Fachverfahren">{card.systems.length > 0 ? card.systems.join(', ') : '–'}</Row>
      <Row label="Digitalisierung">
        {card.digital
          ? `${DIGITAL_STATUS_LABELS[card.digital.status] ?? card.digital.status}${card.digital.bundle ? ` · Digitalbündel ${card.digital.bundle} (${bundleLabel(card.digital.bundle)})` : ''}${card.digital.effort ? ` · Aufwand ${card.digital.effort} Personentage` : ''}`
          : '–'}
        {card.digital && card.digital.problems.length > 0 && <span className={styles.missing}> · {card.digital.problems.map((id) => PROBLEM_LABELS[id]).join(', ')}</span>}
      </Row>
      <Row label="Überprüft"><Reviewed reviewed={card.reviewed} stale={card.stale} /></Row>
    </dl>
  );
}

function HandoverDetails({ card }: { card: HandoverCard }): ReactNode {
  const share = card.total === 0 ? 0 : Math.round((card.done * 100) / card.total);
  return (
    <dl className={styles.grid}>
      <Row label="Stelle">{card.post ? <Links refs={[card.post]} /> : '–'}</Row>
      <Row label="Stand">{card.status ? HANDOVER_STATUS_LABELS[card.status] ?? card.status : '–'}</Row>
      <Row label="Fällig am">{card.due ? germanDate(card.due) : '–'}</Row>
      <Row label="Checkliste">
        <span className={styles.coverage}>
          <progress className={styles.progress} max={card.total || 1} value={card.done} aria-label="Fortschritt der Checkliste" />
          {card.done} von {card.total} erledigt ({share} %)
        </span>
      </Row>
    </dl>
  );
}

function DepartmentDetails({ card }: { card: DepartmentCard }): ReactNode {
  const plan = card.plan;
  return (
    <>
      {plan && (
        <dl className={styles.grid}>
          <Row label={FIELD_TITLES.digital_capacity}>{plan.capacity ?? '–'}</Row>
          <Row label={FIELD_TITLES.digicheck}>
            {plan.digicheck ? `${germanDate(plan.digicheck)} (fällig am ${germanDate(plan.digicheckDue!)})` : '–'}
            {plan.problems.length > 0 && <span className={styles.missing}> · {plan.problems.map((id) => PROBLEM_LABELS[id]).join(', ')}</span>}
          </Row>
        </dl>
      )}
      <table className={styles.table}>
        <thead><tr><th>Stelle</th><th>Kritikalität</th><th>Wissenssicherung</th><th>Es fehlt</th></tr></thead>
        <tbody>
          {card.posts.map((post) => (
            <tr key={post.id}>
              <td><Link to={post.permalink}>{post.title}</Link> <code className={styles.id}>{post.id}</code></td>
              <td>{post.criticality ? CRITICALITY_LABELS[post.criticality] ?? post.criticality : '–'}</td>
              <td><CoverageBar value={post.coverage} /></td>
              <td>{post.missing.map((c) => MISSING_LABELS[c]).join(', ') || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className={styles.table}>
        <thead><tr><th>Prozess</th><th>Verantwortlich</th><th>Digitalisierung</th></tr></thead>
        <tbody>
          {card.processes.map((process) => (
            <tr key={process.id}>
              <td><Link to={process.permalink}>{process.title}</Link></td>
              <td>{process.owner ? <Link to={process.owner.permalink}>{process.owner.title}</Link> : '–'}</td>
              <td>{process.digital ? DIGITAL_STATUS_LABELS[process.digital] ?? process.digital : '–'}{process.bundle ? ` · ${process.bundle}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function GuideDetails({ card }: { card: GuideCard }): ReactNode {
  return (
    <dl className={styles.grid}>
      <Row label="Verantwortlich">{card.owner ? <Links refs={[card.owner]} /> : '–'}</Row>
      <Row label="Überprüft"><Reviewed reviewed={card.reviewed} stale={card.stale} /></Row>
    </dl>
  );
}

/** The wiki's own keys (erweiterungen/), labelled with their schema titles. */
function LocalDetails({ values }: { values: LocalValue[] }): ReactNode {
  return (
    <dl className={`${styles.grid} ${styles.local} metadata-card__local`}>
      {values.map((v) => <Row key={v.key} label={v.label}>{v.value}</Row>)}
    </dl>
  );
}

const HEADINGS: Record<Card['type'], string> = {
  ...(TYPE_LABELS as Record<Card['type'], string>),
  department: `${TYPE_LABELS.department}: ${TYPE_PLURAL_LABELS.post} und ${TYPE_PLURAL_LABELS.process}`,
};

/** The metadata card at the top of an article: front matter plus derived relations. */
export default function MetadataCard({ card }: { card: Card }): ReactNode {
  return (
    <aside className={`${styles.card} metadata-card metadata-card--${card.type}`} aria-label={`Angaben: ${HEADINGS[card.type]}`}>
      <div className={styles.kind}>{HEADINGS[card.type]}</div>
      {card.type === 'post' && <PostDetails card={card} />}
      {card.type === 'process' && <ProcessDetails card={card} />}
      {card.type === 'handover' && <HandoverDetails card={card} />}
      {card.type === 'department' && <DepartmentDetails card={card} />}
      {card.type === 'guide' && <GuideDetails card={card} />}
      {card.local && <LocalDetails values={card.local} />}
    </aside>
  );
}
