export * from './reminder-mail';
export * from './reminder-offsets';
export * from './reminder-scheduler';
export * from './reminder-sender';
export * from './reminders.module';
