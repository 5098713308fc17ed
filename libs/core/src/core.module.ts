import { Module } from '@nestjs/common';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { RedisModule } from './redis/redis.module';

const INFRASTRUCTURE = [AppConfigModule, LoggingModule, DatabaseModule, RedisModule];

/** What every long-running app needs first: validated config, logs, the database, Redis. */
@Module({ imports: INFRASTRUCTURE, exports: INFRASTRUCTURE })
export class CoreModule {}
