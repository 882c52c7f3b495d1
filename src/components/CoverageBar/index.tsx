import type { ReactNode } from 'react';
import styles from './styles.module.css';

/** A percentage as a small bar: green when complete, amber from 50 %, red below (or one fixed tone). */
export default function CoverageBar({ value, tone }: { value: number; tone?: 'full' }): ReactNode {
  const colour = tone === 'full' || value >= 100 ? styles.full : value >= 50 ? styles.mid : styles.low;
  return (
    <span className={styles.cell}>
      <span className={styles.bar} role="img" aria-label={`${value} %`}>
        <span className={colour} style={{ width: `${value}%` }} />
      </span>
      {value} %
    </span>
  );
}
