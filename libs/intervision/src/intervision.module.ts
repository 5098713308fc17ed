import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule, SchoolCalendarModule, WorkingPatternsModule } from '@leerkring/people';
import { SchedulingModule } from '@leerkring/scheduling';
import { CommonSlotFinder } from './common-slot-finder';
import { INTERVISION_ENTITIES } from './intervision.entities';
import { IntervisionRepository } from './intervision.repository';
import { IntervisionService } from './intervision.service';

/**
 * Intervision groups: members over time, a series (RRULE in wall-clock time) materialised as one
 * appointment per occurrence through the AppointmentPlanner, case presenter rotation, attendance,
 * and the common-slot finder.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(INTERVISION_ENTITIES),
    PeopleModule,
    SchoolCalendarModule,
    WorkingPatternsModule,
    SchedulingModule,
  ],
  providers: [IntervisionRepository, IntervisionService, CommonSlotFinder],
  exports: [IntervisionService, CommonSlotFinder],
})
export class IntervisionModule {}
