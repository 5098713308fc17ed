// Imported first by notice.e2e-spec.ts, before the app reads its configuration: the default notice.
process.env.SCHEDULING_MIN_NOTICE_HOURS = '24';
