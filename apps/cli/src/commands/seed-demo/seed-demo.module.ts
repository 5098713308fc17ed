import { Module } from '@nestjs/common';
import { CoachingModule } from '@leerkring/coaching';
import { IntervisionModule } from '@leerkring/intervision';
import { AppConfigModule, DatabaseModule, RedisModule } from '@leerkring/core';
import { MailModule, QueuesModule } from '@leerkring/notifications';
import { PeopleModule } from '@leerkring/people';
import { ThemeMeetingsModule } from '@leerkring/theme-meetings';
import { SeedDemoService } from './seed-demo.service';

/** What `seed:demo` needs: the database for the rows, the queues and mail for the welcome mail. */
@Module({
  imports: [
    AppConfigModule,
    DatabaseModule,
    RedisModule,
    QueuesModule,
    MailModule,
    PeopleModule,
    CoachingModule,
    IntervisionModule,
    ThemeMeetingsModule,
  ],
  providers: [SeedDemoService],
})
export class SeedDemoModule {}
