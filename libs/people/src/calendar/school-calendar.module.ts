import { Module } from '@nestjs/common';
import { PeopleModule } from '../people.module';
import { ClosureRepository } from './closure.repository';
import { SchoolCalendar } from './school-calendar.service';

/** The school calendar. Import this module to ask `SchoolCalendar` whether a school is closed. */
@Module({
  imports: [PeopleModule],
  providers: [ClosureRepository, SchoolCalendar],
  exports: [SchoolCalendar],
})
export class SchoolCalendarModule {}
