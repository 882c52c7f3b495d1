import { describe, expect, it } from 'vitest';
import { formatFindingsGitlab, type GitlabCodeQualityIssue } from '../src/validate/format/gitlab';
import { type Finding } from '../src/core/finding';

const finding = (line: number, message = 'Abschnitt „## Ablauf“ fehlt', file = 'docs/fb1/p.md'): Finding =>
  ({ file, line, column: 1, severity: 'error', rule: 'sections', message });

const report = (findings: Finding[]) =>
  JSON.parse(formatFindingsGitlab({ findings, errors: findings.length, warnings: 0, articles: 1 })) as GitlabCodeQualityIssue[];

describe('formatFindingsGitlab', () => {
  it('keeps a finding\'s fingerprint when it only moves to another line', () => {
    expect(report([finding(7)])[0]!.fingerprint).toBe(report([finding(12)])[0]!.fingerprint);
  });

  it('gives equal findings in one file, and findings in other files, different fingerprints', () => {
    const issues = report([finding(3), finding(9), finding(3, 'anders'), finding(3, undefined, 'docs/fb1/q.md')]);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(4);
  });

  it('maps warnings to minor and errors to critical', () => {
    const issues = report([finding(1), { ...finding(2), severity: 'warning', rule: 'stale' }]);
    expect(issues.map((i) => [i.check_name, i.severity])).toEqual([['sections', 'critical'], ['stale', 'minor']]);
  });

  it('prints an empty array when there is nothing to report', () => {
    expect(formatFindingsGitlab({ findings: [], errors: 0, warnings: 0, articles: 3 })).toBe('[]');
  });
});
