import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';
import { utcMysqlDriver } from './utc-mysql-driver';

/**
 * One place that says how we talk to MySQL/MariaDB, shared by the apps, the CLI and the tests.
 * - utf8mb4 everywhere (names like "Çelik" and emoji in notes);
 * - every session runs in UTC (utcMysqlDriver) and mysql2 converts in UTC, so DATETIME(3)
 *   columns hold UTC instants whatever the server's or the process's time zone;
 * - schema only through the committed migrations: `synchronize` is off.
 */
export function databaseOptions(
  config: DatabaseConfig,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  return {
    type: config.flavour,
    driver: utcMysqlDriver,
    connectorPackage: 'mysql2',
    host: config.host,
    port: config.port,
    username: config.user,
    password: config.password,
    database: config.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: false,
    supportBigNumbers: true,
    bigNumberStrings: false,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    poolSize: config.poolSize,
    extra: {
      connectionLimit: config.poolSize,
      enableKeepAlive: true,
      connectTimeout: 5_000,
    },
  };
}
