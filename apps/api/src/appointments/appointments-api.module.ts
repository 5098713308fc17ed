import { Module } from '@nestjs/common';
import { SchedulingModule } from '@leerkring/scheduling';
import { AppointmentsController } from './appointments.controller';
import { RsvpController } from './rsvp.controller';
import { SlotsController } from './slots.controller';

/** HTTP for appointments, the own agenda and week, slot suggestions, and the RSVP links in invitation mails. */
@Module({
  imports: [SchedulingModule],
  controllers: [AppointmentsController, RsvpController, SlotsController],
})
export class AppointmentsApiModule {}
