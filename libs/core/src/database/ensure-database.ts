import { createConnection } from 'mysql2/promise';
import type { DatabaseConfig } from '../config/app-config';

/** Creates the configured database (utf8mb4) if it does not exist yet. */
export async function ensureDatabase(config: DatabaseConfig): Promise<void> {
  if (!/^[A-Za-z0-9_$-]+$/.test(config.database)) {
    throw new Error(`Database name "${config.database}" has characters we do not create databases with`);
  }
  const connection = await createConnection({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    connectTimeout: 5_000,
  });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${config.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}
