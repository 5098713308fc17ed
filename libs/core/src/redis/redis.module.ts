import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { redisPolicyWarning } from './redis-policy';
import { createRedis, REDIS } from './redis.tokens';

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
    RateLimiter,
  ],
  exports: [REDIS, RateLimiter],
})
export class RedisModule {}
