import type { AddressInfo } from 'node:net';
import { createServer, type RequestListener, type Server } from 'node:http';
import express, { type RequestHandler } from 'express';
import { registerLocalFs } from 'decap-server/dist/middlewares';
import { UsageError } from '../core/wiki';
import { conflictGuard } from './conflict-guard';
import { editApiUrl, LOOPBACK_HOST } from './local-backend';

/**
 * The file API of `npm run edit`: decap-server's file middleware (`registerLocalFs`, plain
 * files, no Git) behind three fences – it listens on 127.0.0.1 only, answers only requests
 * addressed to this computer (a foreign page reaching it through DNS rebinding names another
 * host) and only the site's own pages (CORS for exactly the site's origin), and every save
 * goes through the conflict guard (src/editing/conflict-guard.ts).
 */

export interface EditApiOptions {
  /** The site folder: the API's repository folder (the editor's paths start with the wiki folder). */
  repoDir: string;
  /** The wiki folder relative to repoDir (`docs`). */
  docsDir: string;
  /** Port on 127.0.0.1. */
  port: number;
  /** Port of the site whose pages may call the API. */
  sitePort: number;
}

export interface EditApi {
  url: string;
  close(): Promise<void>;
}

/** The same request body limit as decap-server's (images are posted as base64). */
const BODY_LIMIT = '50mb';

/** Only requests to this computer, only from the site's pages; answers the CORS preflight. */
function localOnly(sitePort: number): RequestHandler {
  const origins = new Set([`http://${LOOPBACK_HOST}:${sitePort}`, `http://localhost:${sitePort}`]);
  return (req, res, next) => {
    const port = req.socket.localPort;
    if (![`${LOOPBACK_HOST}:${port}`, `localhost:${port}`].includes(req.headers.host ?? '')) {
      res.status(403).json({ error: `Die Dateischnittstelle von „npm run edit“ antwortet nur unter http://${LOOPBACK_HOST}:${port}.` });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      res.status(403).json({ error: `Nur die Seiten von http://${LOOPBACK_HOST}:${sitePort} dürfen über diese Schnittstelle speichern (Anfrage von ${origin}).` });
      return;
    }
    if (origin !== undefined) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      res.status(204).end();
      return;
    }
    next();
  };
}

/**
 * decap-server reads its repository folder and allowed origin from the environment while it
 * registers (synchronously, before its first await): the folder is set just for that moment,
 * ORIGIN is unset (its default answers 127.0.0.1 and localhost alike; localOnly has already
 * refused every other origin – a fixed ORIGIN would break the page opened as localhost).
 */
async function registerDecap(app: express.Express, repoDir: string): Promise<void> {
  const saved = { GIT_REPO_DIRECTORY: process.env.GIT_REPO_DIRECTORY, ORIGIN: process.env.ORIGIN };
  process.env.GIT_REPO_DIRECTORY = repoDir;
  delete process.env.ORIGIN;
  let registered: Promise<void>;
  try {
    registered = registerLocalFs(app, { logLevel: 'warn' });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  await registered;
}

/** The express app of the file API (not yet listening). */
export async function createEditApp(options: EditApiOptions): Promise<express.Express> {
  const app = express();
  app.disable('x-powered-by');
  app.use(localOnly(options.sitePort));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.post('/api/v1', conflictGuard({ repoDir: options.repoDir, docsDir: options.docsDir }));
  await registerDecap(app, options.repoDir);
  return app;
}

/** Listens on 127.0.0.1:`port`; a port in use (or not allowed) is a German usage error naming `flag`. */
export function listenLocal(handler: RequestListener, port: number, flag: string): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer(handler).listen(port, LOOPBACK_HOST);
    server.once('listening', () => done(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') fail(new UsageError(`Port ${port} auf ${LOOPBACK_HOST} ist schon belegt (läuft „npm run edit“ schon in einem anderen Fenster?). Beenden Sie das andere Programm oder wählen Sie einen anderen Port mit ${flag}.`));
      else if (error.code === 'EACCES') fail(new UsageError(`Port ${port} auf ${LOOPBACK_HOST} darf dieses Programm nicht öffnen. Wählen Sie einen Port über 1023 mit ${flag}.`));
      else fail(error);
    });
  });
}

/** Starts the file API on 127.0.0.1:`port`. */
export async function startEditApi(options: EditApiOptions): Promise<EditApi> {
  const server = await listenLocal(await createEditApp(options), options.port, '--api-port');
  const { port } = server.address() as AddressInfo;
  return {
    url: editApiUrl(port),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
