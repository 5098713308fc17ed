import 'reflect-metadata';
import { closeOnSignals, exitOnInvalidConfig } from '@leerkring/core';

async function bootstrap(): Promise<void> {
  process.title = 'leerkring-api'; // names the process in ps, logs and Redis client lists
  const config = exitOnInvalidConfig('api');
  // Loaded after the configuration check, so a bad variable gives one clear line, not a stack.
  const { createApiApp } = await import('./create-api-app');
  const { Logger } = await import('nestjs-pino');
  const app = await createApiApp();
  const logger = app.get(Logger);
  closeOnSignals(app, logger, config.shutdownTimeoutMs);
  await app.listen(config.port);
  const { port } = app.getHttpServer().address() as { port: number };
  logger.log(`API listening on port ${port}: ${config.publicUrl}/api/docs`);
}

bootstrap().catch((error: unknown) => {
  console.error('Leerkring API could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
