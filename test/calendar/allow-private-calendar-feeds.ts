// Imported first by the school calendar feed test, before the app modules read the environment:
// its feeds are served by a local HTTP server on 127.0.0.1, which production would refuse.
process.env.CALENDAR_FEED_ALLOW_PRIVATE = 'true';
