import { Module } from '@nestjs/common';
import { CalendarFeedModule } from '@leerkring/scheduling';
import { CalendarFeedController, MyCalendarFeedController } from './calendar-feed.controller';

/** HTTP for the personal calendar feed and its management. */
@Module({
  imports: [CalendarFeedModule],
  controllers: [CalendarFeedController, MyCalendarFeedController],
})
export class CalendarFeedApiModule {}
