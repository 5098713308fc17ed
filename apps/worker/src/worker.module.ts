import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfigModule, DatabaseModule, LoggingModule, RedisModule } from '@leerkring/core';
import { MailModule, QueuesModule } from '@leerkring/notifications';
import { PeopleModule } from '@leerkring/people';
import { GracefulShutdown } from './lifecycle/graceful-shutdown';
import { WorkerStatus } from './lifecycle/worker-status';
import { HousekeepingProcessor } from './processors/housekeeping.processor';
import { MailProcessor } from './processors/mail.processor';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    QueuesModule,
    MailModule,
    PeopleModule,
    DiscoveryModule,
  ],
  providers: [MailProcessor, HousekeepingProcessor, GracefulShutdown, WorkerStatus],
})
export class WorkerModule {}
