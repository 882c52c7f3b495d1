import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir } from './helpers';

// Static checks of the operations recipes; the web-server configs are also run for real
// in test/e2e/web-servers.e2e.test.ts (nginx, Apache, Chromium).

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const CSP = read('deploy/content-security-policy.txt').trim();
const ADMIN_CSP = read('deploy/content-security-policy-admin.txt').trim();
/** The town hall's Git server in the shipped recipes: the administrator replaces it. */
const GIT_SERVER = 'https://git.rathaus.example';
const RECIPES = ['deploy/nginx/stellenwissen.conf', 'deploy/apache/stellenwissen.conf', 'deploy/iis/web.config'];

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('deploy/: web-server recipes', () => {
  it('one Content-Security-Policy, set verbatim by nginx, Apache and IIS', () => {
    expect(CSP).toMatch(/^default-src 'self';/);
    expect(CSP).not.toMatch(/unsafe-eval|\*/);
    // nginx sets it twice: add_header is not inherited by the inner location of hashed files.
    expect(read('deploy/nginx/stellenwissen.conf').split(`add_header Content-Security-Policy "${CSP}" always;`)).toHaveLength(3);
    expect(read('deploy/apache/stellenwissen.conf')).toContain(`Header always set Content-Security-Policy "${CSP}"`);
    expect(read('deploy/iis/web.config')).toContain(`<add name="Content-Security-Policy" value="${CSP}" />`);
  });

  it('/admin/ has its own policy: only what Decap CMS needs on top of the site\'s, the same line in all three recipes', () => {
    const site = directives(CSP);
    const admin = directives(ADMIN_CSP);
    expect([...admin.keys()]).toEqual([...site.keys()]);
    const widened: Record<string, string[]> = {
      'script-src': ['\'self\'', '\'unsafe-eval\''], // the site's inline-script hash is not needed there
      'img-src': [...site.get('img-src')!, 'blob:', GIT_SERVER],
      'connect-src': [...site.get('connect-src')!, GIT_SERVER],
    };
    for (const [name, values] of admin) expect(values, name).toEqual(widened[name] ?? site.get(name));

    const line = {
      'deploy/nginx/stellenwissen.conf': `add_header Content-Security-Policy "${ADMIN_CSP}" always;`,
      'deploy/apache/stellenwissen.conf': `Header always set Content-Security-Policy "${ADMIN_CSP}"`,
      'deploy/iis/web.config': `<add name="Content-Security-Policy" value="${ADMIN_CSP}" />`,
    } as Record<string, string>;
    for (const recipe of RECIPES) {
      const text = read(recipe);
      expect(text.split(line[recipe]!), recipe).toHaveLength(2);
      // The placeholder: twice in the policy line, once in the comment that says to replace it.
      expect(text.split(GIT_SERVER), recipe).toHaveLength(4);
      expect(text, recipe).toContain('content-security-policy-admin.txt');
    }
    // IIS merges a <location>'s headers with the parent's: the site's policy is removed first.
    expect(read('deploy/iis/web.config')).toContain(`<location path="admin">
    <system.webServer>
      <httpProtocol>
        <customHeaders>
          <remove name="Content-Security-Policy" />
          ${line['deploy/iis/web.config']}`);
  });

  it('/admin/ is never cached long, and /wiki/admin without slash is redirected', () => {
    const nginx = read('deploy/nginx/stellenwissen.conf');
    const adminBlock = nginx.slice(nginx.indexOf('location ^~ /wiki/admin/ {'), nginx.indexOf('}', nginx.indexOf('location ^~ /wiki/admin/ {')));
    expect(adminBlock).toContain('add_header Cache-Control "no-cache" always;');
    expect(adminBlock).not.toContain('max-age');
    expect(nginx).toMatch(/location = \/wiki\/admin \{\s*return 301 \/wiki\/admin\/;/);
    const apache = read('deploy/apache/stellenwissen.conf');
    expect(apache).toContain('RewriteRule ^/wiki/admin$ /wiki/admin/ [R=301,L]');
    const iis = read('deploy/iis/web.config');
    // The year-long rule for hashed files never reaches admin/ (its files have fixed names).
    const hashed = [nginx.match(/location ~ "([^"]+)"/)![1]!, apache.match(/=~ m#([^#]+)#/)![1]!, iis.match(/<add input="\{REQUEST_URI\}" pattern="([^"]+)"/)![1]!];
    for (const source of hashed) {
      const re = new RegExp(source);
      expect(re.test('/wiki/assets/js/main.1234abcd.js'), source).toBe(true);
      for (const file of ['', 'index.html', 'cms.js', 'config.json', 'preview-data.json']) expect(re.test(`/wiki/admin/${file}`), `${source} ${file}`).toBe(false);
    }
    expect(iis).toMatch(/<match url="\^admin\$" \/>\s*<action type="Redirect" url="\/wiki\/admin\/" redirectType="Permanent" \/>/);
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

  /** A register (the fictional example, rights 0640) and a report folder (0750) as HR keeps them, and the job run on them. */
  const auditJob = () => {
    const dir = tempDir('stellenwissen-audit-job-');
    const register = join(dir, 'austritte.csv');
    copyFileSync(join(ROOT, 'examples/personalregister-beispiel.csv'), register);
    chmodSync(register, 0o640);
    const reports = join(dir, 'berichte');
    mkdirSync(reports, { mode: 0o750 });
    const run = (env: Record<string, string> = {}) => spawnSync('bash', [join(ROOT, 'examples/audit/stellenwissen-audit.sh')], {
      encoding: 'utf8', env: { ...process.env, WIKI_DIR: ROOT, REGISTER: register, REPORT_DIR: reports, REPORT_KEEP_DAYS: '0', ...env },
    });
    return { dir, register, reports, run };
  };

  it('the monthly audit job writes an HTML report only HR can read; flagged posts are no failure', { timeout: 60_000 }, () => {
    expect(read('examples/audit/stellenwissen-audit.timer')).toMatch(/OnCalendar=\*-\*-01 06:00:00/);
    const { dir, register, reports, run } = auditJob();
    const ok = run({ REGISTER: register });
    expect(ok.stderr).toMatch(/^Bericht geschrieben: /);
    expect(ok.status).toBe(0);
    const written = readdirSync(reports).sort();
    expect(written).toHaveLength(2);
    const [report, json] = [written.find((f) => f.endsWith('.html'))!, written.find((f) => f.endsWith('.json'))!];
    expect(report).toMatch(/^wissenssicherung-\d{4}-\d{2}\.html$/);
    expect(json).toBe(report.replace(/\.html$/, '.json'));
    for (const file of written) expect(statSync(join(reports, file)).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(reports, report), 'utf8')).toContain('<html');
    expect(readFileSync(join(reports, report), 'utf8')).not.toContain('Veränderung seit');
    expect(JSON.parse(readFileSync(join(reports, json), 'utf8')).changes).toBeUndefined();

    const missing = run({ REGISTER: join(dir, 'fehlt.csv') });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Personalregister nicht gefunden/);
    expect(readdirSync(reports).sort()).toEqual(written);
  });

  it('the monthly audit job compares with the newest earlier JSON, and reports without it when that file is damaged', { timeout: 90_000 }, () => {
    const { dir, register, reports, run } = auditJob();
    // An earlier month: the same register without its first data row.
    const fewer = join(dir, 'frueher.csv');
    const lines = readFileSync(register, 'utf8').split(/\r?\n/);
    writeFileSync(fewer, [lines[0], ...lines.slice(2)].join('\n'));
    const earlier = spawnSync(process.execPath, ['scripts/run.cjs', 'audit', '--register', fewer, '--format', 'json', '--out', join(reports, 'wissenssicherung-2000-01.json')], { cwd: ROOT, encoding: 'utf8' });
    expect(earlier.status, earlier.stderr).toBeLessThanOrEqual(1);
    writeFileSync(join(reports, 'wissenssicherung-1999-12.json'), '{"älter": true}');
    const compared = run();
    expect(compared.status, compared.stderr).toBe(0);
    expect(compared.stdout).toContain('Vergleich mit der früheren Auswertung');
    expect(compared.stdout).toContain('wissenssicherung-2000-01.json');
    const month = readdirSync(reports).find((f) => /^wissenssicherung-2\d{3}-\d{2}\.html$/.test(f) && !f.startsWith('wissenssicherung-2000'))!;
    expect(readFileSync(join(reports, month), 'utf8')).toContain('Veränderung seit der Auswertung vom');
    expect(JSON.parse(readFileSync(join(reports, month.replace('.html', '.json')), 'utf8')).changes).toBeDefined();

    writeFileSync(join(reports, 'wissenssicherung-2000-02.json'), 'kaputt');
    const damaged = run();
    expect(damaged.status, damaged.stderr).toBe(0);
    expect(damaged.stderr).toContain('WARNUNG: Vergleich nicht möglich');
    expect(readFileSync(join(reports, month), 'utf8')).not.toContain('Veränderung seit');
  });
});
