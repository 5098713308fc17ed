import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_DATABASE_URL, TEST_REDIS_URL, testTempDir, workerDatabaseName, workerRedisPrefix } from './test-run';

// Runs before each e2e test file is loaded (the app modules read the environment on import).
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = `${ADMIN_DATABASE_URL}/${workerDatabaseName()}`;
process.env.REDIS_URL = TEST_REDIS_URL;
process.env.REDIS_PREFIX = workerRedisPrefix();
process.env.PORT = '0';
process.env.WORKER_HEALTH_PORT = '0';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.LOG_FORMAT = 'json';
mkdirSync(testTempDir(), { recursive: true });
process.env.MAIL_DIR = mkdtempSync(join(testTempDir(), 'mail-'));
process.env.PUBLIC_URL = 'http://leerkring.test';
delete process.env.SMTP_URL;
// Most tests plan minutes ahead; test/scheduling checks the notice rule with a value of its own.
process.env.SCHEDULING_MIN_NOTICE_HOURS = '0';
