import { Module } from '@nestjs/common';
import { CoachingModule } from '@leerkring/coaching';
import { CoachingController } from './coaching.controller';
import { CoachingReportsController, VisitsController } from './visits.controller';

/** HTTP for coaching trajectories, sessions, notes, classroom visits, observations and their reports. */
@Module({
  imports: [CoachingModule],
  controllers: [CoachingController, VisitsController, CoachingReportsController],
})
export class CoachingApiModule {}
