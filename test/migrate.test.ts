import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LoadContext } from '@docusaurus/types';
import { describe, expect, it, vi } from 'vitest';
import stellenwissenPlugin from '../src/plugin/index';
import { CONFIG_FILE, readWikiConfig } from '../src/core/config';
import { UsageError } from '../src/core/wiki';
import { listFiles } from '../src/core/wiki-files';
import { contractProblem, requireCurrentContract } from '../src/migrate/contract';
import { migrateWiki, planMigration, type MigrationPlan } from '../src/migrate/migrate';
import { CONTRACT_VERSION, MIGRATIONS, stepsFrom, type MigrationRegistry } from '../src/migrate/registry';
import { formatMigration } from '../src/migrate/report';
import { MINI_WIKI, ROOT, tempDir } from './helpers';

/** A fictional contract 2, only for these tests: `systems` is renamed to `fachverfahren`. */
const FICTIONAL: MigrationRegistry = {
  current: 2,
  steps: [{ from: 1, description: 'Vertrag 2 benennt „systems“ in „fachverfahren“ um.', migrate: (article) => article.renameKey('systems', 'fachverfahren') }],
};

/** A process with CRLF, a BOM, comments, quoting – and `systems:` in its body, which must stay. */
const AWKWARD = '\uFEFF---\r\nid: "ablauf-1"   # Kennung\r\ntype: process\r\ntitle: \'Ablauf\'\r\n# Verfahren:\r\n"systems": [e-Akte]  # bleibt Liste\r\nreviewed: 2026-01-10\r\n---\r\n\r\n```yaml\r\nsystems: [nicht, anfassen]\r\n```\r\n';

const CONFIG_V1 = '# Einstellungen\nname: Gemeinde Beispielhausen   # Pflicht\ncontract: 1 # Vertrag\naudit:\n  horizon: 12\n';

/** A wiki root written for contract 1: settings file plus docs/ (the mini wiki and AWKWARD). */
function wikiV1(config: string | null = CONFIG_V1, extra: Record<string, string> = {}): string {
  const root = tempDir('stellenwissen-migrate-');
  cpSync(MINI_WIKI, join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs/fb1/ablauf-1.md'), AWKWARD);
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(root, 'docs', path), text);
  if (config !== null) writeFileSync(join(root, CONFIG_FILE), config);
  return root;
}

/** Every file of the wiki root as bytes, by relative path. */
function snapshot(root: string): Map<string, Buffer> {
  return new Map(listFiles(root, /^$/).map((path) => [relative(root, path), readFileSync(path)]));
}

/** `original` with the bytes of `from` at the first match of `at` replaced by `to`. */
function spliceBytes(original: Buffer, at: string, from: string, to: string): Buffer {
  const index = original.indexOf(at) + at.indexOf(from);
  expect(original.indexOf(at)).toBeGreaterThanOrEqual(0);
  return Buffer.concat([original.subarray(0, index), Buffer.from(to), original.subarray(index + Buffer.byteLength(from))]);
}

const migrate = (root: string, registry: MigrationRegistry | undefined, dryRun = false) =>
  migrateWiki({ root, docsDir: join(root, 'docs'), registry, cwd: root, dryRun });

