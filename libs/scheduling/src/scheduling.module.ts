import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule, OutboxModule } from '@leerkring/notifications';
import { PeopleModule } from '@leerkring/people';
import { AppointmentConflicts } from './appointments/appointment-conflicts';
import { Appointment, AppointmentParticipant } from './appointments/appointment.entity';
import { AppointmentNotifier } from './appointments/appointment-notifier';
import { AppointmentsPersonalData } from './appointments/appointments.personal-data';
import { AppointmentsRepository } from './appointments/appointments.repository';
import { AppointmentsService } from './appointments/appointments.service';
import { RsvpService } from './appointments/rsvp.service';

export const SCHEDULING_ENTITIES = [Appointment, AppointmentParticipant];

/**
 * Appointments and their participants; the notifier that turns their changes into mails.
 * Needs QueuesModule, RedisModule and the database from the app.
 */
@Module({
  imports: [TypeOrmModule.forFeature(SCHEDULING_ENTITIES), PeopleModule, MailModule, OutboxModule],
  providers: [
    AppointmentsRepository,
    AppointmentsService,
    AppointmentConflicts,
    AppointmentNotifier,
    AppointmentsPersonalData,
    RsvpService,
  ],
  exports: [AppointmentsService, AppointmentNotifier, RsvpService, OutboxModule],
})
export class SchedulingModule {}
