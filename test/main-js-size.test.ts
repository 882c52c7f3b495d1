import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { mainJsSize } from '../src/bench/main-js-size';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fake build folder: assets/js/ with the given files. */
function build(files: Record<string, string | Buffer>): string {
  const out = mkdtempSync(join(tmpdir(), 'stellenwissen-main-js-'));
  folders.push(out);
  mkdirSync(join(out, 'assets', 'js'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<!doctype html>');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(out, 'assets', 'js', name), content);
  return out;
}

describe('main JS bundle size of a build', () => {
  it('measures main.<hash>.js, not the runtime, the licence file or page chunks', () => {
    const main = 'var cards={};'.repeat(8_000);
    const out = build({
      'main.1a2b3c4d.js': main,
      'main.1a2b3c4d.js.LICENSE.txt': 'x'.repeat(50),
      'runtime~main.9f8e7d6c.js': 'y'.repeat(500),
      '17896441.0badf00d.js': 'z'.repeat(900),
    });
    const size = mainJsSize(out);
    expect(size.file).toBe('assets/js/main.1a2b3c4d.js');
    expect(size.bytes).toBe(Buffer.byteLength(main));
    // Repetitive text compresses to a small fraction of its size.
    expect(size.gzipBytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThan(size.bytes / 20);
  });

  it('counts gzip bytes of the real content: random bytes do not shrink', () => {
    const noise = randomBytes(20_000);
    const size = mainJsSize(build({ 'main.abcdef01.js': noise }));
    expect(size.bytes).toBe(20_000);
    expect(size.gzipBytes).toBeGreaterThanOrEqual(20_000);
    expect(gunzipSync(gzipSync(noise, { level: 6 })).equals(noise)).toBe(true);
    expect(size.gzipBytes).toBe(gzipSync(noise, { level: 6 }).length);
  });

  it('says in German what is wrong with a folder that is no single build', () => {
    expect(() => mainJsSize(join(tmpdir(), 'stellenwissen-gibt-es-nicht'))).toThrow(/Kein gebauter Seitenordner: .*assets\/js fehlt/);
    expect(() => mainJsSize(build({ 'runtime~main.1.js': 'x' }))).toThrow(/Kein Hauptbündel main\.<hash>\.js/);
    expect(() => mainJsSize(build({ 'main.aaaa.js': 'a', 'main.bbbb.js': 'b' }))).toThrow(/Mehrere Hauptbündel .*main\.aaaa\.js, main\.bbbb\.js/);
  });
});
