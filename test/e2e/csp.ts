import type { Page } from 'playwright-core';

/**
 * Content-Security-Policy violations of a page, as the browser reports them
 * (`securitypolicyviolation` events), one line each: directive, blocked URI, source:line.
 *
 *     const violations = await watchCspViolations(page);
 *     await page.goto(url);
 *     expect(await violations()).toEqual([]);
 *
 * Call it before the first navigation: the listener is installed by an init script, so it
 * runs before any script of every document the page loads (also after the login redirect).
 * Frames report their own violations to their own document and are not collected.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  // The events are dispatched as tasks: a zero timeout lets those already queued arrive first.
  return () => page.evaluate(() => new Promise<string[]>((done) => setTimeout(() => done((window as unknown as { cspViolations?: string[] }).cspViolations ?? []), 0)));
}
