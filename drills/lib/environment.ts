import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';

export const ROOT = join(__dirname, '../..');

/** Every database a drill creates starts with this; `dropDrillDatabase` refuses any other name. */
export const DRILL_DATABASE_PREFIX = 'leerkring_drill_';
/** Every Redis prefix a drill uses starts with this; `deleteDrillRedisKeys` refuses any other. */
export const DRILL_REDIS_PREFIX = 'drill-';

export interface DrillEnvironment {
  name: string;
  /** `leerkring_drill_<name>` on the developer's MySQL/MariaDB server. */
  databaseName: string;
  databaseUrl: string;
  /** The same server without a database, to create, drop and kill connections. */
  adminDatabaseUrl: string;
  /** The shared Redis, or (when `ownRedisPort` is set) a redis-server the drill starts itself. */
  redisUrl: string;
  ownRedisPort?: number;
  /** `drill-<name>-<pid>`. */
  redisPrefix: string;
  /** What every Leerkring process started by the drill runs with (already in process.env). */
  appEnv: Record<string, string>;
}

/** The drills whose Redis is stopped and started again: they get a redis-server of their own. */
const OWN_REDIS: Record<string, number> = { faults: Number(process.env.DRILL_REDIS_PORT ?? 6390) };

let prepared: DrillEnvironment | undefined;

/** Called by drills/run.js before the drill (and Leerkring's config module) is loaded. */
export function prepareDrillEnvironment(name: string): DrillEnvironment {
  const envFile = join(ROOT, '.env');
  const base: Record<string, string | undefined> = {
    ...(existsSync(envFile) ? parse(readFileSync(envFile)) : {}),
    ...process.env,
  };
  const databaseName = `${DRILL_DATABASE_PREFIX}${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  const database = new URL(base.DATABASE_URL || 'mysql://root@127.0.0.1:3306/leerkring');
  database.pathname = `/${databaseName}`;
  const admin = new URL(database.toString());
  admin.pathname = '';
  const ownRedisPort = OWN_REDIS[name];
  const redisUrl = ownRedisPort ? `redis://127.0.0.1:${ownRedisPort}` : base.REDIS_URL || 'redis://127.0.0.1:6379';
  const redisPrefix = `${DRILL_REDIS_PREFIX}${name}-${process.pid}`;
  const appEnv: Record<string, string> = {
    NODE_ENV: 'production',
    APP_SECRET: randomBytes(32).toString('hex'),
    NOTES_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: database.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    PUBLIC_URL: 'http://leerkring.drill',
    MAIL_FROM: 'Leerkring <no-reply@leerkring.drill>',
    PORT: '0',
    WORKER_HEALTH_PORT: '0',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    SCHEDULING_MIN_NOTICE_HOURS: '0',
  };
  Object.assign(process.env, appEnv, { LEERKRING_DRILL: name });
  delete process.env.SMTP_URL;
  prepared = {
    name,
    databaseName,
    databaseUrl: database.toString(),
    adminDatabaseUrl: admin.toString().replace(/\/$/, ''),
    redisUrl,
    ownRedisPort,
    redisPrefix,
    appEnv,
  };
  return prepared;
}

/** The environment drills/run.js prepared for `name`; throws when the drill was started another way. */
export function drillEnvironment(name: string): DrillEnvironment {
  if (!prepared || prepared.name !== name || process.env.LEERKRING_DRILL !== name) {
    throw new Error(`drill "${name}" must run through drills/run.js: npm run drill:${name}`);
  }
  return prepared;
}
