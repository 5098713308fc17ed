import { DataSource, type Migration } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { databaseOptions } from './database-options';
import { ensureDatabase } from './ensure-database';
import { withNamedLock } from './named-lock';

const LOCK_NAME = 'leerkring:migrations';
const LOCK_TIMEOUT_S = 120;

async function withDataSource<T>(config: DatabaseConfig, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(databaseOptions({ ...config, poolSize: 2 }));
  await dataSource.initialize();
  try {
    // Several processes starting at once (two API containers) never migrate concurrently.
    return await withNamedLock(dataSource, LOCK_NAME, LOCK_TIMEOUT_S, () => work(dataSource));
  } finally {
    await dataSource.destroy();
  }
}

/** Creates the database if needed and applies every pending migration. Returns their names. */
export async function migrateDatabase(config: DatabaseConfig): Promise<string[]> {
  await ensureDatabase(config);
  return withDataSource(config, async (dataSource) => {
    const applied: Migration[] = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** Reverts the most recently applied migration. */
export async function revertLastMigration(config: DatabaseConfig): Promise<void> {
  await withDataSource(config, (dataSource) => dataSource.undoLastMigration({ transaction: 'each' }));
}
