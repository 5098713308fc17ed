import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ApiException } from '../errors/api.exception';
import { ErrorCode } from '../errors/error-codes';
import { REDIS, redisKey } from '../redis/redis.tokens';

export interface RateLimit {
  /** What is limited, e.g. `login:email`; part of the Redis key. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts a hit and sets the window's expiry with the first one: one command and one reply (a
 * MULTI/EXEC of INCR and EXPIRE is four of each), on every sign-up and login.
 */
const COUNT_HIT =
  "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n";

/**
 * Fixed-window counters in Redis, shared by every API process. `key` should already be
 * non-personal (e.g. a hash of an email address).
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one attempt; throws a 429 problem (with Retry-After) once the window's limit is passed. */
  async consume(rule: RateLimit, key: string): Promise<void> {
    const window = Math.floor(Date.now() / 1000 / rule.windowSeconds);
    const counterKey = redisKey(this.config, 'ratelimit', rule.name, key, String(window));
    const count = Number(await this.redis.eval(COUNT_HIT, 1, counterKey, rule.windowSeconds));
    if (count > rule.limit) {
      const retryAfter = (window + 1) * rule.windowSeconds - Math.floor(Date.now() / 1000);
      throw new ApiException(429, ErrorCode.RateLimited, 'Too many requests', {
        detail: `Too many attempts; try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        headers: { 'Retry-After': String(Math.max(1, retryAfter)) },
      });
    }
  }
}
