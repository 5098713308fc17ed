import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import { ADMIN_DATABASE_URL, TEST_DATABASE_PREFIX, TEST_REDIS_URL } from './test-run';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require('../../scripts/build-if-needed') as { ensureBuilt: (apps: string[]) => void };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Once per `jest` run: check MariaDB and Redis answer (with a clear message if not), remove what
 * earlier runs that died left behind, and build the app bundles the process tests start.
 */
export default async function globalSetup(): Promise<void> {
  process.env.LEERKRING_TEST_RUN = String(process.pid);

  const connection = await createConnection(ADMIN_DATABASE_URL).catch((error: Error) => {
    throw new Error(`E2E tests need MariaDB/MySQL at ${ADMIN_DATABASE_URL}: ${error.message}`);
  });
  const [rows] = await connection.query<Array<{ name: string } & import('mysql2').RowDataPacket>>(
    `SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '${TEST_DATABASE_PREFIX}%'`,
  );
  for (const { name } of rows) {
    const owner = Number(/^lk_test_(\d+)_/.exec(name)?.[1]);
    if (!owner || !isRunning(owner)) {
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
  }
  await connection.end();

  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect().catch((error: Error) => {
    throw new Error(`E2E tests need Redis at ${TEST_REDIS_URL}: ${error.message}`);
  });
  await redis.quit();

  ensureBuilt(['api', 'worker', 'cli']);
}
