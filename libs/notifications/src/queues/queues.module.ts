import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, redisConnectionOptions, type AppConfig } from '@leerkring/core';
import { JobQueue } from './job-queue';
import { ALL_QUEUES } from './queue-names';

/**
 * BullMQ on the configured Redis, every key under REDIS_PREFIX, and every queue registered.
 * Both apps import this; only the worker adds processors.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        prefix: `${config.redis.prefix}:bull`,
        connection: { ...redisConnectionOptions(config.redis.url), connectionName: 'leerkring:bullmq' },
        defaultJobOptions: {
          attempts: 8,
          backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 14 * 24 * 3600 },
        },
      }),
    }),
    ...ALL_QUEUES.map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobQueue],
  exports: [BullModule, JobQueue],
})
export class QueuesModule {}
