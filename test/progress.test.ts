import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { fileProgress } from '../src/cli/progress';

/** A stream that claims to be (or not be) a terminal and records what is written. */
function stream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  Object.assign(out, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream: out as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

const savedCi = process.env.CI;
afterEach(() => {
  if (savedCi === undefined) delete process.env.CI;
  else process.env.CI = savedCi;
});

function run(isTTY: boolean, total: number): string {
  const target = stream(isTTY);
  const progress = fileProgress('Prüfe', target.stream);
  progress.update(0, total);
  progress.update(Math.floor(total / 2), total);
  progress.stop();
  return target.text();
}

describe('fileProgress', () => {
  it('draws a bar on a terminal for a long run', () => {
    delete process.env.CI;
    expect(run(true, 5000)).toContain('Prüfe');
  });

  it('stays silent in pipes and redirected output', () => {
    delete process.env.CI;
    expect(run(false, 5000)).toBe('');
  });

  it('stays silent in CI logs, even on a terminal', () => {
    process.env.CI = 'true';
    expect(run(true, 5000)).toBe('');
  });

  it('stays silent for short runs', () => {
    delete process.env.CI;
    expect(run(true, 100)).toBe('');
  });
});
