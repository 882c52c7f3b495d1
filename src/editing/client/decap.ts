import CMS, { type CmsBackendClass, type CmsWidgetParam } from 'decap-cms-core';
import { ForgejoBackend } from 'decap-cms-backend-forgejo';
import { GiteaBackend } from 'decap-cms-backend-gitea';
import { GitLabBackend } from 'decap-cms-backend-gitlab';
import { ProxyBackend } from 'decap-cms-backend-proxy';
import booleanWidget from 'decap-cms-widget-boolean';
import datetimeWidget from 'decap-cms-widget-datetime';
import listWidget from 'decap-cms-widget-list';
import numberWidget from 'decap-cms-widget-number';
import objectWidget from 'decap-cms-widget-object';
import relationWidget from 'decap-cms-widget-relation';
import selectWidget from 'decap-cms-widget-select';
import stringWidget from 'decap-cms-widget-string';
import textWidget from 'decap-cms-widget-text';
import type { CmsBackend, DecapWidget } from '../cms-config';

/**
 * Decap CMS with only what the generated configuration (src/editing/cms-config.ts) can name:
 * its four backends and its widgets (`hidden` is Decap's own). decap-cms-app would register
 * every backend, widget and language Decap has – maps, code editor, Markdown/rich text, GitHub,
 * Bitbucket, Azure, 30 languages – and the admin page would load and run them all. The
 * records are typed by the configuration's own unions, so a backend or widget it gains
 * without being registered here is a compile error. Decap's check of the configuration runs
 * when the site is built, not here (src/editing/decap-config-check.ts).
 */

const BACKENDS: Record<CmsBackend['name'], CmsBackendClass> = {
  gitlab: GitLabBackend,
  gitea: GiteaBackend,
  forgejo: ForgejoBackend,
  proxy: ProxyBackend,
};

type WidgetPackage = { Widget(): CmsWidgetParam };
const WIDGETS: Record<DecapWidget, WidgetPackage> = {
  string: stringWidget,
  text: textWidget,
  select: selectWidget,
  relation: relationWidget,
  datetime: datetimeWidget,
  number: numberWidget,
  boolean: booleanWidget,
  list: listWidget,
  object: objectWidget,
};

for (const [name, backend] of Object.entries(BACKENDS)) CMS.registerBackend(name, backend);
for (const [name, widget] of Object.entries(WIDGETS)) {
  const param = widget.Widget();
  if (param.name !== name) throw new Error(`Decap-Baustein ${param.name} statt ${name} registriert.`);
  CMS.registerWidget(param);
}

export default CMS;
