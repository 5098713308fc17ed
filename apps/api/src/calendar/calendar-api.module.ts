import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { text } from 'express';
import { SchoolCalendarModule } from '@leerkring/people';
import { ClosuresImportController } from './closures-import.controller';
import { SchoolCalendarFeedController } from './school-calendar-feed.controller';
import { SchoolClosuresController } from './school-closures.controller';
import { SchoolIcalImportController } from './school-ical-import.controller';

/** HTTP for the school calendar: closures, imports, "is the school closed". */
@Module({
  imports: [SchoolCalendarModule],
  controllers: [
    ClosuresImportController,
    SchoolIcalImportController,
    SchoolClosuresController,
    SchoolCalendarFeedController,
  ],
})
export class CalendarApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // iCalendar files arrive as text; JSON is parsed app-wide. Same 1 MB limit.
    consumer.apply(text({ type: ['text/calendar', 'text/plain'], limit: '1mb' })).forRoutes(SchoolIcalImportController);
  }
}
