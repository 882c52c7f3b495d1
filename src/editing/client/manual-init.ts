// Decap must not start on its own: entry.tsx first loads the configuration and the preview
// data. Its own module, imported first, so it runs before Decap (decap.ts) is evaluated.
(window as unknown as { CMS_MANUAL_INIT: boolean }).CMS_MANUAL_INIT = true;
export {};
