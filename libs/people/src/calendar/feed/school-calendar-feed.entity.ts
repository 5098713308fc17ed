import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, UuidEntity } from '@leerkring/core';
import { School } from '../../schools/school.entity';

export const FEED_SYNC_STATUSES = ['ok', 'failed'] as const;
export type FeedSyncStatus = (typeof FEED_SYNC_STATUSES)[number];

/**
 * A school's calendar published at a URL (an .ics subscription), fetched by the worker every few
 * hours and on request. Its events become the school's study days (source `ical_feed`); each sync
 * replaces them. The last attempt's outcome is kept for the admin page.
 */
@Entity('school_calendar_feed')
@Index('uq_school_calendar_feed_school', ['schoolId'], { unique: true })
export class SchoolCalendarFeed extends UuidEntity {
  @IdColumn('school_id')
  schoolId!: string;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_school_calendar_feed_school' })
  school?: School;

  /** http(s) only; `webcal://` is stored as `https://`. */
  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  /** When an admin last asked for a sync (or saved the URL); pending while after `lastSyncAt`. */
  @InstantColumn({ name: 'sync_requested_at', nullable: true })
  syncRequestedAt!: Date | null;

  /** When a sync last finished (successfully or not); null before the first. */
  @InstantColumn({ name: 'last_sync_at', nullable: true })
  lastSyncAt!: Date | null;

  @Column({ name: 'last_sync_status', type: 'varchar', length: 8, nullable: true })
  lastSyncStatus!: FeedSyncStatus | null;

  /** Why the last sync failed (for the admin), null after a successful one. */
  @Column({ name: 'last_sync_error', type: 'varchar', length: 500, nullable: true })
  lastSyncError!: string | null;

  /** When a sync last imported the feed; its events stay until the next successful sync. */
  @InstantColumn({ name: 'last_success_at', nullable: true })
  lastSuccessAt!: Date | null;

  /** Study days the last successful sync found in the feed. */
  @Column({ name: 'last_event_count', type: 'int', nullable: true })
  lastEventCount!: number | null;
}
