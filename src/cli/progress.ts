import { SingleBar } from 'cli-progress';

/** Below this many files a run is short enough that a bar would only flicker. */
const MIN_FILES_FOR_BAR = 500;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr for a person at a terminal — never in CI logs, pipes or
 * redirected output (there it would only add noise), and only for long runs.
 */
export function fileProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY !== true || process.env.CI) return silent;
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar) {
        if (total < MIN_FILES_FOR_BAR || done >= total) return;
        bar = new SingleBar({
          stream,
          format: `${label} [{bar}] {value}/{total} Dateien`,
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          fps: 10,
        });
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
