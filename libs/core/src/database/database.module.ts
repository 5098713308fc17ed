import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { databaseOptions } from './database-options';

/** The TypeORM connection for an app. Entities register themselves with `TypeOrmModule.forFeature`. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...databaseOptions(config.database),
        autoLoadEntities: true,
        retryAttempts: 10,
        retryDelay: 2_000,
      }),
    }),
  ],
})
export class DatabaseModule {}
