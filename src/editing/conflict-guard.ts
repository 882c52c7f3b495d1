import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { writeFileAtomic } from '../core/fs-atomic';
import { MEDIA_FOLDER } from './cms-config';
import { entriesByFolder } from './folder-entries';

/**
 * No silent overwrite with the local file API (`npm run edit`). Decap's proxy backend sends
 * no base version with a save, so this guard, in front of decap-server's file middleware,
 * remembers per editor and file what it served (the content hash of each `getEntry`: Decap
 * loads every entry it opens that way, and checks a new entry's path the same way before
 * creating it) and refuses a save or delete when the file on disk is no longer that version.
 *
 * An editor is one open /admin/ page: src/editing/client/conflict.ts gives each page its own
 * `?editor=` on the API address, so two tabs of one browser are two editors. Saves (and
 * deletes, media uploads) run one at a time, so the check and the write cannot interleave
 * with another save. Saves are written here, atomically, and never by decap-server, whose
 * write is not atomic and whose rename moves every file of the entry's folder.
 */

/** Query parameter naming the editor (one open /admin/ page). */
export const EDITOR_PARAM = 'editor';

export interface ConflictGuardOptions {
  /** The folder the API serves (the site folder, holding the wiki folder). */
  repoDir: string;
  /** The wiki folder, relative to repoDir: entries are saved only inside it. */
  docsDir: string;
}

interface DataFile {
  path: string;
  raw: string;
  newPath?: string;
}

interface Asset {
  path: string;
  content: string;
  encoding: string;
}

