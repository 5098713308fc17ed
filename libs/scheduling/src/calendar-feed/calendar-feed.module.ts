import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '@leerkring/people';
import { AppointmentsRepository } from '../appointments/appointments.repository';
import { CalendarFeedToken } from './calendar-feed-token.entity';
import { CalendarFeedPersonalData } from './calendar-feed.personal-data';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { CalendarFeedService } from './calendar-feed.service';

export const CALENDAR_FEED_ENTITIES = [CalendarFeedToken];

/** The personal calendar feed: its tokens, the feed itself, and its share of a person's data. */
@Module({
  imports: [TypeOrmModule.forFeature(CALENDAR_FEED_ENTITIES), PeopleModule],
  providers: [CalendarFeedRepository, CalendarFeedService, CalendarFeedPersonalData, AppointmentsRepository],
  exports: [CalendarFeedService],
})
export class CalendarFeedModule {}
