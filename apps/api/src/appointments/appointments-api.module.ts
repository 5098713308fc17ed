import { Module } from '@nestjs/common';
import { SchedulingModule } from '@leerkring/scheduling';
import { AppointmentsController } from './appointments.controller';
import { MyRsvpController } from './my-rsvp.controller';
import { RsvpController } from './rsvp.controller';
import { SlotsController } from './slots.controller';

/** HTTP for appointments, the own agenda and week, slot suggestions, and RSVP (in the app and by the links in mails). */
@Module({
  imports: [SchedulingModule],
  controllers: [AppointmentsController, MyRsvpController, RsvpController, SlotsController],
})
export class AppointmentsApiModule {}
