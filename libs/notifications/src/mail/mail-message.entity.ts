import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, UuidEntity } from '@leerkring/core';

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * One rendered mail to one recipient, and its sent-log. The row is written before the send job
 * is queued; the send processor claims it (queued → sending) before talking to SMTP, so a
 * retried or duplicated job never mails twice.
 */
@Entity('mail_message')
@Index('uq_mail_message_dedupe', ['dedupeKey'], { unique: true })
@Index('ix_mail_message_status', ['status', 'updatedAt'])
export class MailMessage extends UuidEntity {
  /** What caused this mail, e.g. `invitation.{appointment}.v3.{person}`; unique, so it is made once. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 191, charset: 'ascii', collation: 'ascii_bin' })
  dedupeKey!: string;

  /** e.g. invitation, update, cancellation, reminder, login_link. */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @IdColumn('recipient_person_id', { nullable: true })
  recipientPersonId!: string | null;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress!: string;

  @Column({ type: 'varchar', length: 500 })
  subject!: string;

  @Column({ name: 'body_text', type: 'mediumtext' })
  bodyText!: string;

  @Column({ name: 'body_html', type: 'mediumtext', nullable: true })
  bodyHtml!: string | null;

  /** An iCalendar object (text/calendar) to attach, with its METHOD (REQUEST or CANCEL). */
  @Column({ type: 'mediumtext', nullable: true })
  ics!: string | null;

  @Column({ name: 'ics_method', type: 'varchar', length: 10, nullable: true })
  icsMethod!: 'REQUEST' | 'CANCEL' | null;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status!: MailStatus;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts!: number;

  /** While `sending`: the claim lapses at this instant, so a crashed sender's mail is retried. */
  @InstantColumn({ name: 'claimed_until', nullable: true })
  claimedUntil!: Date | null;

  @InstantColumn({ name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  /** Our own Message-ID, fixed when the row is made, so a re-send is recognisable as the same mail. */
  @Column({ name: 'message_id', type: 'varchar', length: 255 })
  messageId!: string;
}
