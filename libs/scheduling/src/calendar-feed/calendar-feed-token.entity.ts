import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, UuidEntity } from '@leerkring/core';
import { Person } from '@leerkring/people';

/**
 * A person's personal calendar feed: at most one per person. Only an HMAC of the token is kept
 * (keyed with APP_SECRET), so neither the database nor the API can show the URL again.
 * Regenerating replaces the hash (the old URL stops working); revoking deletes the row.
 */
@Entity('calendar_feed_token')
@Index('uq_calendar_feed_token_person', ['personId'], { unique: true })
@Index('uq_calendar_feed_token_hash', ['tokenHash'], { unique: true })
export class CalendarFeedToken extends UuidEntity {
  @IdColumn('person_id')
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_calendar_feed_token_person' })
  person?: Person;

  @Column({ name: 'token_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  tokenHash!: string;

  /** Last time a calendar fetched the feed (to the minute), so a person sees whether it is in use. */
  @InstantColumn({ name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;
}
