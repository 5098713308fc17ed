import { migrateDatabase, revertLastMigration } from '@leerkring/core';
import type { CliCommand } from './command';

export const migrateCommand: CliCommand = {
  name: 'db:migrate',
  description: 'create the database if needed and apply pending migrations',
  async run(config) {
    const applied = await migrateDatabase(config.database);
    console.log(
      applied.length === 0
        ? `database ${config.database.database} is up to date`
        : `applied ${applied.length} migration(s) to ${config.database.database}: ${applied.join(', ')}`,
    );
    return 0;
  },
};

export const revertCommand: CliCommand = {
  name: 'db:revert',
  description: 'revert the most recent migration',
  async run(config) {
    await revertLastMigration(config.database);
    console.log(`reverted the last migration of ${config.database.database}`);
    return 0;
  },
};
