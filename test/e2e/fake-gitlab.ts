import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';

/**
 * A fake GitLab on 127.0.0.1 with just the endpoints Decap CMS 3.16's GitLab backend calls
 * (decap-cms-backend-gitlab/dist/esm/API.js, implementation.js, notesApi.js; the PKCE login in
 * decap-cms-lib-auth/dist/esm/pkce-oauth.js). One project, an in-memory Git of snapshots:
 * every commit is a full file map, branches point at commits. Requests it does not know are
 * answered 404 and listed in `unknown`, so a test can fail on them.
 */

interface Commit {
  id: string;
  parent?: string;
  message: string;
  files: Map<string, Buffer>;
  /** The request body of POST /repository/commits (absent for the seed commit). */
  actions?: CommitAction[];
  branch: string;
}

interface CommitAction {
  action: 'create' | 'update' | 'delete' | 'move';
  file_path: string;
  previous_path?: string;
  content?: string;
  encoding?: 'base64' | 'text';
}

export interface MergeRequest {
  iid: number;
  source_branch: string;
  target_branch: string;
  title: string;
  description: string;
  labels: string[];
  state: 'opened' | 'closed' | 'merged';
  updated_at: string;
}

export interface FakeGitLab {
  url: string;
  /** Project path, e.g. `hauptamt/wissen`. */
  repo: string;
  /** Branch name → head commit id. */
  branches: Map<string, string>;
  commits: Map<string, Commit>;
  mergeRequests: MergeRequest[];
  /** `METHOD path` of every request the fake has no handler for. */
  unknown: string[];
  /** Files of a branch's head. */
  filesOf(branch: string): Map<string, Buffer>;
  close(): Promise<void>;
}

const APP_ID = 'test';
const USER = { id: 7, username: 'clerk', name: 'Sachbearbeitung Hauptamt', email: 'clerk@rathaus.example', avatar_url: '' };

/** Git's blob id: Decap compares these with its local cache. */
const blobId = (content: Buffer) => createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
const base64url = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

