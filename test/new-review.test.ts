import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWiki } from '../src/core/load/load-wiki';
import { parseIsoDate } from '../src/core/dates';
import { setReviewed } from '../src/authoring/review';
import { validateWiki } from '../src/validate/validate';
import { overlayWiki, ROOT } from './helpers';

function run(script: 'new' | 'review', args: string[], cwd: string) {
  const result = spawnSync(process.execPath, ['--import', join(ROOT, 'node_modules/tsx/dist/loader.mjs'), join(ROOT, `scripts/${script}.ts`), ...args], {
    cwd, encoding: 'utf8', input: '',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files[p] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return files;
}

const nonPlaceholder = (root: string, file: string) =>
  validateWiki(loadWiki(root, root), parseIsoDate('2026-11-28')!).findings.filter((f) => f.file === file && f.rule !== 'placeholder');

describe('npm run new', () => {
  it('creates a post, a process, a handover and a guide that pass every rule except placeholder', () => {
    const root = overlayWiki({});
    const cases: Array<[string[], string]> = [
      [['post', '--id', 'stelle-1-003', '--department', 'fb1', '--title', 'Sachbearbeitung Zuschüsse'], 'fb1/stelle-1-003.md'],
      [['process', '--id', 'zuschuss-bewilligen', '--department', 'fb1', '--owner', 'stelle-1-003'], 'fb1/zuschuss-bewilligen.md'],
      [['handover', '--id', 'uebergabe-stelle-1-001', '--department', 'fb1', '--post', 'stelle-1-001'], 'fb1/uebergabe-stelle-1-001.md'],
      [['guide', '--id', 'anleitung-zuschuss', '--department', 'fb1'], 'fb1/anleitung-zuschuss.md'],
    ];
    for (const [args, file] of cases) {
      const { code, stdout, stderr } = run('new', [...args, '--docs', '.', '--today', '2026-11-28'], root);
      expect(stderr, file).toBe('');
      expect(code, file).toBe(0);
      expect(stdout).toContain(`Angelegt: ${file}`);
      expect(nonPlaceholder(root, file), file).toEqual([]);
    }
    const post = readFileSync(join(root, 'fb1/stelle-1-003.md'), 'utf8');
    expect(post).toMatch(/^---\nid: stelle-1-003\ntype: post\ntitle: "?Sachbearbeitung Zuschüsse"?\ndepartment: fb1\nowner: stelle-1-003\nreviewed: 2026-11-28\n/);
    expect(readFileSync(join(root, 'fb1/anleitung-zuschuss.md'), 'utf8')).toContain('owner: stelle-1-001'); // the department's head
    expect(readFileSync(join(root, 'fb1/uebergabe-stelle-1-001.md'), 'utf8')).toContain('post: stelle-1-001');
  });

  it('creates a department as <id>/index.md; with its head post both pass every rule except placeholder', () => {
    const root = overlayWiki({});
    expect(run('new', ['department', '--id', 'fb2', '--owner', 'stelle-2-001', '--docs', '.'], root).code).toBe(0);
    expect(run('new', ['post', '--id', 'stelle-2-001', '--department', 'fb2', '--docs', '.'], root).code).toBe(0);
    expect(nonPlaceholder(root, 'fb2/index.md')).toEqual([]);
    expect(nonPlaceholder(root, 'fb2/stelle-2-001.md')).toEqual([]);
  });

  it.each([
    [['post', '--id', 'stelle-1-002', '--department', 'fb1'], /Kennung „stelle-1-002“ gibt es schon: fb1\/stelle-1-002\.md/],
    [['guide', '--id', 'stelle-1-001', '--department', 'fb1'], /gibt es schon/],
    [['post', '--id', 'stelle-9-001', '--department', 'fb9'], /Fachbereich „fb9“ gibt es nicht\. Vorhanden: fb1/],
    [['post', '--id', 'Stelle 3', '--department', 'fb1'], /Kennung „Stelle 3“ ist ungültig/],
    [['process', '--id', 'x-bearbeiten', '--department', 'fb1', '--owner', 'stelle-1-077'], /--owner „stelle-1-077“: Diese Stelle gibt es nicht/],
    [['handover', '--id', 'uebergabe-x', '--department', 'fb1'], /--post fehlt/],
    [['stelle', '--id', 'stelle-1-009', '--department', 'fb1'], /Unbekannter Artikeltyp „stelle“/],
    [['post', '--department', 'fb1'], /Es fehlt: --id/],
  ])('refuses %j with exit 2 and touches nothing', (args, message) => {
    const root = overlayWiki({});
    const before = snapshot(root);
    const { code, stderr } = run('new', [...args, '--docs', '.'], root);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(root)).toEqual(before);
  });

  it('never overwrites a file that exists under another id', () => {
    const root = overlayWiki({ 'fb1/stelle-1-004.md': 'COPY:fb1/anleitung-ablage.md' });
    const before = snapshot(root);
    const { code, stderr } = run('new', ['post', '--id', 'stelle-1-004', '--department', 'fb1', '--docs', '.'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('gibt es schon – nichts geschrieben');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('npm run review', () => {
  it('sets reviewed and changes no other byte (comments, quoting, key order, CRLF, BOM kept)', () => {
    const text = '\uFEFF---\r\nid: anleitung-ablage # Kennung\r\ntype: guide\r\ntitle: "Ablage"\r\ndepartment: fb1\r\nreviewed: "2025-01-15"   # zuletzt\r\nowner: stelle-1-001\r\n---\r\nText.\r\n';
    expect(setReviewed(text, parseIsoDate('2026-11-28')!)).toBe(text.replace('"2025-01-15"', '"2026-11-28"'));
    const plain = '---\nid: a\nreviewed: 2025-01-15\n---\nText\n';
    expect(setReviewed(plain, parseIsoDate('2026-11-28')!)).toBe('---\nid: a\nreviewed: 2026-11-28\n---\nText\n');
  });

  it('adds a missing reviewed as the last key', () => {
    expect(setReviewed('---\r\nid: a\r\ntype: guide\r\n---\r\nText', parseIsoDate('2026-11-28')!)).toBe('---\r\nid: a\r\ntype: guide\r\nreviewed: 2026-11-28\r\n---\r\nText');
  });

  it('writes the file via the CLI; only the date differs', () => {
    const root = overlayWiki({});
    const file = join(root, 'fb1/antrag-bearbeiten.md');
    const before = readFileSync(file, 'utf8');
    const { code, stdout } = run('review', ['antrag-bearbeiten', '--docs', '.', '--today', '2026-11-28'], root);
    expect(code).toBe(0);
    expect(stdout).toBe('fb1/antrag-bearbeiten.md: reviewed 2026-06-01 → 2026-11-28\n');
    expect(readFileSync(file, 'utf8')).toBe(before.replace('reviewed: 2026-06-01', 'reviewed: 2026-11-28'));
  });

  it('refuses an unknown id with exit 2 and touches nothing', () => {
    const root = overlayWiki({});
    const before = snapshot(root);
    const { code, stderr } = run('review', ['gibt-es-nicht', '--docs', '.'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('Kennung „gibt-es-nicht“ gibt es im Wiki . nicht');
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(join(root, 'gibt-es-nicht.md'))).toBe(false);
  });
});

