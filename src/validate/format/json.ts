import type { ValidationResult } from '../validate';

/** `--format json`: an array of {file, line, column, severity, rule, message}. */
export function formatFindingsJson(result: ValidationResult): string {
  return JSON.stringify(
    result.findings.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
    null,
    2,
  );
}
