import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { sleep, waitUntil } from '../../bench/lib';
import { DRILL_DATABASE_PREFIX, DRILL_REDIS_PREFIX, type DrillEnvironment } from './environment';

function assertDrillDatabase(env: DrillEnvironment): void {
  if (!env.databaseName.startsWith(DRILL_DATABASE_PREFIX) || !/^[A-Za-z0-9_]+$/.test(env.databaseName)) {
    throw new Error(`refusing to touch "${env.databaseName}": not a drill database`);
  }
}

/** Drops the drill's own database; refuses any name that is not `leerkring_drill_*`. */
export async function dropDrillDatabase(env: DrillEnvironment): Promise<void> {
  assertDrillDatabase(env);
  const connection = await createConnection({ uri: env.adminDatabaseUrl, connectTimeout: 5_000 });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${env.databaseName}\``);
  } finally {
    await connection.end();
  }
}

/**
 * Kills, from the server side, every connection whose current database is the drill's own (and
 * no other: other engineers' tests share the server). Returns how many it killed.
 */
export async function killDrillDatabaseConnections(env: DrillEnvironment): Promise<number> {
  assertDrillDatabase(env);
  const connection = await createConnection({ uri: env.adminDatabaseUrl, connectTimeout: 5_000 });
  let killed = 0;
  try {
    const [rows] = await connection.query<RowDataPacket[]>(
      'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()',
      [env.databaseName],
    );
    for (const { id } of rows) {
      // KILL (CONNECTION), not KILL QUERY: the socket goes, as when the database restarts.
      await connection.query(`KILL ${Number(id)}`).then(
        () => (killed += 1),
        () => undefined, // gone meanwhile
      );
    }
  } finally {
    await connection.end();
  }
  return killed;
}

/** Deletes every key under `<redisPrefix>:`; refuses a prefix that is not `drill-*`. */
export async function deleteDrillRedisKeys(env: DrillEnvironment): Promise<number> {
  if (!env.redisPrefix.startsWith(DRILL_REDIS_PREFIX)) {
    throw new Error(`refusing to delete keys under "${env.redisPrefix}": not a drill prefix`);
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

/**
 * A redis-server of the drill's own, as a child process, on `port`, with the persistence
 * docs/operations.md asks for in production (AOF, fsync every second, noeviction), so a stop and a
 * start keep the queues. Never the shared Redis.
 */
export class OwnRedis {
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'leerkring-drill-redis-'));
  private output = '';

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--maxmemory-policy',
        'noeviction',
        '--dir',
        this.dir,
        '--daemonize',
        'no',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000)));
    child.stderr?.on('data', (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000)));
    const ready = await waitUntil(async () => {
      if (child.exitCode !== null) {
        return true;
      }
      const probe = new Redis(this.url, { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    }, 15_000);
    if (!ready || child.exitCode !== null) {
      throw new Error(`redis-server on port ${this.port} did not start (is the port taken?):\n${this.output}`);
    }
  }

  /** SIGTERM: Redis writes its AOF and exits, as `systemctl stop redis` does. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
