import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { escapeHtml } from '../core/escape-html';
import { basename, dirname, join, resolve } from 'node:path';

/** The browser editor as built by src/editing/client-bundle.ts. */
export interface CmsBundle {
  js: string | Uint8Array;
  css: string | Uint8Array;
}

/**
 * What /admin/ of a site holds:
 * - `cms`: the editor (Decap CMS) with its generated configuration and the wiki's index for the preview;
 * - `explain`: no editor, a page saying how to edit (backend `local`: only `npm run edit` can save).
 */
export type AdminContent =
  | { mode: 'cms'; title: string; config: unknown; previewData: unknown; bundle: CmsBundle }
  | { mode: 'explain'; title: string };

/** The site path of the folder (below the base URL) and the README section the explanation names. */
export const ADMIN_PATH = 'admin';
export const README_EDITING_SECTION = 'Bearbeiten im Browser';
/** The package's README as published (the same page init/README.md links to); a link, never a request. */
const README_URL = 'https://www.npmjs.com/package/stellenwissen#bearbeiten-im-browser';

/**
 * The static folder that holds admin/ for one site (`siteDir` + wiki folder) and one editor
 * backend: builds and a running `npm run edit` of the same wiki never write into each other's.
 */
export function adminStaticDir(cacheDir: string, siteDir: string, docsDir: string, apiUrl: string | undefined): string {
  // The configuration and the plugin must name the same folder, whichever spelling of the site's path each got.
  const site = existsSync(siteDir) ? realpathSync(siteDir) : resolve(siteDir);
  const key = createHash('sha256').update([site, docsDir, apiUrl ?? ''].join('\0')).digest('hex').slice(0, 12);
  return join(cacheDir, 'admin-static', key);
}

function shortHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}

/** One HTML page of /admin/: German, no inline script (the CSP of deploy/ needs no hash). */
function page(title: string, head: string[], body: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="de">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title>`,
    ...head,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The editor page: one script. The bundle sets `CMS_MANUAL_INIT` in its first module (Decap then
 * looks for no config.yml), reads config.json and preview-data.json itself and hands cms.css –
 * the site's look, for the preview frame only – to the preview with its own `?v=`. That `?v=`
 * changes with the content of both files, so a browser never keeps an old editor.
 */
function cmsPage(title: string, bundle: CmsBundle): string {
  const version = createHash('sha256').update(bundle.js).update(bundle.css).digest('hex').slice(0, 10);
  return page(
    `Bearbeiten – ${title}`,
    [`<script defer src="cms.js?v=${version}"></script>`],
    ['<noscript><p>Der Editor braucht JavaScript. Bitte schalten Sie JavaScript für diese Seite ein oder wenden Sie sich an die IT.</p></noscript>'],
  );
}


/** The page for backend `local`: how to edit, in plain words; it loads no editor. */
function explainPage(title: string): string {
  return page(
    `Bearbeiten – ${title}`,
    ['<link rel="stylesheet" href="hinweis.css">'],
    [
      '<main>',
      '<h1>Artikel im Browser bearbeiten</h1>',
      '<p>Für dieses Wiki ist noch kein Git-Server zum Speichern eingerichtet. Bearbeiten können Sie es so auf Ihrem eigenen Computer:</p>',
      '<ol>',
      '<li>Öffnen Sie im Ordner Ihrer Arbeitskopie des Wikis (dort liegt <code>stellenwissen.config.yaml</code>) ein Terminal bzw. eine Eingabeaufforderung.</li>',
      '<li>Geben Sie <code>npm run edit</code> ein.</li>',
      '<li>Öffnen Sie im Browser die Adresse, die dort genannt wird: <code>http://127.0.0.1:3000/admin/</code>. Ihre Änderungen werden als Dateien im Ordner <code>docs/</code> Ihrer Arbeitskopie gespeichert.</li>',
      '</ol>',
      `<p>Damit alle im Browser bearbeiten können, trägt die IT den GitLab-Server des Hauses in <code>stellenwissen.config.yaml</code> unter <code>editing</code> ein – beschrieben in der README des Pakets Stellenwissen im Abschnitt <a href="${README_URL}">„${README_EDITING_SECTION}“</a>.</p>`,
      '<p><a href="../">Zurück zum Wiki</a></p>',
      '</main>',
    ],
  );
}

const EXPLAIN_CSS = 'body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;padding:1rem;color:#1c1e21;background:#fff}main{max-width:42rem;margin:0 auto}a{color:#0b5394}code{overflow-wrap:anywhere}\n';

/** Every file of admin/ (name → content). */
export function adminFiles(content: AdminContent): Map<string, string | Uint8Array> {
  if (content.mode === 'explain') {
    return new Map<string, string | Uint8Array>([['index.html', explainPage(content.title)], ['hinweis.css', EXPLAIN_CSS]]);
  }
  return new Map<string, string | Uint8Array>([
    ['index.html', cmsPage(content.title, content.bundle)],
    ['cms.js', content.bundle.js],
    ['cms.css', content.bundle.css],
    ['config.json', `${JSON.stringify(content.config)}\n`],
    ['preview-data.json', `${JSON.stringify(content.previewData)}\n`],
  ]);
}

/** True when `dir` holds exactly these files with these bytes (then nothing needs writing). */
function holdsExactly(dir: string, files: Map<string, string | Uint8Array>): boolean {
  if (!existsSync(dir)) return false;
  const names = readdirSync(dir).sort();
  if (names.join('\n') !== [...files.keys()].sort().join('\n')) return false;
  return names.every((name) => Buffer.from(files.get(name)!).equals(readFileSync(join(dir, name))));
}

/**
 * Writes `staticDir`/admin/ as a whole: the files go into a temporary folder beside
 * `staticDir` (never inside it, so a crash leaves nothing that becomes part of the site),
 * which then takes the place of the old folder. A reader sees the old or the new folder,
 * never a mix. Unchanged content is not rewritten (the dev server would reload for nothing).
 * Returns the folder and whether anything changed.
 */
export function writeAdminFolder(staticDir: string, content: AdminContent): { dir: string; changed: boolean } {
  const target = join(staticDir, ADMIN_PATH);
  const files = adminFiles(content);
  if (holdsExactly(target, files)) return { dir: target, changed: false };
  const stamp = `${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}`;
  const temp = join(dirname(staticDir), `.${basename(staticDir)}.${stamp}.tmp`);
  const old = join(dirname(staticDir), `.${basename(staticDir)}.${stamp}.old`);
  try {
    mkdirSync(temp, { recursive: true });
    for (const [name, bytes] of files) writeFileSync(join(temp, name), bytes);
    mkdirSync(staticDir, { recursive: true });
    // A folder cannot be renamed over a non-empty one: move the old one aside first.
    if (existsSync(target)) renameSync(target, old);
    try {
      renameSync(temp, target);
    } catch (error) {
      if (existsSync(old) && !existsSync(target)) renameSync(old, target);
      throw error;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  return { dir: target, changed: true };
}

/** Removes admin/ (editing switched off): the static folder stays, empty, so Docusaurus skips it. */
export function removeAdminFolder(staticDir: string): void {
  rmSync(join(staticDir, ADMIN_PATH), { recursive: true, force: true });
}
