import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from '../helpers';

/** axe-core from this repository's devDependencies, injected into the page under test. */
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** The rule sets of WCAG 2.1 level AA (what BITV NRW / EN 301 549 ask for). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: AxeNode[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA) on the page (or one frame of it, e.g. the editor's preview) as
 * it is now and returns one line per failing node: `rule-id (impact) selector: summary`. Empty
 * when the page has no violations.
 */
export async function axeViolations(page: Page | Frame): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, WCAG_TAGS) as AxeViolation[];
  const lines: string[] = [];
  for (const violation of violations) {
    for (const node of violation.nodes) {
      const selector = node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' ');
      const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      lines.push(`${violation.id} (${violation.impact ?? 'unknown'}) ${selector}: ${summary}`);
    }
  }
  return lines;
}

/** Fails with every violation (rule, page label, selector) when axe finds anything on the page. */
export async function expectNoAxeViolations(page: Page | Frame, label: string): Promise<void> {
  const lines = await axeViolations(page);
  expect(lines.map((line) => `[${label}] ${line}`), `axe-Verstöße auf „${label}“`).toEqual([]);
}
