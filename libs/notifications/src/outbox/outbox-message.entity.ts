import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '@leerkring/core';
import type { OutboxPayloadOf, OutboxTopic } from './outbox-topics';

/**
 * One notification that must happen because of a committed change: written in the change's own
 * transaction, moved into BullMQ by the worker's relay. The payload holds ids, never personal
 * data. Relayed rows are kept (they are small) as a log of what was handed on.
 */
@Entity('outbox')
@Index('ix_outbox_unrelayed', ['relayedAt', 'id'])
@Index('ix_outbox_unhandled', ['handledAt', 'relayedAt'])
export class OutboxMessage<T extends OutboxTopic = OutboxTopic> {
  /** Increasing, so the relay hands rows on in the order they were written. A string: BIGINT. */
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 60, charset: 'ascii', collation: 'ascii_bin' })
  topic!: T;

  @Column({ type: 'json' })
  payload!: OutboxPayloadOf<T>;

  @InstantColumn({ name: 'created_at', default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt!: Date;

  /** Null until the relay has added the job to the queue. */
  @InstantColumn({ name: 'relayed_at', nullable: true })
  relayedAt!: Date | null;

  /**
   * Set when the row's notify job has run. A row relayed long ago and not handled, whose job is
   * gone from Redis, is relayed again by the housekeeping sweep.
   */
  @InstantColumn({ name: 'handled_at', nullable: true })
  handledAt!: Date | null;

  /** How often a relay tried to hand this row on (more than 1 means Redis refused it before). */
  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts!: number;

  /** The BullMQ job id the row became (`notify.{id}`), set when relayed. */
  @Column({ name: 'job_id', type: 'varchar', length: 100, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  jobId!: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;
}
