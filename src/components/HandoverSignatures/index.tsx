import type { ReactNode } from 'react';
import type { HandoverCard } from '../../plugin/site-data';
import styles from './styles.module.css';

/** Signature lines for the handing-over and the receiving post; shown when printed. */
export default function HandoverSignatures({ card }: { card: HandoverCard }): ReactNode {
  const post = card.post ? `${card.post.title} (${card.post.id})` : 'Stelle';
  return (
    <section className={`${styles.signatures} handover-signatures`} aria-label="Unterschriften">
      <h2>Bestätigung der Übergabe</h2>
      <p>Stelle: {post}</p>
      <div className={styles.lines}>
        <div>
          <div className={styles.line} />
          Ort, Datum, Unterschrift – übergebende Stelle
        </div>
        <div>
          <div className={styles.line} />
          Ort, Datum, Unterschrift – übernehmende Stelle
        </div>
      </div>
    </section>
  );
}
