import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions, loadConfig, readEnvironment } from '@leerkring/core';
import { ALL_ENTITIES } from './entities';

/** The data source the TypeORM CLI uses (`npm run db:migration:generate`). */
export default new DataSource(databaseOptions(loadConfig(readEnvironment()).database, ALL_ENTITIES));
