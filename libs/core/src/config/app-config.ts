import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EnvironmentVariables } from './environment';

export type NodeEnv = 'development' | 'test' | 'production';

export interface DatabaseConfig {
  /** Both speak the same protocol; `mariadb` only makes TypeORM read MariaDB's column defaults right. */
  flavour: 'mysql' | 'mariadb';
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  poolSize: number;
}

export interface RedisConfig {
  url: string;
  /** Prefix for every key we and BullMQ write, so deployments and test workers can share one Redis. */
  prefix: string;
}

export interface MailConfig {
  /** Unset: mails are written as .eml files into `directory` instead of being sent. */
  smtpUrl: string | undefined;
  maxConnections: number;
  from: string;
  directory: string;
  /**
   * How long a sender's claim on a mail holds. A sender that dies mid-send leaves the mail
   * `sending`; after this long another sender may take it over (and possibly send it twice).
   */
  claimLeaseMs: number;
}

/** The whole configuration, validated once at start-up. Nothing else reads `process.env`. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  publicUrl: string;
  appSecret: string;
  notesEncryptionKey: Buffer;
  /** The key before the last rotation: only for reading notes not yet re-encrypted (null when unset). */
  notesEncryptionKeyPrevious: Buffer | null;
  defaultTimeZone: string;
  database: DatabaseConfig;
  redis: RedisConfig;
  mail: MailConfig;
  /** How long SIGTERM waits for active jobs and open requests before exiting anyway. */
  shutdownTimeoutMs: number;
  worker: {
    healthPort: number;
    concurrency: number;
    /** How often the outbox relay looks for rows without being woken (the safety net under the wake-ups). */
    outboxPollMs: number;
  };
  log: { level: string; format: 'json' | 'pretty' };
  /**
   * Reminder offsets from REMINDER_OFFSETS, per appointment kind (or "*" for every kind), replacing
   * the defaults in code for the kinds named. Empty when the variable is unset.
   */
  reminders: { offsets: Record<string, string[]> };
  /** What Prometheus presents to read metrics; undefined: only admins (API), nobody (workers). */
  metricsToken: string | undefined;
  /** Browser origins besides our own that may call the API (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** Rules every planned appointment is checked against (libs/scheduling). */
  scheduling: {
    /** Minutes a person needs between two appointments at different schools. */
    travelBufferMinutes: number;
    /** How far ahead an appointment must be planned or moved to (0: anything not in the past). */
    minNoticeHours: number;
  };
  coaching: {
    /** A coachee cancels a session themselves up to this many hours before it; later only the coach can. */
    cancellationDeadlineHours: number;
  };
  /** School calendar feeds (an .ics URL the worker syncs). */
  calendarFeeds: {
    /** CALENDAR_FEED_ALLOW_PRIVATE: also fetch from loopback and private network addresses. */
    allowPrivate: boolean;
  };
  retention: {
    /** Bodies of sent mails are blanked after this many days (subject, kind and dates stay). */
    mailDays: number;
    /** Confidential notes of closed trajectories are deleted after this many months. */
    notesMonths: number;
  };
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

