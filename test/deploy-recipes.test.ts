import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir } from './helpers';

// Static checks of the operations recipes; the web-server configs are also run for real
// in test/e2e/web-servers.e2e.test.ts (nginx, Apache, Chromium).

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const CSP = read('deploy/content-security-policy.txt').trim();

describe('deploy/: web-server recipes', () => {
  it('one Content-Security-Policy, set verbatim by nginx, Apache and IIS', () => {
    expect(CSP).toMatch(/^default-src 'self';/);
    expect(CSP).not.toMatch(/unsafe-eval|\*/);
    // nginx sets it twice: add_header is not inherited by the inner location of hashed files.
    expect(read('deploy/nginx/stellenwissen.conf').split(`add_header Content-Security-Policy "${CSP}" always;`)).toHaveLength(3);
    expect(read('deploy/apache/stellenwissen.conf')).toContain(`Header always set Content-Security-Policy "${CSP}"`);
    expect(read('deploy/iis/web.config')).toContain(`<add name="Content-Security-Policy" value="${CSP}" />`);
  });

  it('IIS web.config is well-formed XML with the rewrite and cache rules', () => {
    const xml = read('deploy/iis/web.config');
    // Balanced elements (a small structural check: no XML parser among the dependencies).
    const stack: string[] = [];
    for (const tag of xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').matchAll(/<(\/?)([A-Za-z][\w.]*)[^>]*?(\/?)>/g)) {
      if (tag[3]) continue;
      if (tag[1]) expect(stack.pop(), `</${tag[2]}>`).toBe(tag[2]);
      else stack.push(tag[2]!);
    }
    expect(stack).toEqual([]);
    expect(xml).toContain('cacheControlMode="DisableCache"');
    expect(xml).toContain('public, max-age=31536000, immutable');
    expect(xml).toContain('path="/wiki/404.html"');
  });
});

describe('examples/: pipeline, deploy script, scheduled audit', () => {
  it('GitLab CI: validate --format gitlab feeds the code-quality report; build and rsync on the main branch', () => {
    const pipeline = parse(read('examples/gitlab-ci.yml')) as Record<string, { script?: string[]; artifacts?: { when?: string; reports?: { codequality?: string } }; rules?: Array<{ if: string }> }>;
    const check = pipeline.pruefen!;
    const report = check.artifacts?.reports?.codequality;
    expect(report).toBeTruthy();
    expect(check.artifacts?.when).toBe('always');
    expect(check.script!.flat()).toContain(`npm run -s validate -- --format gitlab > ${report}`);
    expect(check.rules![0]!.if).toMatch(/merge_request_event/);
    expect(pipeline.bauen!.script!.flat()).toContain('npm run build');
    expect(pipeline.veroeffentlichen!.script!.flat().some((line) => /^rsync -a --delete .*build\/ "\$DEPLOY_TARGET"$/.test(line))).toBe(true);
  });

  it.each(['examples/deploy.sh', 'examples/audit/stellenwissen-audit.sh'])('%s is valid bash', (script) => {
    const result = spawnSync('bash', ['-n', join(ROOT, script)], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the monthly audit job writes an HTML report only HR can read; flagged posts are no failure', { timeout: 60_000 }, () => {
    expect(read('examples/audit/stellenwissen-audit.timer')).toMatch(/OnCalendar=\*-\*-01 06:00:00/);
    const dir = tempDir('stellenwissen-audit-job-');
    const register = join(dir, 'austritte.csv');
    copyFileSync(join(ROOT, 'examples/personalregister-beispiel.csv'), register);
    chmodSync(register, 0o640);
    const reports = join(dir, 'berichte');
    mkdirSync(reports, { mode: 0o750 });
    const run = (env: Record<string, string>) => spawnSync('bash', [join(ROOT, 'examples/audit/stellenwissen-audit.sh')], {
      encoding: 'utf8', env: { ...process.env, WIKI_DIR: ROOT, REPORT_DIR: reports, REPORT_KEEP_DAYS: '0', ...env },
    });
    const ok = run({ REGISTER: register });
    expect(ok.stderr).toMatch(/^Bericht geschrieben: /);
    expect(ok.status).toBe(0);
    const [report] = readdirSync(reports);
    expect(report).toMatch(/^wissenssicherung-\d{4}-\d{2}\.html$/);
    expect(statSync(join(reports, report!)).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(reports, report!), 'utf8')).toContain('<html');

    const missing = run({ REGISTER: join(dir, 'fehlt.csv') });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Personalregister nicht gefunden/);
    expect(readdirSync(reports)).toEqual([report]);
  });
});
