import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/**
 * On SIGTERM, before anything else closes (database, Redis, mail transport): stop taking new
 * jobs and wait for the active ones to finish. BullMQ's `close()` does exactly that. The
 * database and SMTP connections close only afterwards, in the shutdown phase.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
    this.logger.log(`${signal ?? 'shutdown'}: no new jobs; waiting for the active ones to finish`);
    await Promise.all(workers.map((worker) => worker.close()));
    this.logger.log('all active jobs finished');
  }
}
