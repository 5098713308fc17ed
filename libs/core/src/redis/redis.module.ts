import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { redisPolicyWarning } from './redis-policy';

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

@Injectable()
class RedisLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onModuleInit(): Promise<void> {
    try {
      const info = await this.redis.info('memory');
      const warning = redisPolicyWarning(info);
      if (warning) {
        this.logger.warn(warning);
      }
    } catch (error) {
      this.logger.warn(
        `Could not read Redis settings at start-up (${(error as Error).message}); will keep trying to connect.`,
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedis(config, process.title || 'app'),
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
