import { DataSource } from 'typeorm';
import { databaseOptions, loadConfig, migrateDatabase, readEnvironment, type AppConfig } from '@leerkring/core';
import { ALL_ENTITIES } from '../../apps/cli/src/entities';

/** The configuration this jest worker's apps run with (see worker-env.ts). */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...readEnvironment(), ...overrides });
}

/** Creates this worker's database if needed and applies the migrations (a no-op when done). */
export async function prepareTestDatabase(): Promise<void> {
  await migrateDatabase(testConfig().database);
}

/** A plain connection to this worker's database, for tests to look at what the app stored. */
export async function openTestDataSource(): Promise<DataSource> {
  await prepareTestDatabase();
  const dataSource = new DataSource(databaseOptions({ ...testConfig().database, poolSize: 2 }, ALL_ENTITIES));
  return dataSource.initialize();
}
