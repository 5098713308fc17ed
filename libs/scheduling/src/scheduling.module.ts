import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule, OutboxModule } from '@leerkring/notifications';
import { PeopleModule, SchoolCalendarModule, WorkingPatternsModule } from '@leerkring/people';
import { Appointment, AppointmentParticipant } from './appointments/appointment.entity';
import { AppointmentNotifier } from './appointments/appointment-notifier';
import { AppointmentsPersonalData } from './appointments/appointments.personal-data';
import { AppointmentsRepository } from './appointments/appointments.repository';
import { AppointmentsService } from './appointments/appointments.service';
import { RsvpService } from './appointments/rsvp.service';
import { AppointmentPlanner } from './planning/appointment-planner';
import { ScheduleRepository } from './planning/schedule.repository';
import { SchedulingRules } from './planning/scheduling-rules';
import { SlotSuggestions } from './planning/slot-suggestions.service';

export const SCHEDULING_ENTITIES = [Appointment, AppointmentParticipant];

/**
 * Appointments and their participants; the planner and rules every domain plans them with
 * (no double booking, working hours, closures, travel time, notice); slot suggestions; the
 * notifier that turns their changes into mails.
 * Needs QueuesModule, RedisModule and the database from the app.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(SCHEDULING_ENTITIES),
    PeopleModule,
    WorkingPatternsModule,
    SchoolCalendarModule,
    MailModule,
    OutboxModule,
  ],
  providers: [
    AppointmentsRepository,
    AppointmentsService,
    AppointmentPlanner,
    ScheduleRepository,
    SchedulingRules,
    SlotSuggestions,
    AppointmentNotifier,
    AppointmentsPersonalData,
    RsvpService,
  ],
  exports: [
    AppointmentsService,
    AppointmentNotifier,
    RsvpService,
    OutboxModule,
    AppointmentPlanner,
    SchedulingRules,
    SlotSuggestions,
    ScheduleRepository,
  ],
})
export class SchedulingModule {}
