import 'reflect-metadata';
import { exitOnInvalidConfig } from '@leerkring/core';

async function bootstrap(): Promise<void> {
  const config = exitOnInvalidConfig('api');
  // Loaded after the configuration check, so a bad variable gives one clear line, not a stack.
  const { createApiApp } = await import('./create-api-app');
  const { Logger } = await import('nestjs-pino');
  const app = await createApiApp();
  await app.listen(config.port);
  app.get(Logger).log(`API listening on ${config.publicUrl}/api (docs: ${config.publicUrl}/api/docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error('Leerkring API could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
