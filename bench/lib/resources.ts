import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { BENCH_DATABASE_PREFIX, BENCH_REDIS_PREFIX, ROOT, type BenchEnvironment } from './environment';

/** Drops the bench's own database; refuses any name that is not `leerkring_bench_*`. */
export async function dropBenchDatabase(env: BenchEnvironment): Promise<void> {
  if (!env.databaseName.startsWith(BENCH_DATABASE_PREFIX) || !/^[A-Za-z0-9_]+$/.test(env.databaseName)) {
    throw new Error(`refusing to drop "${env.databaseName}": not a bench database`);
  }
  const connection = await createConnection({ uri: env.adminDatabaseUrl, connectTimeout: 5_000 });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${env.databaseName}\``);
  } finally {
    await connection.end();
  }
}

/** Deletes every Redis key under `<redisPrefix>:`; refuses a prefix that is not `bench-*`. Returns how many. */
export async function deleteBenchRedisKeys(env: BenchEnvironment): Promise<number> {
  if (!env.redisPrefix.startsWith(BENCH_REDIS_PREFIX)) {
    throw new Error(`refusing to delete keys under "${env.redisPrefix}": not a bench prefix`);
  }
  const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.redisPrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) {
        deleted += await redis.unlink(...keys);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** Builds the apps' bundles (dist/apps/<app>/main.js) when missing or older than the sources. */
export function ensureBuilt(apps: Array<'api' | 'worker' | 'cli'>): void {
  const load = createRequire(__filename);
  const { ensureBuilt: build } = load(join(ROOT, 'scripts/build-if-needed.js')) as {
    ensureBuilt: (apps: string[]) => void;
  };
  build(apps);
}
