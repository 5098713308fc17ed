import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, createRedis, type AppConfig } from '@leerkring/core';
import { OutboxRelay, outboxWakeChannel } from '@leerkring/notifications';

const BATCH = 200;

/**
 * Runs the outbox relay in this worker: every OUTBOX_POLL_MS (a second by default), and at once when the API publishes a
 * wake-up after a commit. One pass at a time per worker; a wake-up during a pass makes another
 * pass follow. Several workers relay side by side (rows are locked with SKIP LOCKED).
 */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private subscriber?: Redis;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopping = false;
  private failing = false;

  constructor(
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const subscriber = createRedis(this.config, 'outbox-relay');
    // A subscriber keeps retrying on its own; its errors only mean "no prompt wake-ups for now".
    subscriber.on('error', () => undefined);
    subscriber.on('message', () => this.wake());
    // On every (re)connect, also after Redis was down at start-up; subscribing twice is harmless.
    subscriber.on('ready', () => {
      subscriber.subscribe(outboxWakeChannel(this.config)).catch((error: Error) => {
        this.logger.warn(
          `no prompt wake-ups until Redis answers (${error.message}); polling every ${this.config.worker.outboxPollMs} ms`,
        );
      });
    });
    this.subscriber = subscriber;
    this.timer = setInterval(() => this.wake(), this.config.worker.outboxPollMs);
    this.timer.unref();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
    this.subscriber?.disconnect();
  }

  /** Starts a pass, or asks the running one to go round once more. */
  wake(): void {
    if (this.stopping) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const relayed = await this.relay.relayBatch(BATCH);
        if (this.failing) {
          this.failing = false;
          this.logger.log('outbox relay works again');
        }
        if (relayed < BATCH || this.stopping) {
          return;
        }
      }
    } catch (error) {
      if (!this.failing) {
        this.failing = true;
        this.logger.warn(`outbox relay failed (${(error as Error).message}); rows wait and are retried every second`);
      }
    }
  }
}
