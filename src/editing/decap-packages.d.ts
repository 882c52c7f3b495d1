// Decap's backend and widget packages ship no types; client/decap.ts and decap-config-check-entry.ts need only this.
declare module 'decap-cms-backend-gitlab' {
  export const GitLabBackend: import('decap-cms-core').CmsBackendClass;
}
declare module 'decap-cms-backend-gitea' {
  export const GiteaBackend: import('decap-cms-core').CmsBackendClass;
}
declare module 'decap-cms-backend-forgejo' {
  export const ForgejoBackend: import('decap-cms-core').CmsBackendClass;
}
declare module 'decap-cms-backend-proxy' {
  export const ProxyBackend: import('decap-cms-core').CmsBackendClass;
}
declare module 'decap-cms-widget-*' {
  const widget: { Widget(): import('decap-cms-core').CmsWidgetParam };
  export default widget;
}
// decap-config-check-entry.ts: Decap's config check and the widgets' option schemas.
declare module 'decap-cms-core/dist/esm/constants/configSchema' {
  export function validateConfig(config: unknown): void;
}
declare module 'decap-cms-core/dist/esm/lib/registry' {
  export function registerWidget(name: string, control: unknown, preview: unknown, schema: object): void;
}
declare module 'decap-cms-widget-datetime/dist/esm/schema' {
  const schema: object;
  export default schema;
}
declare module 'decap-cms-widget-list/dist/esm/schema' {
  const schema: object;
  export default schema;
}
declare module 'decap-cms-widget-number/dist/esm/schema' {
  const schema: object;
  export default schema;
}
declare module 'decap-cms-widget-object/dist/esm/schema' {
  const schema: object;
  export default schema;
}
declare module 'decap-cms-widget-relation/dist/esm/schema' {
  const schema: object;
  export default schema;
}
declare module 'decap-cms-widget-select/dist/esm/schema' {
  const schema: object;
  export default schema;
}
