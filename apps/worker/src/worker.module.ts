import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CoreModule } from '@leerkring/core';
import { MailModule, OutboxModule, QueuesModule } from '@leerkring/notifications';
import { PeopleModule, SchoolCalendarModule } from '@leerkring/people';
import { RemindersModule, SchedulingModule } from '@leerkring/scheduling';
import { GracefulShutdown } from './lifecycle/graceful-shutdown';
import { WorkerStatus } from './lifecycle/worker-status';
import { HousekeepingProcessor } from './processors/housekeeping.processor';
import { MailProcessor } from './processors/mail.processor';
import { NotifyProcessor } from './processors/notify.processor';
import { OutboxRelayRunner } from './processors/outbox-relay.runner';
import { ReminderProcessor } from './processors/reminder.processor';
import { CoachingModule } from '@leerkring/coaching';
import { ThemeMeetingsModule } from '@leerkring/theme-meetings';

@Module({
  imports: [
    CoreModule,
    QueuesModule,
    MailModule,
    PeopleModule,
    // Syncs school calendar feeds (housekeeping).
    SchoolCalendarModule,
    OutboxModule,
    SchedulingModule,
    RemindersModule,
    // For its retention rule: confidential notes of long-closed trajectories are deleted nightly.
    CoachingModule,
    // Mails the evaluation link after theme meetings, and expires waitlist offers nobody looks at.
    ThemeMeetingsModule,
    DiscoveryModule,
  ],
  providers: [
    MailProcessor,
    NotifyProcessor,
    ReminderProcessor,
    HousekeepingProcessor,
    OutboxRelayRunner,
    GracefulShutdown,
    WorkerStatus,
  ],
})
export class WorkerModule {}
