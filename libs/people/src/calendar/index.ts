// The school calendar's public surface: closures, the queries later issues use, imports, the seed.
export * from './calendar-date';
export * from './calendar-seed';
export * from './closure-draft';
export * from './closure-rules';
export * from './closure.dto';
export * from './closure.entity';
export { type ClosureChanges } from './closure.repository';
export * from './feed/feed-fetch';
export * from './feed/feed-url';
export * from './feed/school-calendar-feed.dto';
export * from './feed/school-calendar-feed.entity';
export * from './feed/school-calendar-feeds.service';
export * from './ical.parser';
export * from './public-holidays';
export * from './rijksoverheid.parser';
export * from './school-calendar.module';
export * from './school-calendar.service';
export * from './shipped-holidays';
