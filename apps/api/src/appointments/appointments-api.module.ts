import { Module } from '@nestjs/common';
import { SchedulingModule } from '@leerkring/scheduling';
import { AppointmentsController } from './appointments.controller';
import { RsvpController } from './rsvp.controller';

/** HTTP for appointments, the own agenda, and the RSVP links in invitation mails. */
@Module({
  imports: [SchedulingModule],
  controllers: [AppointmentsController, RsvpController],
})
export class AppointmentsApiModule {}
