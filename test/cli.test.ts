import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { overlayWiki, ROOT } from './helpers';

/** `node --import tsx scripts/validate.ts`, with tsx resolved from the repo (cwd may be anywhere). */
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;
const SCRIPT = join(ROOT, 'scripts/validate.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function validate(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.DOCS_DIR) delete env.DOCS_DIR;
  delete env.FORCE_COLOR;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, SCRIPT, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}

/**
 * The fields GitLab reads from a code-quality report (docs.gitlab.com, "Code Quality":
 * implement a custom tool): all required, severity from GitLab's list.
 */
const GITLAB_CODE_QUALITY = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', pattern: '^[^/]' },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
} as const;

const outputLines = (text: string) => text.split('\n').filter((line) => line !== '');
const STACK_LINE = /^\s+at /m;

// The fixture wikis; every process is started once, all in parallel.
const valid = overlayWiki({});
const broken = overlayWiki({
  'fb1/stelle-1-002.md': 'REPLACE:criticality: medium=>criticality: sehr-hoch',
  'fb1/anleitung-ablage.md': 'REPLACE:Schriftgut wird=>TODO: Schriftgut wird',
});
const runs: Record<string, Run> = {};

beforeAll(async () => {
  const inValidParent = { cwd: dirname(valid) };
  const jobs: Record<string, Promise<Run>> = {
    ok: validate(['--docs', basename(valid), '--today', '2026-11-28'], inValidParent),
    // absolute --docs, cwd = the wiki's parent: paths must still be relative to the cwd
    errors: validate(['--docs', broken, '--today', '2026-11-28'], { cwd: dirname(broken) }),
    warnings: validate(['--docs', basename(valid), '--today', '2030-01-01'], inValidParent),
    json: validate(['--format', 'json', '--today', '2026-11-28'], { cwd: broken, env: { DOCS_DIR: 'fb1/..' } }),
    gitlab: validate(['--format', 'gitlab', '--docs', '.', '--today', '2026-11-28'], { cwd: broken }),
    badDate: validate(['--docs', valid, '--today', '2026-13-45'], inValidParent),
    wordDate: validate(['--docs', valid, '--today', 'gestern'], inValidParent),
    noDocs: validate(['--docs', 'does-not-exist', '--today', '2026-11-28'], inValidParent),
    unknownFlag: validate(['--docs', valid, '--verbose'], inValidParent),
    xml: validate(['--docs', valid, '--format', 'xml'], inValidParent),
  };
  const done = await Promise.all(Object.entries(jobs).map(async ([name, job]) => [name, await job] as const));
  for (const [name, run] of done) runs[name] = run;
}, 120_000);

