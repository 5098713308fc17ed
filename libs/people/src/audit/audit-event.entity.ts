import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, InstantColumn } from '@leerkring/core';

/**
 * Who did what, when. Append-only: the application never updates or deletes these rows.
 * `details` holds ids and changed field names, never confidential content.
 */
@Entity('audit_event')
@Index('ix_audit_event_time', ['occurredAt'])
@Index('ix_audit_event_actor', ['actorPersonId', 'occurredAt'])
@Index('ix_audit_event_entity', ['entityType', 'entityId', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @InstantColumn({ name: 'occurred_at', default: () => 'CURRENT_TIMESTAMP(3)' })
  occurredAt!: Date;

  /** Null for the system itself (imports from the CLI, retention). */
  @IdColumn('actor_person_id', { nullable: true })
  actorPersonId!: string | null;

  /** create, update, delete, cancel, login, logout, export, erase, import, override, ... */
  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  @Column({ type: 'json', nullable: true })
  details!: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId!: string | null;
}
