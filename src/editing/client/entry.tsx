import './manual-init';
import CMS from './decap';
import { de, en } from 'decap-cms-locales';
import { ENTRY_FORMAT, EntryFormat } from '../front-matter-format';
import type { PreviewData } from '../preview-data';
import { installAccessibility, withGermanAccessibleTexts } from './accessibility';
import { withEditorId } from './conflict';
import { signInLocally } from './local-sign-in';
import './preview.css';
import { primaryColourCss } from '../../site/primary-colour';
import { createPreviewTemplate } from './preview';
import { openPreviewData } from './wiki';

/**
 * The admin page's script (cms.js, built by src/editing/client-bundle.ts): loads the generated
 * Decap configuration and the preview data beside the page, registers the German texts, the
 * wiki's file format (src/editing/front-matter-format.ts), one preview template per collection
 * and the preview's CSS (cms.css), then starts Decap with this page's editor id (conflict.ts).
 */

/**
 * The stylesheet beside this script, for the preview frame only, as an absolute address with
 * the script's own query (`cms.js?v=…` → `cms.css?v=…`): a new version of one is a new version
 * of both. Never loaded into Decap's page itself, whose look Infima would change.
 */
function stylesheetUrl(): string {
  const script = document.currentScript instanceof HTMLScriptElement && document.currentScript.src !== '' ? new URL(document.currentScript.src) : undefined;
  const url = new URL('cms.css', script ?? document.baseURI);
  if (script) url.search = script.search;
  return url.href;
}
const STYLESHEET = stylesheetUrl();

async function loadJson<T>(name: string): Promise<T> {
  const response = await fetch(new URL(name, document.baseURI), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${name} konnte nicht geladen werden (HTTP ${response.status}).`);
  return (await response.json()) as T;
}

function showProblem(error: unknown): void {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `Der Editor konnte nicht starten: ${error instanceof Error ? error.message : String(error)}`;
  document.body.prepend(message);
}

type CmsConfig = NonNullable<Parameters<typeof CMS.init>[0]>['config'];

/** Decap's German texts, with the one it leaves in English (the login button of `npm run edit`). */
const GERMAN = { ...de, auth: { ...de.auth, login: 'Anmelden' } };

async function start(): Promise<void> {
  const [config, data] = await Promise.all([loadJson<CmsConfig>('config.json'), loadJson<PreviewData>('preview-data.json')]);
  // Decap fills what a language lacks from English (lib/phrases.js): without it, a missing text would show its key.
  CMS.registerLocale('en', en);
  CMS.registerLocale('de', withGermanAccessibleTexts(GERMAN));
  // One format instance for reading, saving and the preview: it remembers each file as read.
  const format = new EntryFormat();
  CMS.registerCustomFormat(ENTRY_FORMAT, 'md', format);
  const preview = createPreviewTemplate(openPreviewData(data), (entry) => format.toFile(entry));
  for (const collection of config.collections ?? []) CMS.registerPreviewTemplate(collection.name, preview);
  CMS.registerPreviewStyle(STYLESHEET);
  CMS.registerPreviewStyle(primaryColourCss(data.primaryColor), { raw: true });
  installAccessibility();
  signInLocally(config);
  CMS.init({ config: withEditorId(config) });
}

start().catch(showProblem);
