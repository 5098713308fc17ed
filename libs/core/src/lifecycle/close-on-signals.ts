import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * SIGTERM / SIGINT close the app (running the shutdown hooks: workers finish their active jobs,
 * then connections close) and exit 0. If that takes longer than `timeoutMs`, exit 1 anyway:
 * BullMQ hands unfinished jobs to another worker as stalled jobs. A second signal exits at once.
 *
 * Used instead of Nest's enableShutdownHooks, which re-raises the signal after closing, so a
 * clean stop would look like a kill to process managers.
 */
export function closeOnSignals(app: INestApplicationContext, logger: LoggerService, timeoutMs: number): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn?.(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    logger.log(`${signal} received: shutting down`);
    setTimeout(() => {
      logger.warn?.(`shutdown did not finish within ${timeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // Started by `npm start` (scripts/start.js) with an IPC channel: if that parent goes away,
  // shut down as if told to, instead of running on as an orphan.
  if (process.connected) {
    process.once('disconnect', () => onSignal('SIGTERM'));
  }
}