export async function startFakeGitLab(options: { repo: string; branch: string; files: Map<string, Buffer> }): Promise<FakeGitLab> {
  const { repo } = options;
  const commits = new Map<string, Commit>();
  const branches = new Map<string, string>();
  const mergeRequests: MergeRequest[] = [];
  const unknown: string[] = [];
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const tokens = new Set<string>();
  let counter = 0;

  function addCommit(commit: Omit<Commit, 'id'>): Commit {
    const id = createHash('sha1').update(`${commit.parent ?? ''}${commit.message}${++counter}`).digest('hex');
    const full = { ...commit, id };
    commits.set(id, full);
    branches.set(commit.branch, id);
    return full;
  }
  addCommit({ message: 'Initial commit', files: new Map(options.files), branch: options.branch });

  const head = (ref: string): Commit | undefined => {
    const id = branches.get(ref) ?? (commits.has(ref) ? ref : undefined);
    return id === undefined ? undefined : commits.get(id);
  };
  const query = (req: Request, key: string) => (typeof req.query[key] === 'string' ? (req.query[key] as string) : undefined);
  const commitJson = (c: Commit) => ({
    id: c.id,
    short_id: c.id.slice(0, 8),
    title: c.message.split('\n')[0],
    message: c.message,
    author_name: USER.name,
    author_email: USER.email,
    authored_date: '2026-01-05T10:00:00.000Z',
    parent_ids: c.parent ? [c.parent] : [],
  });
  const mrJson = (mr: MergeRequest) => ({ ...mr, id: 1000 + mr.iid, sha: branches.get(mr.source_branch), author: { name: USER.name, username: USER.username } });

  const app = express();
  // The admin page is another origin (the site's port): GitLab answers CORS for API clients.
  app.use((req, res, next) => {
    res.set({
      'Access-Control-Allow-Origin': req.get('origin') ?? '*',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE',
      'Access-Control-Expose-Headers': 'Link, X-Page, X-Per-Page, X-Total, X-Total-Pages, X-Gitlab-Blob-Id',
    });
    if (req.method === 'OPTIONS') res.sendStatus(204);
    else next();
  });
  app.use(express.json({ limit: '20mb' }));

  // PkceAuthenticator.authenticate: the browser is sent here; a page with GitLab's „Authorize“ button.
  app.get('/oauth/authorize', (req, res) => {
    const [clientId, redirectUri, state, challenge] = ['client_id', 'redirect_uri', 'state', 'code_challenge'].map((k) => query(req, k));
    if (clientId !== APP_ID || query(req, 'response_type') !== 'code' || query(req, 'code_challenge_method') !== 'S256' || !redirectUri || !state || !challenge) {
      res.status(400).send('invalid authorization request');
      return;
    }
    const code = randomBytes(16).toString('hex');
    codes.set(code, { challenge, redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', state);
    res.type('html').send(`<!doctype html><title>Autorisieren</title><p>Stellenwissen möchte auf Ihr Konto zugreifen.</p><a href="${back.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">Authorize</a>`);
  });

  // PkceAuthenticator._requestToken: the code and its verifier for a token.
  app.post('/oauth/token', (req, res) => {
    const { client_id, code, grant_type, redirect_uri, code_verifier } = req.body as Record<string, string>;
    const issued = codes.get(code);
    codes.delete(code);
    const verified = issued && base64url(createHash('sha256').update(code_verifier ?? '').digest()) === issued.challenge;
    if (client_id !== APP_ID || grant_type !== 'authorization_code' || !verified || issued.redirectUri !== redirect_uri) {
      res.status(400).json({ error: 'invalid_grant' });
      return;
    }
    const token = randomBytes(16).toString('hex');
    tokens.add(token);
    res.json({ access_token: token, token_type: 'Bearer', refresh_token: randomBytes(16).toString('hex'), expires_in: 7200 });
  });

  const api = express.Router();
  api.use((req, res, next) => {
    const token = req.get('authorization')?.replace(/^Bearer /, '');
    if (token === undefined || !tokens.has(token)) res.status(401).json({ message: '401 Unauthorized' });
    else next();
  });

  // API.user (authenticate, status, notes).
  api.get('/user', (_req, res) => void res.json(USER));

  const project = express.Router({ mergeParams: true });
  api.use('/projects/:id', (req, res, next) => {
    if (req.params.id !== repo) res.status(404).json({ message: '404 Project Not Found' });
    else next();
  }, project);

  // API.hasWriteAccess: a developer of the project.
  project.get('/', (_req, res) => void res.json({ id: 1, path_with_namespace: repo, default_branch: options.branch, permissions: { project_access: { access_level: 30 }, group_access: null }, shared_with_groups: [] }));

  // API.listFiles / listAllFiles: the tree below `path`, paged like GitLab (Link, X-Page …).
  project.get('/repository/tree', (req, res) => {
    const commit = head(query(req, 'ref') ?? options.branch);
    if (!commit) return void res.status(404).json({ message: '404 Tree Not Found' });
    const path = (query(req, 'path') ?? '').replace(/\/$/, '');
    const recursive = query(req, 'recursive') === 'true';
    const entries = new Map<string, { id: string; name: string; type: 'tree' | 'blob'; path: string; mode: string }>();
    for (const [file, content] of [...commit.files].sort(([a], [b]) => a.localeCompare(b))) {
      if (path !== '' && !file.startsWith(`${path}/`)) continue;
      const rest = (path === '' ? file : file.slice(path.length + 1)).split('/');
      const depth = recursive ? rest.length : 1;
      for (let i = 1; i <= depth; i++) {
        const entry = [path, ...rest.slice(0, i)].filter(Boolean).join('/');
        const blob = i === rest.length;
        entries.set(entry, { id: blob ? blobId(content) : blobId(Buffer.from(entry)), name: rest[i - 1]!, type: blob ? 'blob' : 'tree', path: entry, mode: blob ? '100644' : '040000' });
      }
    }
    const all = [...entries.values()];
    const perPage = Number(query(req, 'per_page') ?? 20);
    const page = Number(query(req, 'page') ?? 1);
    const pages = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number, rel: string) => {
      const url = new URL(`${req.protocol}://${req.get('host')}${req.originalUrl}`);
      url.searchParams.set('page', String(p));
      return `<${url.href}>; rel="${rel}"`;
    };
    const links = [link(1, 'first'), link(pages, 'last'), ...(page < pages ? [link(page + 1, 'next')] : []), ...(page > 1 ? [link(page - 1, 'prev')] : [])];
    res.set({ 'X-Page': String(page), 'X-Per-Page': String(perPage), 'X-Total': String(all.length), 'X-Total-Pages': String(pages), Link: links.join(', ') });
    res.json(all.slice((page - 1) * perPage, page * perPage));
  });

  const fileOf = (req: Request, res: Response): Buffer | undefined => {
    const content = head(query(req, 'ref') ?? options.branch)?.files.get(req.params.path!);
    if (content === undefined) res.status(404).json({ message: '404 File Not Found' });
    return content;
  };
  // API.readFile: the raw bytes.
  project.get('/repository/files/:path/raw', (req, res) => {
    const content = fileOf(req, res);
    if (content) res.type('application/octet-stream').send(content);
  });
  // API.isFileExists / getFileId (HEAD): the blob id in a header.
  project.get('/repository/files/:path', (req, res) => {
    const content = fileOf(req, res);
    if (content) res.set('X-Gitlab-Blob-Id', blobId(content)).json({ file_path: req.params.path, blob_id: blobId(content), size: content.length });
  });

  // API.readFileMetadata: the last commit touching a file.
  project.get('/repository/commits', (req, res) => {
    const path = query(req, 'path');
    const result: ReturnType<typeof commitJson>[] = [];
    for (let c = head(query(req, 'ref_name') ?? options.branch); c; c = c.parent ? commits.get(c.parent) : undefined) {
      const parent = c.parent ? commits.get(c.parent) : undefined;
      if (path === undefined || !parent || !parent.files.get(path)?.equals(c.files.get(path) ?? Buffer.alloc(0))) result.push(commitJson(c));
    }
    res.json(result);
  });

  // API.uploadAndCommit: one commit of actions, on a new branch when start_branch is given.
  project.post('/repository/commits', (req, res) => {
    const body = req.body as { branch: string; commit_message: string; actions: CommitAction[]; start_branch?: string };
    if (body.start_branch !== undefined && branches.has(body.branch)) return void res.status(400).json({ message: `A branch called '${body.branch}' already exists` });
    const parent = head(body.start_branch ?? body.branch);
    if (!parent) return void res.status(400).json({ message: `You can only create or edit files when you are on a branch` });
    const files = new Map(parent.files);
    for (const action of body.actions) {
      const exists = files.has(action.file_path);
      if ((action.action === 'create') === exists) return void res.status(400).json({ message: `A file with this name ${exists ? 'already exists' : "doesn't exist"}` });
      if (action.action === 'move' && action.previous_path) files.delete(action.previous_path);
      if (action.action === 'delete') files.delete(action.file_path);
      else if (action.content !== undefined) files.set(action.file_path, Buffer.from(action.content, action.encoding === 'base64' ? 'base64' : 'utf8'));
    }
    res.status(201).json(commitJson(addCommit({ parent: parent.id, message: body.commit_message, files, actions: body.actions, branch: body.branch })));
  });

  // API.isShaExistsInBranch: which branches contain a commit.
  project.get('/repository/commits/:sha/refs', (req, res) => {
    const contains = (tip: string | undefined): boolean => tip !== undefined && (tip === req.params.sha || contains(commits.get(tip)?.parent));
    res.json([...branches].filter(([, tip]) => contains(tip)).map(([name]) => ({ type: 'branch', name })));
  });
  // API.getMergeRequestStatues (deploy preview): no pipelines here.
  project.get('/repository/commits/:sha/statuses', (_req, res) => void res.json([]));

  // API.getBranch / getDefaultBranch.
  project.get('/repository/branches/:name', (req, res) => {
    const id = branches.get(req.params.name!);
    if (id === undefined) return void res.status(404).json({ message: '404 Branch Not Found' });
    res.json({ name: req.params.name, commit: commitJson(commits.get(id)!), developers_can_push: false, developers_can_merge: false });
  });
  // API.deleteBranch.
  project.delete('/repository/branches/:name', (req, res) => void res.sendStatus(branches.delete(req.params.name!) ? 204 : 404));

  // API.getDifferences: the files that differ between two refs.
  project.get('/repository/compare', (req, res) => {
    const [from, to] = [head(query(req, 'from') ?? ''), head(query(req, 'to') ?? '')];
    if (!from || !to) return void res.status(404).json({ message: '404 Not Found' });
    const paths = new Set([...from.files.keys(), ...to.files.keys()]);
    const diffs = [...paths]
      .filter((p) => !from.files.get(p)?.equals(to.files.get(p) ?? Buffer.alloc(0)) || !to.files.has(p))
      .map((p) => ({ old_path: p, new_path: p, new_file: !from.files.has(p), deleted_file: !to.files.has(p), renamed_file: false, diff: `@@ ${p}` }));
    res.json({ commit: commitJson(to), diffs });
  });

  // API.getMergeRequests: open MRs into the target branch (labels=Any).
  project.get('/merge_requests', (req, res) => {
    const source = query(req, 'source_branch');
    res.json(mergeRequests.filter((mr) => mr.state === (query(req, 'state') ?? mr.state) && mr.target_branch === (query(req, 'target_branch') ?? mr.target_branch) && (source === undefined || mr.source_branch === source)).map(mrJson));
  });
  // API.createMergeRequest: parameters in the query string, like Decap sends them.
  project.post('/merge_requests', (req, res) => {
    const [source, target, title] = [query(req, 'source_branch'), query(req, 'target_branch'), query(req, 'title')];
    if (!source || !branches.has(source) || !target || !branches.has(target) || !title) return void res.status(400).json({ message: 'invalid merge request' });
    const mr: MergeRequest = { iid: mergeRequests.length + 1, source_branch: source, target_branch: target, title, description: query(req, 'description') ?? '', labels: (query(req, 'labels') ?? '').split(',').filter(Boolean), state: 'opened', updated_at: new Date().toISOString() };
    mergeRequests.push(mr);
    res.status(201).json(mrJson(mr));
  });
  const mrOf = (req: Request, res: Response) => {
    const mr = mergeRequests.find((m) => String(m.iid) === req.params.iid);
    if (!mr) res.status(404).json({ message: '404 Not found' });
    return mr;
  };
  // API.rebaseMergeRequest (saving an entry again): our branches never fall behind in a test.
  project.put('/merge_requests/:iid/rebase', (req, res) => {
    if (mrOf(req, res)) res.status(202).json({ rebase_in_progress: false });
  });
  // API.updateMergeRequestLabels / closeMergeRequest.
  project.put('/merge_requests/:iid', (req, res) => {
    const mr = mrOf(req, res);
    if (!mr) return;
    const labels = query(req, 'labels');
    if (labels !== undefined) mr.labels = labels.split(',').filter(Boolean);
    if (query(req, 'state_event') === 'close') mr.state = 'closed';
    mr.updated_at = new Date().toISOString();
    res.json(mrJson(mr));
  });

  // GitLabNotesAPI.findEntryIssue (notes polling of an open entry): no note threads yet.
  project.get('/issues', (_req, res) => void res.json([]));

  app.use('/api/v4', api);
  app.use((req, res) => {
    unknown.push(`${req.method} ${req.originalUrl}`);
    res.status(404).json({ message: `fake GitLab: unknown request ${req.method} ${req.path}` });
  });

  const server: Server = await new Promise((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    repo,
    branches,
    commits,
    mergeRequests,
    unknown,
    filesOf: (branch) => head(branch)?.files ?? new Map(),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
