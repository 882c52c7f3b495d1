import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ensureBundle, freshBundle } from '../../../runtime/typescript-bundle.cjs';
import { activeSchemaModel } from '../../schema/model';
import { withoutBody, type Article } from '../../article';
import type { ArticleType } from '../../schema/schemas';
import { analyseFile } from '../analyse-file';
import type { BatchRequest, FileToAnalyse, WorkerMessage, WorkerSetup } from './messages';

/** Files per message: large enough that messaging is noise, small enough to balance the load. */
const BATCH_SIZE = 64;

/**
 * A larger young generation than V8's default for worker threads: the analysis makes
 * many short-lived objects; fewer scavenges cut the 10,000-article run by about 7 %.
 */
const YOUNG_GENERATION_MB = 48;

export interface AnalyseOptions {
  keepBody: boolean;
  /** The types whose bodies are analysed (default all; LoadOptions.bodies). */
  bodies?: readonly ArticleType[];
  /** Leave every batch to the workers (tests of what the workers give); default false. */
  workersOnly?: boolean;
  /** Called with the number of files analysed so far. */
  onProgress?: (done: number) => void;
}

/** Lets the event loop deliver the workers' messages between two batches of the calling thread. */
const yieldToWorkers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Worker threads that analyse files beside the calling thread. A worker needs about half a
 * second to load its modules; meanwhile the calling thread, whose modules are loaded, works
 * through the batches, and each worker takes batches from its `ready` message on. Results
 * come back in input order.
 */
export class AnalysisPool {
  private constructor(private readonly workers: Worker[]) {}

  /**
   * Starts `count` workers. Synchronously when the worker's bundle is up to date, so that they
   * boot while the calling thread reads the files; else once the bundle is built.
   */
  static start(count: number): Promise<AnalysisPool> {
    const entry = join(__dirname, 'worker.ts');
    const fresh = freshBundle(entry);
    if (fresh) return Promise.resolve(AnalysisPool.on(fresh, count));
    return ensureBundle(entry).then((script) => AnalysisPool.on(script, count));
  }

  private static on(script: string, count: number): AnalysisPool {
    // The wiki's extensions in force here are in force in the workers too (checked once, here).
    const { root, local } = activeSchemaModel();
    const workerData: WorkerSetup = { root, local };
    const workers = Array.from({ length: Math.max(1, count) }, () => new Worker(script, {
      workerData,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    }));
    return new AnalysisPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Analyses the files here and on the workers; rejects when a worker fails. */
  async analyse(files: FileToAnalyse[], options: AnalyseOptions): Promise<{ articles: Article[]; onWorkers: number }> {
    const batches: FileToAnalyse[][] = [];
    for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
    const results: Article[][] = new Array(batches.length);
    let next = 0;
    let returned = 0;
    let done = 0;
    let onWorkers = 0;
    let failure: Error | undefined;
    /** Wakes the calling thread when it waits for the workers' last batches. */
    let wake = () => {};
    const store = (batch: number, articles: Article[]) => {
      results[batch] = articles;
      returned += 1;
      done += articles.length;
      options.onProgress?.(done);
      wake();
    };
    const fail = (error: Error) => {
      failure ??= error;
      wake();
    };
    const cleanups = this.workers.map((worker) => {
      const send = () => {
        if (failure || next >= batches.length) return;
        const batch = next++;
        worker.postMessage({ batch, files: batches[batch]!, keepBody: options.keepBody, bodies: options.bodies } satisfies BatchRequest);
      };
      const onMessage = (message: WorkerMessage) => {
        if ('ready' in message) send();
        else if (message.error !== undefined) fail(new Error(`Analyse im Worker fehlgeschlagen: ${message.error}`));
        else {
          onWorkers += message.articles.length;
          store(message.batch, message.articles);
          send();
        }
      };
      const onExit = (code: number) => fail(new Error(`Worker vorzeitig beendet (Status ${code})`));
      worker.on('message', onMessage);
      worker.on('error', fail);
      worker.on('exit', onExit);
      return () => {
        worker.off('message', onMessage);
        worker.off('error', fail);
        worker.off('exit', onExit);
      };
    });
    try {
      while (!options.workersOnly && !failure && next < batches.length) {
        const batch = next++;
        const articles = batches[batch]!.map((f) => analyseFile(f, options.bodies));
        store(batch, options.keepBody ? articles : articles.map(withoutBody));
        await yieldToWorkers();
      }
      // The batches the workers still hold (a worker that was not ready yet holds none).
      while (!failure && returned < batches.length) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
    } finally {
      for (const cleanup of cleanups) cleanup();
    }
    return { articles: results.flat(), onWorkers };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
