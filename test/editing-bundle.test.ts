import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readWikiConfig } from '../src/core/config';
import { loadWiki } from '../src/core/load/load-wiki';
import { writeSiteAdmin } from '../src/editing/admin-site';
import { cmsBundle } from '../src/editing/client-bundle';
import { ROOT, tempDir } from './helpers';

/**
 * Every host an address in cms.js names, and why none of them is ever asked for with the
 * configuration the wiki generates (the browser test checks the requests themselves).
 */
const KNOWN_HOSTS: Record<string, string> = {
  // Names, not addresses: XML/SVG namespaces, JSON Schema ids, DTD names.
  'www.w3.org': 'namespace',
  'json-schema.org': 'schema id',
  'raw.githubusercontent.com': 'ajv schema id ($data)',
  'stellenwissen.invalid': 'our schema ids',
  'www.ibm.com': 'DTD name (parse5)',
  localhost: 'placeholder address of a polyfill',
  // Links in error messages and warnings of libraries (text, never fetched).
  'react-dnd.github.io': 'error text', 'react.dev': 'error text', 'reactjs.org': 'error text', 'fb.me': 'error text',
  'redux.js.org': 'error text', 'bit.ly': 'error text (immer)', 'goo.gl': 'error text',
  'npms.io': 'error text (lodash)', 'mozilla.github.io': 'error text (localForage)', 'dev.apollodata.com': 'error text (apollo)',
  'www.decapcms.org': 'link in Decap’s texts', 'github.com': 'links in Decap’s texts',
  // Defaults of Decap's backends; the generated config always sets base_url and api_root.
  'gitlab.com': 'GitLab backend default', 'try.gitea.io': 'Gitea backend default',
  // decap-cms-core names GitHub, Bitbucket and Netlify for backends it does not register here (src/editing/client/decap.ts).
  'api.github.com': 'core: GitHub (not registered)', 'api.bitbucket.org': 'core: Bitbucket (not registered)', 'api.netlify.com': 'core: Git Gateway (not registered)',
};

describe('the editor bundle (cms.js, cms.css)', () => {
  it('builds with the preview, the card styles and no address of an unknown host', async () => {
    const { js, css } = await cmsBundle();
    const code = new TextDecoder().decode(js);
    const styles = new TextDecoder().decode(css);
    expect(code).toContain('Hinweise vor dem Speichern');
    expect(code).toContain('Inhaltstypen'); // the German UI of decap-cms-locales
    expect(code).toContain('%{widgetLabel} field'); // and the English one, which fills the gaps of the German
    expect(code).not.toMatch(/@docusaurus\/Link/);
    // The card's CSS module (local-css) and the preview's own rules are in cms.css.
    expect(styles).toMatch(/\.styles_card|\.[A-Za-z0-9_-]*card[A-Za-z0-9_-]*\s*\{/);
    expect(styles).toContain('.stellenwissen-findings');
    const hosts = new Set([...code.matchAll(/https?:\/\/([A-Za-z0-9.-]+)/g)].map((m) => m[1]!.toLowerCase()).filter((host) => host !== ''));
    const unknown = [...hosts].filter((host) => !Object.hasOwn(KNOWN_HOSTS, host));
    expect(unknown).toEqual([]);
    // The list stays true: a host no longer named leaves it.
    expect(Object.keys(KNOWN_HOSTS).filter((host) => !hosts.has(host))).toEqual([]);
    // Decap's configuration check ran at build time (src/editing/decap-config-check.ts), not in here.
    expect(code).not.toContain('fields names must be unique');
    console.log(`cms.js ${js.length} bytes (${gzipSync(js).length} gzip), cms.css ${css.length} bytes (${gzipSync(css).length} gzip); hosts named: ${[...hosts].sort().join(', ')}`);
  }, 120_000);

  it('writes cms.js and cms.css into the admin folder, the same bytes as the cached build', async () => {
    const staticDir = tempDir('stellenwissen-cms-');
    expect(await writeSiteAdmin({ staticDir, siteDir: ROOT, wiki: loadWiki(join(ROOT, 'docs')), wikiConfig: readWikiConfig(ROOT), title: 'T', baseUrl: '/' })).toBe('cms');
    const { js, css } = await cmsBundle();
    expect(readFileSync(join(staticDir, 'admin/cms.js')).equals(Buffer.from(js))).toBe(true);
    expect(readFileSync(join(staticDir, 'admin/cms.css')).equals(Buffer.from(css))).toBe(true);
  }, 120_000);
});
