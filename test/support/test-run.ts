import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Names of what one test run owns. Every jest worker gets its own database and Redis prefix,
 * so test files run in parallel without seeing each other, and two runs on one machine (a
 * developer's and CI's) never share anything either.
 */
export const TEST_DATABASE_PREFIX = 'lk_test_';

export function testRunId(): string {
  const id = process.env.LEERKRING_TEST_RUN;
  if (!id) {
    throw new Error('LEERKRING_TEST_RUN is not set; run the e2e tests through jest (global-setup sets it)');
  }
  return id;
}

export function workerDatabaseName(runId = testRunId(), workerId = process.env.JEST_WORKER_ID ?? '1'): string {
  return `${TEST_DATABASE_PREFIX}${runId}_w${workerId}`;
}

export function workerRedisPrefix(runId = testRunId(), workerId = process.env.JEST_WORKER_ID ?? '1'): string {
  return `${TEST_DATABASE_PREFIX}${runId}_w${workerId}`;
}

/** Files this run writes (mail directories); global-teardown removes it. */
export function testTempDir(runId = testRunId()): string {
  return join(tmpdir(), `leerkring-test-${runId}`);
}

export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