describe('contract version', () => {
  it('is 1 in this package, the registry has no step yet and its chain has no gap', () => {
    expect(CONTRACT_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual({ current: CONTRACT_VERSION, steps: [] });
    expect(stepsFrom(MIGRATIONS, 1)).toEqual([]);
    expect(() => stepsFrom({ current: 3, steps: FICTIONAL.steps }, 1)).toThrow('Umstellung von Vertrag 2 auf 3 fehlt');
  });

  it('of a wiki without the key (or without a settings file) is 1; the sample wiki says 1', () => {
    expect(readWikiConfig(tempDir()).contract).toBe(1);
    expect(readWikiConfig(wikiV1('name: Stadt Alt\n')).contract).toBe(1);
    expect(readWikiConfig(ROOT).contract).toBe(1);
    expect(readFileSync(join(ROOT, CONFIG_FILE), 'utf8')).toMatch(/^contract: 1\b/m);
  });

  it('older than the package: validate, audit and the build stop with one message naming the migration and its steps', () => {
    const message = contractProblem({ contract: 1 }, FICTIONAL)!;
    expect(message.split('\n')).toEqual([
      'Dieses Wiki ist für Vertrag 1 geschrieben; installiert ist Stellenwissen für Vertrag 2. Stellen Sie es zuerst mit „npx stellenwissen migrate“ (oder „npm run migrate“) um – „--dry-run“ zeigt vorher jede Änderung. Die Umstellung ändert nur Front Matter:',
      '  Vertrag 1 → 2: Vertrag 2 benennt „systems“ in „fachverfahren“ um.',
    ]);
    expect(() => requireCurrentContract({ contract: 1 }, FICTIONAL)).toThrow(UsageError);
    expect(contractProblem({ contract: 2 }, FICTIONAL)).toBeUndefined();
    expect(contractProblem({ contract: 1 })).toBeUndefined();
  });
});

describe('migrate with a fictional step 1 → 2', () => {
  it('renames the key in front matter only: every other byte of every file stays', () => {
    const root = wikiV1();
    const before = snapshot(root);
    const { ok, outcome } = migrate(root, FICTIONAL);
    expect(ok).toBe(true);
    const after = snapshot(root);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after.keys()].filter((path) => !after.get(path)!.equals(before.get(path)!));
    expect(changed.sort()).toEqual(['docs/fb1/ablauf-1.md', 'docs/fb1/stelle-1-001.md', CONFIG_FILE]);
    expect(after.get('docs/fb1/stelle-1-001.md')).toEqual(spliceBytes(before.get('docs/fb1/stelle-1-001.md')!, '\nsystems: [e-Akte]\n', 'systems', 'fachverfahren'));
    // Quoted key, CRLF, BOM, comments kept; the `systems:` in the body's code block untouched.
    expect(after.get('docs/fb1/ablauf-1.md')).toEqual(spliceBytes(before.get('docs/fb1/ablauf-1.md')!, '"systems": [e-Akte]', 'systems', 'fachverfahren'));
    expect(after.get('docs/fb1/ablauf-1.md')!.toString('utf8')).toContain('```yaml\r\nsystems: [nicht, anfassen]\r\n```');
    expect(after.get(CONFIG_FILE)!.toString('utf8')).toBe(CONFIG_V1.replace('contract: 1 #', 'contract: 2 #'));
    expect(readWikiConfig(root).contract).toBe(2);
    expect(formatMigration(outcome, false).split('\n')).toEqual([
      'Vertrag 1 → 2: Vertrag 2 benennt „systems“ in „fachverfahren“ um.',
      '  docs/fb1/ablauf-1.md: Zeile 6: „systems“ heißt jetzt „fachverfahren“',
      '  docs/fb1/stelle-1-001.md: Zeile 10: „systems“ heißt jetzt „fachverfahren“',
      `${CONFIG_FILE}: Zeile 3: „contract“ 1 → 2`,
      'Umgestellt von Vertrag 1 auf 2: 2 Artikel und die Einstellungsdatei geändert.',
      '',
    ]);
    // Now current: a second run changes nothing.
    const again = migrate(root, FICTIONAL);
    expect(again.outcome).toEqual({ current: 2 });
    expect(formatMigration(again.outcome, false)).toBe('Das Wiki ist schon für Vertrag 2 geschrieben, den Vertrag dieses Pakets – nichts umzustellen.\n');
    expect(snapshot(root)).toEqual(after);
  });

  it('adds a missing contract key to the settings file as its last line, byte-exact above it', () => {
    const config = 'name: Stadt Alt\r\naudit:\r\n  lead: 3'; // CRLF, no final line break
    const root = wikiV1(config);
    expect(migrate(root, FICTIONAL).ok).toBe(true);
    expect(readFileSync(join(root, CONFIG_FILE), 'utf8')).toBe(`${config}\r\ncontract: 2\r\n`);
    expect(readWikiConfig(root).contract).toBe(2);
  });

  it('a dry run reports the same changes and writes nothing', () => {
    const root = wikiV1();
    const before = snapshot(root);
    const { ok, outcome } = migrate(root, FICTIONAL, true);
    expect(ok).toBe(true);
    expect(snapshot(root)).toEqual(before);
    const report = formatMigration(outcome, true);
    expect(report).toContain('  docs/fb1/stelle-1-001.md: Zeile 10: „systems“ heißt jetzt „fachverfahren“');
    expect(report).toContain('Probelauf: nichts geschrieben. Die Umstellung von Vertrag 1 auf 2 würde 2 Artikel und die Einstellungsdatei ändern.');
  });

  it('one file it cannot migrate leaves every file untouched and names file:line', () => {
    const clash = '---\nid: stelle-1-009\ntype: post\nsystems: [A]\nfachverfahren: [B]\n---\n';
    const broken = '---\nid: kaputt\ntitle: "offen\n---\n';
    const root = wikiV1(CONFIG_V1, { 'fb1/stelle-1-009.md': clash, 'fb1/kaputt.md': broken });
    const before = snapshot(root);
    const { ok, outcome } = migrate(root, FICTIONAL);
    expect(ok).toBe(false);
    expect(snapshot(root)).toEqual(before);
    const problems = (outcome as MigrationPlan).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^docs\/fb1\/kaputt\.md:3:\d+ Front Matter ist kein gültiges YAML.* Ohne lesbares Front Matter lässt sich die Datei nicht umstellen\.$/);
    expect(problems[1]).toBe('docs/fb1/stelle-1-009.md:4:1 „systems“ soll „fachverfahren“ heißen, aber „fachverfahren“ steht schon im Front Matter (Zeile 5) – eines von beiden zusammenführen und löschen.');
    expect(formatMigration(outcome, false)).toContain('migrate: 2 Problem(e) – nichts geschrieben.');
  });

  it('needs a settings file to record the version in: without one nothing is written', () => {
    const root = wikiV1(null);
    const before = snapshot(root);
    const { ok, outcome } = migrate(root, FICTIONAL);
    expect(ok).toBe(false);
    expect(snapshot(root)).toEqual(before);
    expect((outcome as MigrationPlan).problems).toEqual([`${CONFIG_FILE}:1:1 Die Einstellungsdatei fehlt oder nennt keinen Namen; darin wird die Vertragsversion festgehalten. Legen Sie sie mit „name: …“ (Name der Verwaltung) und „contract: 1“ an und starten Sie die Umstellung erneut.`]);
  });
});

