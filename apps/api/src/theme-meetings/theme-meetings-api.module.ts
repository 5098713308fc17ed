import { Module } from '@nestjs/common';
import { ThemeMeetingsModule } from '@leerkring/theme-meetings';
import { ThemeAttendanceController } from './attendance.controller';
import { ThemeEvaluationController } from './theme-evaluation.controller';
import { ThemeMeetingsController } from './theme-meetings.controller';
import { ThemeOfferController } from './theme-offer.controller';

/** HTTP for theme meetings: catalogue, organising, sign-up and the waitlist offer links. */
@Module({
  imports: [ThemeMeetingsModule],
  controllers: [ThemeMeetingsController, ThemeAttendanceController, ThemeOfferController, ThemeEvaluationController],
})
export class ThemeMeetingsApiModule {}
