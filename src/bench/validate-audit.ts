/**
 * `npm run validate` and `npm run audit` on the generated wiki, each cold (`--no-cache`)
 * and warm, with the goals of issue 6.
 */
import type { BenchWiki } from './bench-wiki';
import { REFERENCE_DATE } from './generate';
import { measure, median, type MeasureSettings, type Measurement } from './measure';
import { decimal, seconds, verdict } from './report';

/** remark-cli + remark-lint-frontmatter-schema on 10,000 such articles (issue 6); goal: 20× faster. */
const REMARK_LINT_10K_SECONDS = 93;
const GOAL_VALIDATE_COLD_FACTOR = 20;
const GOAL_VALIDATE_WARM_SECONDS = 1.5;
const GOAL_AUDIT_SECONDS = 5;
/** The goals are set for this wiki size. */
const GOAL_ARTICLES = 10_000;

export function measureValidateAndAudit(settings: MeasureSettings, wiki: BenchWiki, articles: number): { rows: Measurement[]; goals: string[] } {
  const today = ['--today', REFERENCE_DATE];
  const validate = ['npm', 'run', 'validate', '--', '--docs', wiki.docs, ...today];
  const audit = ['npm', 'run', 'audit', '--', '--register', wiki.register, '--docs', wiki.docs, ...today, '--format', 'json'];
  const rowsOf = `${Math.floor(articles / 5)} Registerzeilen, JSON`;
  // Cold first (never touches the cache); the warm row's check run fills the cache.
  const validateCold = measure(settings, 'npm run validate -- --no-cache (kalt)', [...validate, '--no-cache'], [0]);
  const validateWarm = measure(settings, 'npm run validate (warm: Cache gefüllt, nichts geändert)', validate, [0]);
  const auditCold = measure(settings, `npm run audit -- --no-cache (kalt; ${rowsOf})`, [...audit, '--no-cache'], [0, 1]);
  const auditWarm = measure(settings, `npm run audit (warm; ${rowsOf})`, audit, [0, 1]);
  const cold = median(validateCold.times);
  const warm = median(validateWarm.times);
  const n = articles;
  return {
    rows: [validateCold, validateWarm, auditCold, auditWarm],
    goals: [
      `validate kalt: ${seconds(cold)}, ${decimal(REMARK_LINT_10K_SECONDS / cold, 1)}× schneller als remark-lint-frontmatter-schema auf 10.000 Artikeln (${REMARK_LINT_10K_SECONDS} s; Ziel ≥ ${GOAL_VALIDATE_COLD_FACTOR}×): ${verdict(REMARK_LINT_10K_SECONDS / cold >= GOAL_VALIDATE_COLD_FACTOR, GOAL_ARTICLES, n)}`,
      `validate warm: ${seconds(warm)} (Ziel ≤ ${decimal(GOAL_VALIDATE_WARM_SECONDS, 1)} s): ${verdict(warm <= GOAL_VALIDATE_WARM_SECONDS, GOAL_ARTICLES, n)}`,
      `audit: kalt ${seconds(median(auditCold.times))}, warm ${seconds(median(auditWarm.times))} (Ziel ≤ ${GOAL_AUDIT_SECONDS} s mit 2.000 Registerzeilen): ${verdict(median(auditCold.times) <= GOAL_AUDIT_SECONDS, GOAL_ARTICLES, n)}`,
    ],
  };
}
