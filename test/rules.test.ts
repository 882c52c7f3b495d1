import { describe, expect, it } from 'vitest';
import { formatFinding } from '../src/validate/format/text';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseIsoDate } from '../src/core/dates';
import { RULE_IDS } from '../src/core/finding';
import { RULES } from '../src/validate/rules/index';
import { validateWiki } from '../src/validate/validate';
import { overlayWiki } from './helpers';

// Each rule module documents ok/not-ok examples; they are the tests.
describe.each(RULES.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('has examples', () => {
    expect(rule.examples.length).toBeGreaterThan(0);
  });
  it.each(rule.examples.map((example) => [example.title, example] as const))('%s', (_title, example) => {
    const root = overlayWiki(example.files);
    const today = parseIsoDate(example.today ?? '2026-11-28')!;
    const result = validateWiki(loadWiki(root, root), today);
    const lines = result.findings.filter((f) => f.rule === id).map(formatFinding);
    expect(lines).toEqual(example.expected);
  });
});

describe('rule table', () => {
  it('covers every rule id of the contract exactly once, in order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });
  it('has the contract severities', () => {
    expect(Object.fromEntries(RULES.map((r) => [r.id, r.severity]))).toEqual({
      yaml: 'error', schema: 'error', 'duplicate-id': 'error', reference: 'error',
      sections: 'error', placeholder: 'error', stale: 'warning', plan: 'warning',
    });
  });
  it('finds nothing in the valid mini wiki', () => {
    const root = overlayWiki({});
    expect(validateWiki(loadWiki(root, root), parseIsoDate('2026-11-28')!).findings).toEqual([]);
  });
});