// Development-only secrets, so `npm start` works on a fresh machine. Production has no defaults.
const DEV_APP_SECRET = 'development-only-secret-do-not-use-in-production';
const DEV_NOTES_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE=';

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `90s`, `30m`, `24h`: that long before the start, on instants. `1d@16:00`: that many days before, at that wall-clock time. */
export const REMINDER_OFFSET_PATTERN = /^(?:[1-9]\d{0,5}[smh]|[0-9]{1,2}d@(?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Parses REMINDER_OFFSETS, pushing a problem for anything that does not fit. */
export function parseReminderOffsets(raw: string | undefined, problems: string[]): Record<string, string[]> {
  if (raw === undefined) {
    return {};
  }
  const message =
    'REMINDER_OFFSETS must be a JSON object of appointment kind (or "*") to a list of offsets such as "24h", "90m", "30s" or "1d@16:00"';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(message);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(message);
    return {};
  }
  const offsets: Record<string, string[]> = {};
  for (const [kind, list] of Object.entries(parsed)) {
    if (
      !/^(\*|[a-z_]{1,30})$/.test(kind) ||
      !Array.isArray(list) ||
      list.length > 10 ||
      !list.every((offset): offset is string => typeof offset === 'string' && REMINDER_OFFSET_PATTERN.test(offset))
    ) {
      problems.push(`${message} (problem at "${kind}")`);
      continue;
    }
    offsets[kind] = [...new Set(list)];
  }
  return offsets;
}

export function parseDatabaseUrl(url: string, poolSize: number): DatabaseConfig {
  const parsed = new URL(url);
  return {
    flavour: parsed.protocol === 'mariadb:' ? 'mariadb' : 'mysql',
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'leerkring',
    poolSize,
  };
}

/**
 * Turns raw environment variables into the typed configuration, or throws one
 * ConfigValidationError that names every offending variable.
 */
export function loadConfig(raw: Record<string, string | undefined>): AppConfig {
  // Empty strings count as unset, the way shells and compose files usually mean them.
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(EnvironmentVariables, present);
  const problems = describe(validateSync(env, { skipMissingProperties: false }));

  const nodeEnv = (env.NODE_ENV ?? 'development') as NodeEnv;
  if (nodeEnv === 'production') {
    for (const secret of ['APP_SECRET', 'NOTES_ENCRYPTION_KEY'] as const) {
      if (!env[secret]) {
        problems.push(`${secret} is required when NODE_ENV=production (it has no default there)`);
      }
    }
  }
  const defaultTimeZone = env.DEFAULT_TIME_ZONE ?? 'Europe/Amsterdam';
  if (!isValidTimeZone(defaultTimeZone)) {
    problems.push(`DEFAULT_TIME_ZONE must be an IANA time zone such as Europe/Amsterdam`);
  }
  if (env.DATABASE_URL) {
    try {
      new URL(env.DATABASE_URL);
    } catch {
      problems.push(
        'DATABASE_URL must be a mysql:// (or mariadb://) URL, e.g. mysql://user:password@127.0.0.1:3306/leerkring',
      );
    }
  }
  const reminderOffsets = parseReminderOffsets(env.REMINDER_OFFSETS, problems);
  if (problems.length > 0) {
    throw new ConfigValidationError([...new Set(problems)]);
  }

  const port = env.PORT ?? 3000;
  return {
    nodeEnv,
    port,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    appSecret: env.APP_SECRET ?? DEV_APP_SECRET,
    notesEncryptionKey: Buffer.from(env.NOTES_ENCRYPTION_KEY ?? DEV_NOTES_KEY, 'base64'),
    notesEncryptionKeyPrevious: env.NOTES_ENCRYPTION_KEY_PREVIOUS
      ? Buffer.from(env.NOTES_ENCRYPTION_KEY_PREVIOUS, 'base64')
      : null,
    defaultTimeZone,
    database: parseDatabaseUrl(
      env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/leerkring',
      env.DATABASE_POOL_SIZE ?? 10,
    ),
    redis: { url: env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: env.REDIS_PREFIX ?? 'leerkring' },
    mail: {
      smtpUrl: env.SMTP_URL,
      maxConnections: env.SMTP_MAX_CONNECTIONS ?? 5,
      from: env.MAIL_FROM ?? 'Leerkring <no-reply@leerkring.local>',
      directory: env.MAIL_DIR ?? 'var/mail',
      claimLeaseMs: env.MAIL_CLAIM_LEASE_MS ?? 5 * 60_000,
    },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS ?? 30_000,
    worker: {
      healthPort: env.WORKER_HEALTH_PORT ?? 3001,
      concurrency: env.WORKER_CONCURRENCY ?? 5,
      outboxPollMs: env.OUTBOX_POLL_MS ?? 1_000,
    },
    reminders: { offsets: reminderOffsets },
    metricsToken: env.METRICS_TOKEN,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    scheduling: {
      travelBufferMinutes: env.SCHEDULING_TRAVEL_BUFFER_MINUTES ?? 30,
      minNoticeHours: env.SCHEDULING_MIN_NOTICE_HOURS ?? 24,
    },
    coaching: { cancellationDeadlineHours: env.COACHING_CANCELLATION_DEADLINE_HOURS ?? 24 },
    calendarFeeds: { allowPrivate: env.CALENDAR_FEED_ALLOW_PRIVATE === 'true' },
    retention: { mailDays: env.RETENTION_MAIL_DAYS ?? 180, notesMonths: env.RETENTION_NOTES_MONTHS ?? 24 },
    log: {
      level: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
      format: (env.LOG_FORMAT as 'json' | 'pretty' | undefined) ?? (nodeEnv === 'development' ? 'pretty' : 'json'),
    },
  };
}
