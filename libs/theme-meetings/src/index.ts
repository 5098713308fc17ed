export * from './attendance.dto';
export * from './attendance.service';
export * from './offer-token';
export * from './registrations.service';
export * from './theme-meeting.dto';
export * from './theme-meeting.entity';
export * from './theme-meetings.module';
export * from './theme-meetings.service';
