import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';

/** Our own Redis connection (health, heartbeats, rate limits). BullMQ makes its own. */
export const REDIS = Symbol('REDIS');

export function createRedis(config: AppConfig, purpose: string): Redis {
  return new Redis(config.redis.url, {
    connectionName: `leerkring:${purpose}`,
    // Fail commands fast while Redis is down, so HTTP requests get a 503 instead of hanging.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
}

/** Prefixes one of our own keys with the deployment's REDIS_PREFIX. */
export function redisKey(config: AppConfig, ...parts: string[]): string {
  return [config.redis.prefix, ...parts].join(':');
}
