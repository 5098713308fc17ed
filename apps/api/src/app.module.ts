import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CoreModule } from '@leerkring/core';
import { MailModule, QueuesModule } from '@leerkring/notifications';
import { AccessGuard, PeopleModule } from '@leerkring/people';
import { AdminApiModule } from './admin/admin-api.module';
import { AppointmentsApiModule } from './appointments/appointments-api.module';
import { CalendarApiModule } from './calendar/calendar-api.module';
import { CalendarFeedApiModule } from './calendar-feed/calendar-feed-api.module';
import { CoachingApiModule } from './coaching/coaching-api.module';
import { HealthModule } from './health/health.module';
import { IntervisionApiModule } from './intervision/intervision-api.module';
import { OverviewsApiModule } from './overviews/overviews-api.module';
import { PeopleApiModule } from './people/people-api.module';
import { StaffImportApiModule } from './staff-import/staff-import-api.module';
import { ThemeMeetingsApiModule } from './theme-meetings/theme-meetings-api.module';
import { WorkingPatternsApiModule } from './working-patterns/working-patterns-api.module';

@Module({
  imports: [
    CoreModule,
    QueuesModule,
    MailModule,
    PeopleModule,
    HealthModule,
    PeopleApiModule,
    StaffImportApiModule,
    CalendarApiModule,
    WorkingPatternsApiModule,
    AppointmentsApiModule,
    CalendarFeedApiModule,
    AdminApiModule,
    ThemeMeetingsApiModule,
    CoachingApiModule,
    IntervisionApiModule,
    OverviewsApiModule,
  ],
  // Every route needs a signed-in caller unless marked @Public().
  providers: [{ provide: APP_GUARD, useExisting: AccessGuard }],
})
export class AppModule {}
