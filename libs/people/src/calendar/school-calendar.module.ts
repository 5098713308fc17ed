import { Module } from '@nestjs/common';
import { PeopleModule } from '../people.module';
import { ClosureRepository } from './closure.repository';
import { SchoolCalendarFeeds } from './feed/school-calendar-feeds.service';
import { SchoolCalendar } from './school-calendar.service';

/** The school calendar. Import this module to ask `SchoolCalendar` whether a school is closed. */
@Module({
  imports: [PeopleModule],
  providers: [ClosureRepository, SchoolCalendar, SchoolCalendarFeeds],
  exports: [SchoolCalendar, SchoolCalendarFeeds],
})
export class SchoolCalendarModule {}
