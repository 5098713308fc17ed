export * from './calendar-feed-ics';
export * from './calendar-feed-token';
export * from './calendar-feed-token.entity';
export * from './calendar-feed.module';
export * from './calendar-feed.service';
