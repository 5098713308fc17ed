// Imported first by redis-down.e2e-spec.ts, before the app modules read the environment on
// import: the in-process API of that test file sees a Redis where nothing listens.
export const REAL_REDIS_URL = process.env.REDIS_URL;
export const DEAD_REDIS_URL = 'redis://127.0.0.1:1';
process.env.REDIS_URL = DEAD_REDIS_URL;
