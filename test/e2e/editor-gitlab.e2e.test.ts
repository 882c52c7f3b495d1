import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { localToday } from '../../src/core/dates';
import { loadWiki } from '../../src/core/load/load-wiki';
import { validateWiki } from '../../src/validate/validate';
import { ROOT, tempDir } from '../helpers';
import { fillNewProcess, pick, startBuiltAdmin } from './editor-harness';
import { startFakeGitLab, type FakeGitLab } from './fake-gitlab';
import { launchBrowser, watchedPage } from './harness';

/**
 * The town hall's flow (issue 18, „Done when“): a clerk logs in with GitLab (PKCE), creates an
 * article and submits it for review – a branch, a commit and a merge request, nothing on main.
 * No GitLab here: test/e2e/fake-gitlab.ts answers what Decap's GitLab backend asks.
 */
const REPO = 'hauptamt/wissen';
let browser: Browser;
let gitlab: FakeGitLab;
let admin: { adminUrl: string; close(): Promise<void> };

/** The sample wiki's docs/ as the project's files (`docs/…`). */
function sampleFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(join(ROOT, 'docs'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    files.set(`docs/${path.slice(join(ROOT, 'docs').length + 1).split('\\').join('/')}`, readFileSync(path));
  }
  return files;
}

beforeAll(async () => {
  gitlab = await startFakeGitLab({ repo: REPO, branch: 'main', files: sampleFiles() });
  [browser, admin] = await Promise.all([
    launchBrowser(),
    startBuiltAdmin({ backend: 'gitlab', baseUrl: gitlab.url, appId: 'test', repo: REPO, branch: 'main', review: true }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await admin?.close();
  await gitlab?.close();
});

/** A fresh page that blocks (and records) every request leaving the machine. */
const newPage = () => watchedPage(browser);

describe('the browser editor with GitLab (a fake GitLab on 127.0.0.1)', () => {
  it('a clerk logs in with GitLab, creates a process and saves it: a branch, one commit creating the file in our format, an open merge request into main; main untouched', async () => {
    const { page, foreign, errors } = await newPage();
    // A step that times out is often a request the fake does not answer: name them.
    onTestFailed(() => console.error(`Anfragen, die der GitLab-Nachbau nicht kennt:\n${gitlab.unknown.join('\n') || '(keine)'}`));
    const mainBefore = gitlab.branches.get('main');
    await page.goto(admin.adminUrl);
    await page.getByRole('button', { name: 'Mit GitLab einloggen' }).click();
    // GitLab's consent page (the fake's), then back to /admin/ with code and state.
    await page.getByRole('link', { name: 'Authorize' }).click();
    await page.getByText('Inhaltstypen').first().waitFor();
    await page.evaluate(() => (window.location.hash = '/collections/process/new'));
    await fillNewProcess(page);
    // Editorial workflow: „Speichern“ keeps the entry a draft under review.
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    const toast = page.locator('.Toastify__toast').last();
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Beitrag gespeichert');

    const path = 'docs/fb10-zentrale-dienste/akten-aussondern.md';
    const branches = [...gitlab.branches.keys()].filter((name) => name !== 'main');
    expect(branches).toEqual(['cms/process/fb10-zentrale-dienste/akten-aussondern']);
    const branch = branches[0]!;
    const commit = gitlab.commits.get(gitlab.branches.get(branch)!)!;
    expect(commit.parent).toBe(mainBefore);
    expect(commit.actions?.map((a) => `${a.action} ${a.file_path}`)).toEqual([`create ${path}`]);
    const text = gitlab.filesOf(branch).get(path)!.toString('utf8');
    expect(text).toMatch(/^---\nid: akten-aussondern\ntype: process\ntitle: Akten aussondern\ndepartment: fb10-zentrale-dienste\nowner: stelle-10-002\n/);
    expect(text).toContain('performers: [stelle-10-004, stelle-10-005]\n');
    expect(text).toContain('frequency: monthly\n');
    expect(text).toContain('digital:\n  status: partial\n');

    // The branch as a checkout: the new file validates but for its placeholders.
    const checkout = tempDir('stellenwissen-gitlab-');
    for (const [file, content] of gitlab.filesOf(branch)) {
      mkdirSync(dirname(join(checkout, file)), { recursive: true });
      writeFileSync(join(checkout, file), content);
    }
    const findings = validateWiki(loadWiki(join(checkout, 'docs')), localToday()).findings.filter((f) => f.file.endsWith('akten-aussondern.md'));
    expect(findings.filter((f) => f.rule !== 'placeholder')).toEqual([]);

    // The two-person rule: a merge request waits for review; main has not moved.
    expect(gitlab.mergeRequests.map((mr) => ({ source: mr.source_branch, target: mr.target_branch, state: mr.state, labels: mr.labels }))).toEqual([
      { source: branch, target: 'main', state: 'opened', labels: ['decap-cms/draft'] },
    ]);
    expect(gitlab.branches.get('main')).toBe(mainBefore);
    expect(gitlab.filesOf('main').has(path)).toBe(false);

    expect(gitlab.unknown).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