describe('the build gate (plugin) with the real registry', () => {
  it('stops on a wiki declaring a newer contract, with the same message, before reading any article', async () => {
    const root = wikiV1('name: Stadt Neu\ncontract: 2\n');
    const plugin = stellenwissenPlugin({ siteDir: root, baseUrl: '/' } as unknown as LoadContext, { docsDir: 'docs', failOnError: false });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(plugin.loadContent!()).rejects.toThrow('Build abgebrochen: Das Wiki ist für einen anderen Vertrag geschrieben (siehe oben).');
      expect(error.mock.calls).toEqual([['Dieses Wiki ist für Vertrag 2 geschrieben; installiert ist Stellenwissen für Vertrag 1. Aktualisieren Sie das Paket stellenwissen (package.json).']]);
    } finally {
      error.mockRestore();
    }
    // The same wiki written for contract 1 builds (no error from the gate).
    writeFileSync(join(root, CONFIG_FILE), 'name: Stadt Neu\ncontract: 1\n');
    await expect(plugin.loadContent!()).resolves.toBeDefined();
  });
});

describe('stellenwissen migrate / validate with the real registry (CLI)', () => {
  const run = (script: string, args: string[], cwd: string) => {
    const env = { ...process.env };
    delete env.DOCS_DIR;
    return spawnSync(process.execPath, [join(ROOT, 'scripts/run.cjs'), script, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  };

  it('an unversioned wiki is version 1: migrate says it is current, exit 0, nothing written', () => {
    const root = wikiV1('name: Stadt Alt\n');
    const before = snapshot(root);
    const result = run('migrate', ['--docs', 'docs'], root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Das Wiki ist schon für Vertrag 1 geschrieben, den Vertrag dieses Pakets – nichts umzustellen.\n');
    expect(snapshot(root)).toEqual(before);
  }, 120_000);

  it('a wiki declaring a newer contract: migrate, validate and audit stop with exit 2 and say to update the package', () => {
    const root = wikiV1('name: Stadt Neu\ncontract: 2\n');
    const before = snapshot(root);
    const newer = 'Dieses Wiki ist für Vertrag 2 geschrieben; installiert ist Stellenwissen für Vertrag 1. Aktualisieren Sie das Paket stellenwissen (package.json).';
    for (const [script, args] of [['migrate', ['--docs', 'docs']], ['validate', ['--docs', 'docs', '--today', '2026-11-28']], ['audit', ['--register', 'austritte.csv', '--docs', 'docs']]] as const) {
      const result = run(script, [...args], root);
      expect(result.status, script).toBe(2);
      expect(result.stdout, script).toBe('');
      expect(result.stderr, script).toBe(`${script}: ${newer}\n`);
    }
    expect(snapshot(root)).toEqual(before);
  }, 120_000);
});
