import { Module } from '@nestjs/common';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics';
import { RedisModule } from './redis/redis.module';

const INFRASTRUCTURE = [AppConfigModule, LoggingModule, DatabaseModule, RedisModule, MetricsModule];

/** What every long-running app needs first: validated config, logs, the database, Redis, metrics. */
@Module({ imports: INFRASTRUCTURE, exports: INFRASTRUCTURE })
export class CoreModule {}