/** A refusal: HTTP status and the German line the editor shows („Beitrag speichern fehlgeschlagen: …“). */
class Refusal extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Content hash of the file now, or null when there is none (the same hash decap-server serves as `id`). */
function diskHash(path: string): string | null {
  try {
    return sha256(readFileSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const MESSAGES = {
  changed: (path: string, what: string) =>
    `„${path}“ wurde geändert, seit Sie den Artikel in diesem Fenster geöffnet haben – in einem anderen Fenster, von einer anderen Person oder außerhalb des Editors. ${what} wurde nichts, damit diese Änderung nicht verloren geht. Kopieren Sie Ihren Text, laden Sie die Seite neu und tragen Sie Ihre Änderung in die neue Fassung ein.`,
  deleted: (path: string, what: string) =>
    `„${path}“ wurde gelöscht, seit Sie den Artikel in diesem Fenster geöffnet haben. ${what} wurde nichts. Laden Sie die Seite neu; soll der Artikel bleiben, legen Sie ihn neu an.`,
  notLoaded: (path: string, what: string) =>
    `„${path}“ gibt es schon, aber dieses Fenster hat die Datei nicht geladen (zum Beispiel wurde „npm run edit“ neu gestartet, oder jemand hat den Artikel inzwischen angelegt). ${what} wurde nichts. Kopieren Sie Ihren Text und laden Sie die Seite neu.`,
  targetExists: (path: string) => `„${path}“ gibt es schon – ein Artikel wird nie über einen anderen geschrieben. Gespeichert wurde nichts.`,
  outside: (path: string, docsDir: string) => `„${path}“ liegt nicht im Wiki-Ordner ${docsDir}/ – der Editor speichert Artikel nur dort. Gespeichert wurde nichts.`,
  outsideRepo: (path: string) => `„${path}“ liegt nicht im Ordner des Wikis. Gespeichert wurde nichts.`,
  notWiki: (path: string, docsDir: string) => `„${path}“ gehört nicht zum Wiki: Der Editor liest und schreibt nur in ${docsDir}/ und ${MEDIA_FOLDER}/.`,
  failed: (message: string) => `Speichern fehlgeschlagen: ${message}`,
  readFailed: (folder: string, message: string) => `Die Artikel in „${folder}“ ließen sich nicht lesen: ${message}`,
};

/** The editor of a request: its `?editor=` (letters, digits, - and _), else the shared editor ''. */
function editorOf(req: Request): string {
  const value = req.query[EDITOR_PARAM];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : '';
}

/** `rel` (a path as the editor sends it) inside `root`, also after symlinks; else undefined. */
function resolveInside(root: string, rel: unknown): string | undefined {
  if (typeof rel !== 'string' || rel === '' || rel.includes('\0') || isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) return undefined;
  const path = resolve(root, rel);
  const within = (base: string, target: string) => {
    const r = relative(base, target);
    return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
  };
  if (!within(root, path)) return undefined;
  let existing = path;
  while (!existsSync(existing)) existing = dirname(existing);
  const realRoot = realpathSync(root);
  const real = realpathSync(existing);
  return real === realRoot || within(realRoot, real) ? path : undefined;
}

export function conflictGuard(options: ConflictGuardOptions): RequestHandler {
  const repoDir = resolve(options.repoDir);
  const docsRoot = resolve(repoDir, options.docsDir);
  const docsLabel = posix.normalize(options.docsDir.split(sep).join('/')).replace(/\/$/, '');
  /** editor \0 path → hash of the version that editor loaded (null: the file did not exist). */
  const loaded = new Map<string, string | null>();
  const key = (editor: string, path: string) => `${editor}\0${posix.normalize(path)}`;
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `job` after every earlier one: one change at a time. */
  const exclusive = (job: () => Promise<void> | void) => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Where an entry file may be written: inside the wiki folder, a .md file. */
  const entryPath = (rel: unknown): string => {
    const path = resolveInside(repoDir, rel);
    if (path === undefined || !path.endsWith('.md') || (path !== docsRoot && !path.startsWith(docsRoot + sep))) {
      throw new Refusal(400, MESSAGES.outside(String(rel), docsLabel));
    }
    return path;
  };

  /** Refuses when the editor's version of `rel` is not the one on disk. */
  const checkBase = (editor: string, rel: string, path: string, what: string) => {
    const now = diskHash(path);
    const k = key(editor, rel);
    if (!loaded.has(k)) {
      if (now !== null) throw new Refusal(409, MESSAGES.notLoaded(rel, what));
      return;
    }
    const base = loaded.get(k);
    if (base === now) return;
    throw new Refusal(409, now === null ? MESSAGES.deleted(rel, what) : MESSAGES.changed(rel, what));
  };

  const persistEntry = (editor: string, params: { entry?: DataFile; dataFiles?: DataFile[]; assets?: Asset[] }) => {
    const dataFiles = params.dataFiles ?? (params.entry ? [params.entry] : []);
    const assets = params.assets ?? [];
    const planned = dataFiles.map((file) => {
      if (typeof file?.raw !== 'string') throw new Refusal(400, MESSAGES.failed('Eintrag ohne Inhalt.'));
      const path = entryPath(file.path);
      checkBase(editor, file.path, path, 'Gespeichert');
      const target = file.newPath === undefined ? undefined : entryPath(file.newPath);
      if (target !== undefined && existsSync(target)) throw new Refusal(409, MESSAGES.targetExists(file.newPath!));
      return { file, path, target };
    });
    const media = assets.map((asset) => {
      const path = resolveInside(repoDir, asset?.path);
      if (path === undefined || asset.encoding !== 'base64' || typeof asset.content !== 'string') throw new Refusal(400, MESSAGES.outsideRepo(String(asset?.path)));
      return { path, bytes: Buffer.from(asset.content, 'base64') };
    });
    for (const { path, bytes } of media) writeFileAtomic(path, bytes);
    for (const { file, path, target } of planned) {
      writeFileAtomic(target ?? path, file.raw);
      if (target !== undefined) {
        // Only this file moves (decap-server would move its whole folder).
        rmSync(path, { force: true });
        loaded.delete(key(editor, file.path));
      }
      loaded.set(key(editor, file.newPath ?? file.path), sha256(file.raw));
    }
  };

  const refuse = (res: Response, error: unknown) => {
    if (error instanceof Refusal) res.status(error.status).json({ error: error.message });
    else res.status(500).json({ error: MESSAGES.failed(error instanceof Error ? error.message : String(error)) });
  };

  /** Lets decap-server answer, holding the queue until it has. */
  const passOn = (res: Response, next: NextFunction) =>
    new Promise<void>((done) => {
      res.once('finish', done);
      res.once('close', done);
      next();
    });

  const mediaRoot = resolve(repoDir, MEDIA_FOLDER);
  const inWiki = (rel: string) => {
    const path = resolveInside(repoDir, rel);
    return path !== undefined && [docsRoot, mediaRoot].some((root) => path === root || path.startsWith(root + sep));
  };

  return (req, res, next) => {
    const body = req.body as { action?: unknown; params?: Record<string, unknown> } | undefined;
    const editor = editorOf(req);
    const params = (body?.params ?? {}) as Record<string, unknown>;
    // Reading, too, stays in the wiki and its images: the site folder also holds files that
    // are none of the editor's business (hr/ with the register, the settings, node_modules).
    const outside = requestPaths(params).find((rel) => !inWiki(rel));
    if (outside !== undefined) {
      res.status(403).json({ error: MESSAGES.notWiki(outside, docsLabel) });
      return;
    }
    switch (body?.action) {
      case 'entriesByFolder': {
        const { folder, extension, depth } = params;
        // Malformed requests go on to decap-server, which refuses them (422).
        if (typeof folder !== 'string' || typeof extension !== 'string' || typeof depth !== 'number') break;
        try {
          res.json(entriesByFolder(repoDir, folder, extension, depth));
        } catch (error) {
          res.status(500).json({ error: MESSAGES.readFailed(folder, error instanceof Error ? error.message : String(error)) });
        }
        return;
      }
      case 'getEntry': {
        // Remember exactly what decap-server serves (its `file.id` is the content hash).
        const json = res.json.bind(res);
        res.json = (answer: { file?: { path?: unknown; id?: unknown } } | undefined) => {
          const file = answer?.file;
          if (res.statusCode === 200 && typeof file?.path === 'string') loaded.set(key(editor, file.path), typeof file.id === 'string' ? file.id : null);
          return json(answer);
        };
        next();
        return;
      }
      case 'persistEntry':
        void exclusive(() => {
          try {
            persistEntry(editor, params as Parameters<typeof persistEntry>[1]);
            res.json({ message: 'entry persisted' });
          } catch (error) {
            refuse(res, error);
          }
        });
        return;
      case 'deleteFile':
      case 'deleteFiles':
        void exclusive(() => {
          const paths = body.action === 'deleteFile' ? [params.path] : Array.isArray(params.paths) ? params.paths : [];
          try {
            for (const rel of paths) {
              const path = typeof rel === 'string' ? resolveInside(repoDir, rel) : undefined;
              // Media files are not opened as entries; an entry file must be the version this editor saw.
              if (path !== undefined && typeof rel === 'string' && (loaded.has(key(editor, rel)) || path.endsWith('.md'))) checkBase(editor, rel, path, 'Gelöscht');
            }
          } catch (error) {
            refuse(res, error);
            return;
          }
          return passOn(res, next);
        });
        return;
      case 'persistMedia':
        void exclusive(() => passOn(res, next));
        return;
    }
    next();
  };
}

/** Every path a request of Decap's proxy backend names (entries, folders, media, deletions). */
function requestPaths(params: Record<string, unknown>): string[] {
  const paths: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string') paths.push(value);
  };
  const fromFile = (file: unknown) => {
    if (typeof file === 'object' && file !== null) {
      add((file as { path?: unknown }).path);
      add((file as { newPath?: unknown }).newPath);
    }
  };
  for (const key of ['path', 'folder', 'mediaFolder', 'newPath']) add(params[key]);
  for (const key of ['files', 'dataFiles', 'assets']) if (Array.isArray(params[key])) (params[key] as unknown[]).forEach(fromFile);
  for (const key of ['entry', 'asset']) fromFile(params[key]);
  if (Array.isArray(params.paths)) params.paths.forEach(add);
  return paths;
}
