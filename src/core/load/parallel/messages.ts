import type { Article } from '../../article';
import type { LocalExtensions } from '../../schema/model';
import type { ArticleType } from '../../schema/schemas';

/** What every worker starts with: the schema model in force on the calling thread (src/core/schema/model.ts). */
export interface WorkerSetup {
  root: string | undefined;
  local: LocalExtensions;
}

/** One file to analyse: how it is shown, where it lies in the wiki, where it is on disk and its bytes. */
export interface FileToAnalyse {
  file: string;
  relPath: string;
  path: string;
  /** Absent: the thread that analyses the file reads it (src/core/load/analyse-file.ts). */
  bytes?: Uint8Array;
}

export interface BatchRequest {
  batch: number;
  files: FileToAnalyse[];
  /** Send the body text back (the site's search needs it; validate does not). */
  keepBody: boolean;
  /** Analyse the bodies of these types only (absent: all; LoadOptions.bodies). */
  bodies?: readonly ArticleType[];
}

export type BatchResult =
  | { batch: number; articles: Article[]; error?: undefined }
  | { batch: number; error: string; articles?: undefined };

/** A worker's first message: its modules are loaded, it takes batches from now on. */
export interface WorkerReady {
  ready: true;
}

export type WorkerMessage = BatchResult | WorkerReady;
