import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule, OutboxModule } from '@leerkring/notifications';
import { PeopleModule } from '@leerkring/people';
import { SchedulingModule } from '@leerkring/scheduling';
import { AttendanceService } from './attendance.service';
import { EvaluationLinks } from './evaluation-links';
import { RegistrationsService } from './registrations.service';
import { ThemeAudience } from './theme-audience';
import { THEME_MEETING_ENTITIES } from './theme-meeting.entity';
import { ThemeMeetingsRepository } from './theme-meetings.repository';
import { ThemeMeetingsService } from './theme-meetings.service';
import { ThemeOfferSweep } from './theme-offer-sweep';

/** Theme meetings: catalogue, sign-up with exact capacity, the waitlist and its offers, attendance and evaluation. */
@Module({
  imports: [TypeOrmModule.forFeature(THEME_MEETING_ENTITIES), PeopleModule, SchedulingModule, MailModule, OutboxModule],
  providers: [
    ThemeMeetingsRepository,
    ThemeAudience,
    ThemeMeetingsService,
    RegistrationsService,
    AttendanceService,
    ThemeOfferSweep,
    EvaluationLinks,
  ],
  exports: [ThemeMeetingsService, RegistrationsService, AttendanceService, EvaluationLinks],
})
export class ThemeMeetingsModule {}
