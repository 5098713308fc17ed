import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';

/** The repository root (bench/lib/../..). */
export const ROOT = join(__dirname, '../..');

/** Every database a bench creates starts with this; `dropBenchDatabase` refuses any other name. */
export const BENCH_DATABASE_PREFIX = 'leerkring_bench_';
/** Every Redis prefix a bench uses starts with this; `deleteBenchRedisKeys` refuses any other. */
export const BENCH_REDIS_PREFIX = 'bench-';

export interface BenchEnvironment {
  name: string;
  /** `leerkring_bench_<name>`, on the developer's MySQL/MariaDB server. */
  databaseName: string;
  databaseUrl: string;
  /** The same server without a database, to create and drop the bench's own. */
  adminDatabaseUrl: string;
  redisUrl: string;
  /** `bench-<name>-<pid>`: every key the bench, its apps and BullMQ write starts with `<prefix>:`. */
  redisPrefix: string;
  /** The variables a Leerkring process started by the bench runs with (already in process.env). */
  appEnv: Record<string, string>;
}

let prepared: BenchEnvironment | undefined;

/**
 * Points this process at what the bench owns: its own database and Redis prefix on the servers
 * the developer configured (DATABASE_URL and REDIS_URL from the environment or `.env`), never the
 * developer's own database. bench/run.js calls it before the bench, and with it Leerkring's config
 * module, is loaded, because that module reads the environment once, when it is imported.
 */
export function prepareBenchEnvironment(name: string): BenchEnvironment {
  const envFile = join(ROOT, '.env');
  const base: Record<string, string | undefined> = {
    ...(existsSync(envFile) ? parse(readFileSync(envFile)) : {}),
    ...process.env,
  };
  const databaseName = `${BENCH_DATABASE_PREFIX}${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  const database = new URL(base.DATABASE_URL || 'mysql://root@127.0.0.1:3306/leerkring');
  database.pathname = `/${databaseName}`;
  const admin = new URL(database.toString());
  admin.pathname = '';
  const redisUrl = base.REDIS_URL || 'redis://127.0.0.1:6379';
  const redisPrefix = `${BENCH_REDIS_PREFIX}${name}-${process.pid}`;

  const appEnv: Record<string, string> = {
    // Measured as deployed; production wants its own secrets, made up per run.
    NODE_ENV: 'production',
    APP_SECRET: randomBytes(32).toString('hex'),
    NOTES_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: database.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    PUBLIC_URL: 'http://leerkring.bench',
    MAIL_FROM: 'Leerkring <no-reply@leerkring.bench>',
    PORT: '0',
    WORKER_HEALTH_PORT: '0',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  };
  Object.assign(process.env, appEnv, { LEERKRING_BENCH: name });
  // A bench decides itself where mail goes.
  delete process.env.SMTP_URL;

  prepared = {
    name,
    databaseName,
    databaseUrl: database.toString(),
    adminDatabaseUrl: admin.toString().replace(/\/$/, ''),
    redisUrl,
    redisPrefix,
    appEnv,
  };
  return prepared;
}

/** The environment bench/run.js prepared for `name`; throws when the bench was started another way. */
export function benchEnvironment(name: string): BenchEnvironment {
  if (!prepared || prepared.name !== name || process.env.LEERKRING_BENCH !== name) {
    throw new Error(`bench "${name}" must run through bench/run.js: npm run bench:${name}`);
  }
  return prepared;
}
