import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Hand-written SQL for a hot path, with entities as TypeORM itself would hydrate them (the same
 * column metadata, transformers and driver conversions: dates, JSON, decimals), without building
 * the query through the query builder on every call. `selectColumns` gives the select list,
 * `hydrate` turns a row's prefixed columns back into an entity.
 */
export class RawRows {
  constructor(private readonly dataSource: DataSource) {}

  /** `alias`.`column` AS `alias_column` for every column of the entity. */
  selectColumns(entity: EntityTarget<ObjectLiteral>, alias: string): string {
    return this.dataSource
      .getMetadata(entity)
      .columns.map((column) => `${alias}.\`${column.databaseName}\` AS \`${alias}_${column.databaseName}\``)
      .join(', ');
  }

  /** The entity in `row` under `alias` (see selectColumns); null when its primary key is NULL (an outer join found none). */
  hydrate<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string, row: Record<string, unknown>): T | null {
    const metadata = this.dataSource.getMetadata(entity);
    const value = (column: ColumnMetadata) => row[`${alias}_${column.databaseName}`];
    if (metadata.primaryColumns.some((column) => value(column) === null || value(column) === undefined)) {
      return null;
    }
    const hydrated = metadata.create() as T;
    for (const column of metadata.columns) {
      column.setEntityValue(hydrated, this.dataSource.driver.prepareHydratedValue(value(column), column));
    }
    return hydrated;
  }
}
