import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions, loadConfig, readEnvironment } from '@leerkring/core';
import { NOTIFICATION_ENTITIES } from '@leerkring/notifications';
import { PEOPLE_ENTITIES } from '@leerkring/people';

/** Every entity of every library: what `db:migration:generate` compares the schema with. */
export const ALL_ENTITIES = [...PEOPLE_ENTITIES, ...NOTIFICATION_ENTITIES];

/** The data source the TypeORM CLI uses (`npm run db:migration:generate`). */
export default new DataSource(databaseOptions(loadConfig(readEnvironment()).database, ALL_ENTITIES));
