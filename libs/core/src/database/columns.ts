import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn, type ColumnOptions } from 'typeorm';

/** An instant, stored as UTC DATETIME(3). The connection runs in UTC (see databaseOptions). */
export function InstantColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'datetime', precision: 3, ...options });
}

/**
 * Base for our aggregates: a random UUID id (not guessable, so an id in a URL reveals nothing)
 * and UTC creation/update instants with millisecond precision.
 */
export abstract class UuidEntity {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  @UpdateDateColumn({
    name: 'updated_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  })
  updatedAt!: Date;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= randomUUID();
  }
}

/** A foreign key column holding another aggregate's UUID. */
export function IdColumn(name: string, options: ColumnOptions = {}): PropertyDecorator {
  return Column({ name, type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin', ...options });
}
