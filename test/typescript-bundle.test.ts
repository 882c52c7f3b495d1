import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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
