import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { PeopleModule, SchoolCalendarModule } from '@leerkring/people';
import { SchedulingModule } from '@leerkring/scheduling';
import { COACHING_ENTITIES } from './coaching.entities';
import { CoachingRepository } from './coaching.repository';
import { NoteCipher } from './notes/note-cipher';
import { NotesMaintenance } from './notes/notes-maintenance';
import { CoachingPersonalData } from './privacy/coaching.personal-data';
import { CoachingReports } from './reports/coaching-reports.service';
import { TrajectoriesService } from './trajectories/trajectories.service';
import { VisitsService } from './visits/visits.service';

/**
 * Coaching trajectories and sessions (with encrypted confidential notes), classroom visits with
 * observation forms, and their reports. Every appointment goes through the AppointmentPlanner.
 */
@Module({
  imports: [TypeOrmModule.forFeature(COACHING_ENTITIES), PeopleModule, SchoolCalendarModule, SchedulingModule],
  providers: [
    CoachingRepository,
    {
      provide: NoteCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new NoteCipher(
          config.notesEncryptionKey,
          config.notesEncryptionKeyPrevious ? [config.notesEncryptionKeyPrevious] : [],
        ),
    },
    TrajectoriesService,
    VisitsService,
    CoachingReports,
    CoachingPersonalData,
    NotesMaintenance,
  ],
  exports: [TrajectoriesService, VisitsService, CoachingReports, NotesMaintenance, SchedulingModule],
})
export class CoachingModule {}
