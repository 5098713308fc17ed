import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Where `npm run build` (Vite) puts the browser app; every entry point runs from the project root. */
export const WEB_APP_DIR = resolve(process.cwd(), 'dist/apps/web');

const notAppPage = (path: string) =>
  path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);

/**
 * The browser app at /: its files, and index.html for any other GET outside /api (the app routes
 * itself), so a reload on /themabijeenkomsten/… works. /api keeps its problem+json 404s.
 */
export function serveWebApp(app: NestExpressApplication, dir = WEB_APP_DIR): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    return false;
  }
  // Hashed file names: cache for good. A missing asset falls through to the API's 404.
  app.use('/assets', express.static(join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d' }));
  // Not for /api: a file lookup (a stat) per API request is waste.
  const files = express.static(dir, { index: false, maxAge: 0 });
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.path.startsWith('/api/') ? next() : files(request, response, next),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      notAppPage(request.path) ||
      !request.accepts('html')
    ) {
      next();
      return;
    }
    response.set('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
