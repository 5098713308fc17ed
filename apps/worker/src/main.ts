import 'reflect-metadata';
import { closeOnSignals, exitOnInvalidConfig } from '@leerkring/core';

async function bootstrap(): Promise<void> {
  process.title = 'leerkring-worker'; // names the process in ps, logs and Redis client lists
  const config = exitOnInvalidConfig('worker');
  // Loaded after the configuration check, so a bad variable gives one clear line, not a stack.
  const { NestFactory } = await import('@nestjs/core');
  const { Logger } = await import('nestjs-pino');
  const { WorkerModule } = await import('./worker.module');

  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  closeOnSignals(app, logger, config.shutdownTimeoutMs);
  logger.log(`worker started (mail: ${config.mail.smtpUrl ? 'SMTP' : `.eml files in ${config.mail.directory}`})`);
}

bootstrap().catch((error: unknown) => {
  console.error('Leerkring worker could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
