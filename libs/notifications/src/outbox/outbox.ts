import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, REDIS, redisKey, type AppConfig } from '@leerkring/core';
import type { OutboxPayloadOf, OutboxTopic } from './outbox-topics';

/** The Redis pub/sub channel the relay listens on for a prompt wake-up (under REDIS_PREFIX). */
export function outboxWakeChannel(config: AppConfig): string {
  return redisKey(config, 'outbox', 'wake');
}

/**
 * Writes outbox rows inside the caller's transaction, and after the commit wakes the relay.
 * Never enqueues: a job added inside a transaction that then rolls back would announce a change
 * that never happened, and one added after a commit that Redis refused would be lost.
 */
@Injectable()
export class Outbox {
  private readonly logger = new Logger('Outbox');

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Adds one row in the given transaction; returns its id. */
  async write<T extends OutboxTopic>(manager: EntityManager, topic: T, payload: OutboxPayloadOf<T>): Promise<string> {
    // Written out: TypeORM's insert would read the row back for its defaults, a round trip per change.
    const result = await manager.query<{ insertId: number | string }>(
      'INSERT INTO outbox (topic, payload, attempts) VALUES (?, ?, 0)',
      [topic, JSON.stringify(payload)],
    );
    return String(result.insertId);
  }

  /**
   * Best effort, after the commit: tells the relays there is work, so the usual delay is far
   * below their polling interval. With Redis down the rows simply wait for the next poll.
   */
  wake(): void {
    this.redis.publish(outboxWakeChannel(this.config), '1').catch((error: Error) => {
      this.logger.warn(`could not wake the outbox relay (${error.message}); it will find the rows when it polls`);
    });
  }
}
