import { DataSource, type Migration } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { databaseOptions } from './database-options';
import { ensureDatabase } from './ensure-database';

const LOCK_NAME = 'leerkring:migrations';
const LOCK_TIMEOUT_S = 120;

/**
 * Runs `work` while holding a MySQL named lock, so that several processes starting at once
 * (two API containers, parallel test workers on one database) never migrate concurrently.
 */
async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS locked', [LOCK_NAME, LOCK_TIMEOUT_S])) as Array<{
      locked: number | string | null;
    }>;
    if (Number(row?.locked) !== 1) {
      throw new Error(`Could not get the migration lock within ${LOCK_TIMEOUT_S}s; is another migration hanging?`);
    }
    try {
      return await work();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await runner.release();
  }
}

async function withDataSource<T>(config: DatabaseConfig, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(databaseOptions({ ...config, poolSize: 2 }));
  await dataSource.initialize();
  try {
    return await withMigrationLock(dataSource, () => work(dataSource));
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
