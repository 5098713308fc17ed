import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Every environment variable Leerkring reads, with its rules. `.env.example` documents the same
 * list for people; keep the two together. Defaults live in `app-config.ts`, not here, because in
 * production some variables must not have one.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(trimmed)
  @Matches(/^(mysql|mariadb):\/\/[^/\s]+(\/[A-Za-z0-9_$-]+)?(\?.*)?$/, {
    message: 'DATABASE_URL must be a mysql:// (or mariadb://) URL, e.g. mysql://user:password@127.0.0.1:3306/leerkring',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be a whole number' })
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @Transform(trimmed)
  @Matches(/^rediss?:\/\/\S+$/, {
    message: 'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
  })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, {
    message: 'REDIS_PREFIX must be 1-64 characters of letters, digits, "_", ".", ":" or "-"',
  })
  REDIS_PREFIX?: string;

  @IsOptional()
  @Transform(trimmed)
  @Matches(/^smtps?:\/\/\S+$/, {
    message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail:587',
  })
  SMTP_URL?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'SMTP_MAX_CONNECTIONS must be a whole number' })
  @Min(1)
  @Max(100)
  SMTP_MAX_CONNECTIONS?: number;

  @IsOptional()
  @IsString()
  @MinLength(3)
  MAIL_FROM?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'MAIL_CLAIM_LEASE_MS must be a whole number of milliseconds' })
  @Min(1000)
  MAIL_CLAIM_LEASE_MS?: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  MAIL_DIR?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'PORT must be a whole number between 0 and 65535' })
  @Min(0, { message: 'PORT must be a whole number between 0 and 65535' })
  @Max(65535, { message: 'PORT must be a whole number between 0 and 65535' })
  PORT?: number;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'WORKER_HEALTH_PORT must be a whole number between 0 and 65535 (0 picks a free port)' })
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT?: number;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'WORKER_CONCURRENCY must be a whole number' })
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY?: number;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(1000)
  SHUTDOWN_TIMEOUT_MS?: number;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'PUBLIC_URL must be an http(s) URL, e.g. https://leerkring.example.nl' },
  )
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'APP_SECRET must be at least 32 characters' })
  APP_SECRET?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'NOTES_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32)',
  })
  NOTES_ENCRYPTION_KEY?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'NOTES_ENCRYPTION_KEY_PREVIOUS must be 32 random bytes in base64 (the key before the last rotation)',
  })
  NOTES_ENCRYPTION_KEY_PREVIOUS?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: string;

  @IsOptional()
  @IsString()
  DEFAULT_TIME_ZONE?: string;

  /** JSON: reminder offsets per appointment kind, e.g. {"meeting":["24h","1h"],"visit":["1d@16:00"]}. */
  @IsOptional()
  @IsString()
  REMINDER_OFFSETS?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'RETENTION_MAIL_DAYS must be a whole number of days' })
  @Min(1)
  RETENTION_MAIL_DAYS?: number;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'RETENTION_NOTES_MONTHS must be a whole number of months' })
  @Min(1)
  RETENTION_NOTES_MONTHS?: number;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'SCHEDULING_TRAVEL_BUFFER_MINUTES must be a whole number of minutes' })
  @Min(0)
  @Max(240)
  SCHEDULING_TRAVEL_BUFFER_MINUTES?: number;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'SCHEDULING_MIN_NOTICE_HOURS must be a whole number of hours' })
  @Min(0)
  @Max(720)
  SCHEDULING_MIN_NOTICE_HOURS?: number;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'COACHING_CANCELLATION_DEADLINE_HOURS must be a whole number of hours' })
  @Min(0)
  @Max(720)
  COACHING_CANCELLATION_DEADLINE_HOURS?: number;

  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'OUTBOX_POLL_MS must be a whole number of milliseconds' })
  @Min(100)
  @Max(3_600_000)
  OUTBOX_POLL_MS?: number;

  /** Comma-separated origins allowed to call the API from a browser on another origin (CORS). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,/]+(\s*,\s*https?:\/\/[^\s,/]+)*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.nl',
  })
  CORS_ORIGINS?: string;

  /** Bearer token Prometheus presents for /api/metrics and the workers' /metrics. Unset: admins only (API), none (workers). */
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'METRICS_TOKEN must be at least 24 characters' })
  METRICS_TOKEN?: string;

  /**
   * `true`: school calendar feeds may be fetched from loopback and private addresses (tests, a
   * calendar server on the school network). Off by default: a server fetching admin-given URLs
   * must not be pointed at itself or its network.
   */
  @IsOptional()
  @Transform(trimmed)
  @IsIn(['true', 'false'], { message: 'CALENDAR_FEED_ALLOW_PRIVATE must be true or false' })
  CALENDAR_FEED_ALLOW_PRIVATE?: string;
}
