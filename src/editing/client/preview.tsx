import { useEffect, useMemo, useState, type ReactNode } from 'react';
import HandoverSignatures from '../../components/HandoverSignatures';
import MetadataCard from '../../components/MetadataCard';
import type { Card } from '../../plugin/cards/index';
import { renderBody } from './body';
import { entryCard } from './card';
import { entryRelPath, entryText } from './entry-text';
import { checkEntry, SEVERITY_WORDS, type EntryCheck } from './findings';
import type { PreviewIndex } from './wiki';

/** Quiet time after a keystroke before findings and card are computed again. */
export const UPDATE_DELAY_MS = 100;
/**
 * … and before the body is rendered again: rendering a long body takes longer than the
 * findings, and as one task it would hold up the next keystroke – so it waits for a pause.
 */
export const BODY_DELAY_MS = 400;

/** What Decap hands a preview template (the part used here). */
export interface PreviewProps {
  entry: { get(key: string): unknown };
  collection?: { get(key: string): unknown };
  /** The preview frame's document (Decap renders the template into an iframe). */
  document?: Document;
}

/**
 * The file text saving would write (`save`: the editor's format), to check exactly that. When
 * the format refuses to save, the entry is checked as Decap's plain YAML would write it and the
 * refusal is shown above the findings.
 */
function savedText(data: Record<string, unknown>, save: (data: Record<string, unknown>) => string): { text: string; refusal?: string } {
  try {
    return { text: save(data) };
  } catch (error) {
    return { text: entryText(data), refusal: error instanceof Error ? error.message : String(error) };
  }
}

interface Shown {
  relPath: string;
  text: string;
  check: EntryCheck;
  card: Card | undefined;
  /** How often the findings were computed (`data-findings-updated`, for tests and the bench). */
  updates: number;
}

/** Decap's entry data (an Immutable Map) as plain values. */
function entryData(entry: PreviewProps['entry']): Record<string, unknown> {
  const data = entry.get('data') as { toJS?: () => unknown } | undefined;
  const plain = data?.toJS?.();
  return plain !== null && typeof plain === 'object' ? (plain as Record<string, unknown>) : {};
}

function Findings({ check }: { check: EntryCheck }): ReactNode {
  return (
    <section className="stellenwissen-findings" aria-labelledby="stellenwissen-findings-title" aria-live="polite">
      <h2 id="stellenwissen-findings-title">Hinweise vor dem Speichern</h2>
      {check.findings.length === 0 ? (
        <p className="stellenwissen-findings__none">Keine Befunde: Der Artikel erfüllt alle Regeln.</p>
      ) : (
        <ul>
          {check.findings.map((f, i) => (
            <li key={i} className={`stellenwissen-finding stellenwissen-finding--${f.severity}`} data-rule={f.rule}>
              <strong>{SEVERITY_WORDS[f.severity]}:</strong> {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The preview template of every collection: the findings of validate's rules for this entry,
 * then its metadata card and its body as the site shows them – recomputed shortly after the
 * last keystroke.
 */
export function createPreviewTemplate(index: PreviewIndex, save: (data: Record<string, unknown>) => string = entryText): (props: PreviewProps) => ReactNode {
  const compute = (relPath: string, text: string, updates: number): Shown => {
    const check = checkEntry(index, relPath, text);
    return { relPath, text, check, card: entryCard(check, index.data.baseUrl), updates };
  };
  return function Preview({ entry, collection, document: frame }: PreviewProps): ReactNode {
    const data = entryData(entry);
    const path = entry.get('path');
    const folder = collection?.get('folder');
    const relPath = entryRelPath(typeof path === 'string' ? path : undefined, typeof folder === 'string' ? folder : undefined, data);
    const { text, refusal } = savedText(data, save);
    const body = typeof data.body === 'string' ? data.body : '';
    const [shown, setShown] = useState(() => compute(relPath, text, 1));
    useEffect(() => {
      if (shown.relPath === relPath && shown.text === text) return undefined;
      const timer = setTimeout(() => setShown((previous) => compute(relPath, text, previous.updates + 1)), UPDATE_DELAY_MS);
      return () => clearTimeout(timer);
    }, [relPath, text, shown]);
    const [shownBody, setShownBody] = useState(body);
    useEffect(() => {
      if (shownBody === body) return undefined;
      const timer = setTimeout(() => setShownBody(body), BODY_DELAY_MS);
      return () => clearTimeout(timer);
    }, [body, shownBody]);
    const rendered = useMemo(() => renderBody(shownBody), [shownBody]);
    // Like Docusaurus: the front matter's title as heading, unless the body brings its own `#`.
    const title = typeof data.title === 'string' && !/^#\s/m.test(shownBody) ? data.title : '';
    // Decap's frame is an empty document: give it the language and a title (screen readers, axe).
    const frameTitle = `Vorschau: ${typeof data.title === 'string' && data.title !== '' ? data.title : 'neuer Artikel'}`;
    useEffect(() => {
      if (!frame) return;
      frame.documentElement.lang = 'de';
      frame.title = frameTitle;
    }, [frame, frameTitle]);
    return (
      <main className="stellenwissen-preview" data-findings-updated={shown.updates} data-findings={shown.check.findings.length}>
        {refusal && <p className="stellenwissen-findings__refusal" role="alert"><strong>Speichern nicht möglich:</strong> {refusal}</p>}
        <Findings check={shown.check} />
        <article className="markdown">
          {title !== '' && <header><h1>{title}</h1></header>}
          {shown.card && <MetadataCard card={shown.card} />}
          {rendered}
          {shown.card?.type === 'handover' && <HandoverSignatures card={shown.card} />}
        </article>
      </main>
    );
  };
}
