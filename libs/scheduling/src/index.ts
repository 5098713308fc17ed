export * from './appointments/appointment-conflicts';
export * from './appointments/appointment-notifier';
export * from './appointments/appointment.dto';
export * from './appointments/appointment.entity';
export * from './appointments/appointments.service';
export * from './appointments/rsvp-token';
export * from './appointments/rsvp.service';
export * from './scheduling.module';
