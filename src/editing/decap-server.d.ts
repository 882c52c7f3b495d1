/** decap-server ships no types; the one function used here (src/editing/edit-server.ts). */
declare module 'decap-server/dist/middlewares' {
  import type { Express } from 'express';
  export function registerLocalFs(app: Express, options?: { logLevel?: string }): Promise<void>;
}
