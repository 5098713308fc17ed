import 'reflect-metadata';
import { exitOnInvalidConfig } from '@leerkring/core';

async function bootstrap(): Promise<void> {
  const config = exitOnInvalidConfig('worker');
  const { NestFactory } = await import('@nestjs/core');
  const { Logger } = await import('nestjs-pino');
  const { WorkerModule } = await import('./worker.module');

  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // Jobs get SHUTDOWN_TIMEOUT_MS to finish; after that we go anyway and BullMQ hands the
      // unfinished ones to another worker as stalled jobs.
      setTimeout(() => {
        logger.warn(`active jobs did not finish within ${config.worker.shutdownTimeoutMs} ms; exiting anyway`);
        process.exit(1);
      }, config.worker.shutdownTimeoutMs).unref();
    });
  }
  logger.log(`worker started (mail: ${config.mail.smtpUrl ? 'SMTP' : `.eml files in ${config.mail.directory}`})`);
}

bootstrap().catch((error: unknown) => {
  console.error('Leerkring worker could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
