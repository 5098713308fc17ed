import type { INestApplication, Type } from '@nestjs/common';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { prepareTestDatabase } from './database';

export interface RunningApi {
  app: INestApplication;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/**
 * Boots the real API (same pipes, filters, routes as production) on a random port. `module`
 * replaces the root module when a test needs an extra controller next to the real ones.
 */
export async function startApi(module?: Type): Promise<RunningApi> {
  await prepareTestDatabase();
  const app = await createApiApp(module);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
