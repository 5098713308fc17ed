import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import { rm } from 'node:fs/promises';
import { ADMIN_DATABASE_URL, TEST_DATABASE_PREFIX, TEST_REDIS_URL, testRunId, testTempDir } from './test-run';

/** Drops this run's databases, Redis keys and temporary files. */
export default async function globalTeardown(): Promise<void> {
  const run = testRunId();
  await rm(testTempDir(run), { recursive: true, force: true });
  const connection = await createConnection(ADMIN_DATABASE_URL);
  const [rows] = await connection.query<Array<{ name: string } & import('mysql2').RowDataPacket>>(
    `SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '${TEST_DATABASE_PREFIX}${run}\\_%'`,
  );
  for (const { name } of rows) {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  }
  await connection.end();

  const redis = new Redis(TEST_REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${TEST_DATABASE_PREFIX}${run}_*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) {
      await redis.unlink(...keys);
    }
  } while (cursor !== '0');
  await redis.quit();
}
