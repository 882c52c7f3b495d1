/**
 * Worker thread of the analysis pool: analyses batches of files (front matter, schema,
 * body facts) and posts the articles back. Runs as a bundle (see src/runtime).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { withoutBody } from '../../article';
import { analyseFile } from '../analyse-file';
import { activateSchemaModel, createSchemaModel } from '../../schema/model';
import type { BatchRequest, BatchResult, WorkerReady, WorkerSetup } from './messages';

const setup = workerData as WorkerSetup | undefined;
if (setup) activateSchemaModel(createSchemaModel(setup.root, setup.local));

parentPort?.on('message', (request: BatchRequest) => {
  try {
    const articles = request.files.map((f) => analyseFile(f, request.bodies));
    parentPort!.postMessage({ batch: request.batch, articles: request.keepBody ? articles : articles.map(withoutBody) } satisfies BatchResult);
  } catch (error) {
    parentPort!.postMessage({ batch: request.batch, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies BatchResult);
  }
});

parentPort?.postMessage({ ready: true } satisfies WorkerReady);
