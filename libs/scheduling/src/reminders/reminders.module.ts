import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@leerkring/notifications';
import { Foundation, Person, School } from '@leerkring/people';
import { Appointment, AppointmentParticipant } from '../appointments/appointment.entity';
import { ReminderScheduler } from './reminder-scheduler';
import { ReminderSender } from './reminder-sender';
import { RemindersRepository } from './reminders.repository';

/**
 * Appointment reminders: planning them as delayed jobs, sending them, rebuilding them. Needs
 * QueuesModule, the configuration and the database from the app (the worker and the CLI).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Appointment, AppointmentParticipant, Person, School, Foundation]), MailModule],
  providers: [RemindersRepository, ReminderScheduler, ReminderSender],
  exports: [ReminderScheduler, ReminderSender],
})
export class RemindersModule {}
