import { createHash } from 'node:crypto';
import type { Finding } from '../../core/finding';
import type { ValidationResult } from '../validate';

/** One issue of a GitLab code-quality report (the fields GitLab reads). */
export interface GitlabCodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/** Errors stop the build (critical); warnings only ask for a look (minor). */
const SEVERITY: Record<Finding['severity'], GitlabCodeQualityIssue['severity']> = { error: 'critical', warning: 'minor' };

/**
 * `--format gitlab`: a GitLab code-quality report, shown in merge requests
 * (`artifacts: reports: codequality`). The fingerprint identifies a finding across
 * commits: file, rule and message, not the line – a finding that only moves down
 * because text was added above stays the same finding. Equal findings in one file are
 * told apart by their order.
 */
export function formatFindingsGitlab(result: ValidationResult): string {
  const seen = new Map<string, number>();
  const issues = result.findings.map((finding): GitlabCodeQualityIssue => {
    const key = `${finding.file}\0${finding.rule}\0${finding.message}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return {
      description: finding.message,
      check_name: finding.rule,
      fingerprint: createHash('md5').update(`${key}\0${occurrence}`).digest('hex'),
      severity: SEVERITY[finding.severity],
      location: { path: finding.file, lines: { begin: finding.line } },
    };
  });
  return JSON.stringify(issues, null, 2);
}