describe('validate CLI', () => {
  it('exits 0 on a valid wiki and prints only a German summary line', () => {
    const { status, stdout, stderr } = runs.ok;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(outputLines(stdout)).toHaveLength(1);
    expect(stdout).toMatch(/^6 Artikel\w* geprüft: keine Fehler \(0 Fehler, 0 Warnungen\)\.\n$/);
  });

  it('exits 1 with `path:line:col severity message [rule]` lines relative to the working directory', () => {
    const { status, stdout, stderr } = runs.errors;
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const name = basename(broken);
    expect(outputLines(stdout)).toEqual([
      `${name}/fb1/anleitung-ablage.md:10:1 error Platzhalter aus der Vorlage: „TODO: Schriftgut wird nach Aktenplan abgelegt.“ – ersetzen Sie ihn durch den tatsächlichen Inhalt. [placeholder]`,
      `${name}/fb1/stelle-1-002.md:9:1 error „criticality“ (Kritikalität) hat den ungültigen Wert „sehr-hoch“ – erlaubt sind: high, medium, low. [schema]`,
      expect.stringMatching(/^6 Artikel\w* geprüft: 2 Fehler, 0 Warnungen\.$/),
    ]);
    for (const line of outputLines(stdout).slice(0, -1)) {
      expect(line).toMatch(/^[^\s:]+\.md:\d+:\d+ (error|warning) .+ \[[a-z-]+\]$/);
    }
  });

  it('exits 0 when there are only warnings', () => {
    const { status, stdout, stderr } = runs.warnings;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = outputLines(stdout);
    const findings = lines.slice(0, -1);
    // Every article was reviewed 2026-06-01 and is overdue in 2030; the process's bundle 2027-H1 has ended.
    expect(findings.length).toBe(7);
    for (const line of findings) {
      expect(line).toMatch(new RegExp(`^${basename(valid)}/fb1/[a-z0-9-]+\\.md:\\d+:1 warning .+ \\[(stale|plan)\\]$`));
    }
    expect(findings.filter((line) => line.endsWith('[plan]'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/geprüft: keine Fehler \(0 Fehler, 7 Warnungen\)\.$/);
  });

  it('--format json prints a parseable array of findings with exactly the contract keys (DOCS_DIR when --docs is absent)', () => {
    const { status, stdout, stderr } = runs.json;
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const findings = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(Array.isArray(findings)).toBe(true);
    expect(findings).toHaveLength(2);
    for (const finding of findings) {
      expect(Object.keys(finding).sort()).toEqual(['column', 'file', 'line', 'message', 'rule', 'severity']);
      expect(typeof finding.line).toBe('number');
      expect(typeof finding.column).toBe('number');
    }
    // the wiki is the cwd itself (DOCS_DIR=fb1/..): paths start at the department folder
    expect(findings[1]).toEqual({
      file: 'fb1/stelle-1-002.md',
      line: 9,
      column: 1,
      severity: 'error',
      rule: 'schema',
      message: '„criticality“ (Kritikalität) hat den ungültigen Wert „sehr-hoch“ – erlaubt sind: high, medium, low.',
    });
    expect(findings[0]).toMatchObject({ file: 'fb1/anleitung-ablage.md', line: 10, column: 1, rule: 'placeholder' });
  });

  it('--format gitlab prints a GitLab code-quality report of the same findings', () => {
    const { status, stdout, stderr } = runs.gitlab;
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const issues = JSON.parse(stdout) as unknown;
    const check = new Ajv2020({ allErrors: true, strict: true }).compile(GITLAB_CODE_QUALITY);
    expect(check(issues), JSON.stringify(check.errors)).toBe(true);
    const findings = JSON.parse(runs.json.stdout) as Array<{ file: string; line: number; rule: string; message: string; severity: string }>;
    expect(issues).toEqual(findings.map((f) => expect.objectContaining({
      description: f.message,
      check_name: f.rule,
      severity: f.severity === 'error' ? 'critical' : 'minor',
      location: { path: f.file, lines: { begin: f.line } },
    })));
  });

  it.each([
    ['an impossible --today', 'badDate', /--today.*JJJJ-MM-TT.*„2026-13-45“/],
    ['a word as --today', 'wordDate', /--today.*JJJJ-MM-TT.*„gestern“/],
    ['a missing --docs folder', 'noDocs', /Wiki-Ordner nicht gefunden: does-not-exist/],
    ['an unknown flag', 'unknownFlag', /Unbekannte Option „--verbose“/],
    ['an unknown --format', 'xml', /--format.*text.*json.*„xml“/],
  ])('%s: exit 2, one German line on stderr, no stack trace, nothing on stdout', (_title, name, message) => {
    const { status, stdout, stderr } = runs[name];
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(outputLines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).not.toMatch(/Error:|node:internal/);
  });

  it('reports paths relative to a working directory outside the wiki', () => {
    // the errors run used an absolute --docs; the paths are relative to its cwd, not absolute
    const first = outputLines(runs.errors.stdout)[0];
    const file = first.slice(0, first.indexOf(':'));
    expect(file).toBe(relative(dirname(broken), join(broken, 'fb1/anleitung-ablage.md')).split('\\').join('/'));
    expect(file.startsWith('/')).toBe(false);
  });
});
