import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule, LoggingModule, RedisModule } from '@leerkring/core';
import { MailModule, QueuesModule } from '@leerkring/notifications';
import { PeopleModule } from '@leerkring/people';
import { HealthModule } from './health/health.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    QueuesModule,
    MailModule,
    PeopleModule,
    HealthModule,
  ],
})
export class AppModule {}
