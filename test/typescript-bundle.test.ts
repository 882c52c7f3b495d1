import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBundle } from '../src/runtime/typescript-bundle.cjs';
import { tempDir } from './helpers';

const load = createRequire(__filename);
function run(bundle: string): unknown {
  delete load.cache[bundle];
  return (load(bundle) as { out: unknown }).out;
}

describe('ensureBundle (the launcher behind npm run validate and friends)', () => {
  it('bundles a TypeScript entry, reuses it while unchanged and rebuilds it when an input changes', async () => {
    const dir = tempDir('stellenwissen-bundle-');
    writeFileSync(join(dir, 'entry.ts'), "import { value } from './dep';\nexport const out: string = `${value}|${__dirname}`;\n");
    writeFileSync(join(dir, 'dep.ts'), 'export const value: number = 1;\n');

    const first = await ensureBundle(join(dir, 'entry.ts'));
    // __dirname keeps meaning the source folder, not the bundle's.
    expect(run(first)).toBe(`1|${dir}`);
    const built = statSync(first).mtimeMs;

    const again = await ensureBundle(join(dir, 'entry.ts'));
    expect(again).toBe(first);
    expect(statSync(again).mtimeMs).toBe(built);

    writeFileSync(join(dir, 'dep.ts'), 'export const value: number = 22;\n');
    const rebuilt = await ensureBundle(join(dir, 'entry.ts'));
    expect(run(rebuilt)).toBe(`22|${dir}`);
    expect(readFileSync(rebuilt, 'utf8')).toContain('22');
  });

  it('rejects an entry that does not compile, naming the problem', async () => {
    const dir = tempDir('stellenwissen-bundle-');
    writeFileSync(join(dir, 'broken.ts'), 'export const = ;\n');
    await expect(ensureBundle(join(dir, 'broken.ts'))).rejects.toThrow(/broken\.ts|Expected/);
  });
});

describe('runEntry (with V8\'s code cache beside the bundle)', () => {
  const launcher = resolve(__dirname, '../src/runtime/typescript-bundle.cjs');
  const start = (entry: string) =>
    spawnSync(process.execPath, ['-e', `require(${JSON.stringify(launcher)}).runEntry(${JSON.stringify(entry)})`], { encoding: 'utf8' });
  const caches = (bundle: string) => readdirSync(dirname(bundle)).filter((name) => name.startsWith(`${basename(bundle)}.`) && name.endsWith('.v8'));

  it('runs the bundle like require, writes the cache once, survives a broken cache and drops it on a rebuild', async () => {
    const dir = tempDir('stellenwissen-codecache-');
    const entry = join(dir, 'main.ts');
    writeFileSync(entry, "import { value } from './dep';\nconsole.log(`${value}|${typeof require}|${__filename.endsWith('.cjs')}`);\n");
    writeFileSync(join(dir, 'dep.ts'), 'export const value: number = 1;\n');
    const bundle = await ensureBundle(entry);

    const first = start(entry);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('1|function|true\n');
    const [cache] = caches(bundle);
    expect(cache).toMatch(/\.\d+-\d+\.v8$/);
    const cachePath = join(dirname(bundle), cache!);
    const written = statSync(cachePath).mtimeMs;

    // Accepted and no bigger run: left as it is.
    expect(start(entry).stdout).toBe('1|function|true\n');
    expect(statSync(cachePath).mtimeMs).toBe(written);

    // A cache V8 rejects is replaced; the run is unaffected.
    writeFileSync(cachePath, 'kein Code-Cache');
    expect(start(entry).stdout).toBe('1|function|true\n');
    expect(readFileSync(cachePath, 'utf8')).not.toBe('kein Code-Cache');

    writeFileSync(join(dir, 'dep.ts'), 'export const value: number = 22;\n');
    expect(start(entry).stdout).toBe('22|function|true\n');
    expect(caches(bundle)).toHaveLength(1);
    expect(caches(bundle)[0]).not.toBe(cache);
  });

  it('grows the cache when a long run compiled code the cache lacks (another path of the same command)', async () => {
    const dir = tempDir('stellenwissen-codecache-');
    const entry = join(dir, 'paths.ts');
    const set = (name: string) => Array.from({ length: 300 }, (_, i) => `function ${name}${i}(x: number): number { return x * ${i} + ${i % 7}; }`).join('\n') +
      `\nconst ${name} = [${Array.from({ length: 300 }, (_, i) => `${name}${i}`).join(', ')}];\n`;
    // Two paths of one command, each a long run (over a second of CPU): like a Markdown and a Word import.
    writeFileSync(entry, `${set('a')}${set('b')}` +
      "let sum = 0;\nfor (const f of process.env.MODE === 'b' ? b : a) sum += f(2);\n" +
      'const until = process.cpuUsage().user + 1_100_000;\nwhile (process.cpuUsage().user < until) for (let i = 0; i < 100_000; i++) sum += i & 1;\n' +
      'console.log(sum > 0);\n');
    const bundle = await ensureBundle(entry);
    const startWith = (mode: string) =>
      spawnSync(process.execPath, ['-e', `require(${JSON.stringify(launcher)}).runEntry(${JSON.stringify(entry)})`], { encoding: 'utf8', env: { ...process.env, MODE: mode } });
    const cacheFile = () => join(dirname(bundle), caches(bundle)[0]!);

    expect(startWith('a').stdout).toBe('true\n');
    const first = statSync(cacheFile()).size;
    expect(startWith('b').stdout).toBe('true\n');
    const grown = statSync(cacheFile());
    expect(grown.size).toBeGreaterThan(first * 1.02);
    // Path a again compiles nothing new: the cache stays as it is.
    expect(startWith('a').stdout).toBe('true\n');
    expect(statSync(cacheFile()).mtimeMs).toBe(grown.mtimeMs);
  }, 60_000);

  it('reports an error thrown by the entry with the bundle named', async () => {
    const dir = tempDir('stellenwissen-codecache-');
    const entry = join(dir, 'fails.ts');
    writeFileSync(entry, "throw new Error('absichtlich');\n");
    const result = start(entry);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('absichtlich');
  });
});
