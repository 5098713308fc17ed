import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type EntityManager, type Repository } from 'typeorm';
import { MicroBatcher } from '../batching/micro-batcher';
import { MailMessage } from './mail-message.entity';

export type MailDraft = Pick<
  MailMessage,
  'dedupeKey' | 'kind' | 'recipientPersonId' | 'toAddress' | 'subject' | 'bodyText' | 'bodyHtml' | 'ics' | 'icsMethod'
>;

/** A mail to store already claimed for sending: the row is written as `sending`, with its lease. */
interface ClaimedInsert {
  draft: MailDraft;
  messageDomain: string;
  leaseUntil: Date;
}

/** Whether the caller wrote the row (and so holds its claim), and the row as it is. */
export interface InsertClaimedResult {
  message: MailMessage;
  claimed: boolean;
}

/**
 * How long a claimed insert or a sent mark waits for others to share its statement: a few
 * milliseconds more per mail, for one commit per batch instead of one per mail in a burst.
 */
const BATCH_WINDOW_MS = 5;

const INSERT_COLUMNS = [
  'id',
  'dedupe_key',
  'kind',
  'recipient_person_id',
  'to_address',
  'subject',
  'body_text',
  'body_html',
  'ics',
  'ics_method',
  'status',
  'attempts',
  'claimed_until',
  'message_id',
] as const;

/** The only code that reads or writes `mail_message`. */
@Injectable()
export class MailMessageRepository {
  /** Claimed inserts of jobs running side by side: one multi-row INSERT, one commit. */
  private readonly claimedInserts = new MicroBatcher<ClaimedInsert, InsertClaimedResult>(
    (inserts) => this.insertClaimedBatch(inserts),
    { windowMs: BATCH_WINDOW_MS },
  );
  /** Mails sent by jobs running side by side: one UPDATE, one commit. */
  private readonly sentMarks = new MicroBatcher<string, void>((ids) => this.markSentBatch(ids), {
    windowMs: BATCH_WINDOW_MS,
  });

  constructor(@InjectRepository(MailMessage) private readonly repository: Repository<MailMessage>) {}

  /**
   * Stores a rendered mail once per dedupe key; a second call with the same key returns the
   * first row unchanged. Pass the transaction's manager to write it together with its cause.
   */
  async insertOnce(draft: MailDraft, messageDomain: string, manager?: EntityManager): Promise<MailMessage> {
    const repository = manager ? manager.getRepository(MailMessage) : this.repository;
    const id = randomUUID();
    await repository
      .createQueryBuilder()
      .insert()
      .into(MailMessage)
      .values({ ...draft, id, status: 'queued', attempts: 0, messageId: `<${id}@${messageDomain}>` })
      .orIgnore()
      .execute();
    return repository.findOneByOrFail({ dedupeKey: draft.dedupeKey });
  }

  /**
   * Stores a mail that the caller will send at once, claimed for it: the row is written as
   * `sending` (attempts 1, the claim lapsing at `leaseUntil`) in the same statement that makes it,
   * so making and claiming cost one commit. `claimed` is false when a row with the dedupe key
   * already existed: it is returned unchanged, and the caller must go through `claim` (or leave it).
   * Calls made side by side are written together (one multi-row INSERT IGNORE).
   */
  insertClaimed(draft: MailDraft, messageDomain: string, leaseUntil: Date): Promise<InsertClaimedResult> {
    return this.claimedInserts.call({ draft, messageDomain, leaseUntil });
  }

  private async insertClaimedBatch(inserts: ClaimedInsert[]): Promise<InsertClaimedResult[]> {
    const rows = inserts.map(({ draft, messageDomain, leaseUntil }) => {
      const id = randomUUID();
      const row = {
        id,
        dedupe_key: draft.dedupeKey,
        kind: draft.kind,
        recipient_person_id: draft.recipientPersonId,
        to_address: draft.toAddress,
        subject: draft.subject,
        body_text: draft.bodyText,
        body_html: draft.bodyHtml,
        ics: draft.ics,
        ics_method: draft.icsMethod,
        status: 'sending',
        attempts: 1,
        claimed_until: leaseUntil,
        message_id: `<${id}@${messageDomain}>`,
      } satisfies Record<(typeof INSERT_COLUMNS)[number], unknown>;
      return row;
    });
    const placeholders = `(${INSERT_COLUMNS.map(() => '?').join(',')})`;
    const result = await this.repository.query<{ affectedRows: number }>(
      `INSERT IGNORE INTO mail_message (${INSERT_COLUMNS.join(',')}) VALUES ${rows.map(() => placeholders).join(',')}`,
      rows.flatMap((row) => INSERT_COLUMNS.map((column) => row[column])),
    );
    if (result.affectedRows === rows.length) {
      // Every row is new, so every row is ours: no need to read them back.
      return rows.map((row) => ({
        claimed: true,
        message: Object.assign(new MailMessage(), {
          id: row.id,
          dedupeKey: row.dedupe_key,
          kind: row.kind,
          recipientPersonId: row.recipient_person_id,
          toAddress: row.to_address,
          subject: row.subject,
          bodyText: row.body_text,
          bodyHtml: row.body_html,
          ics: row.ics,
          icsMethod: row.ics_method,
          status: 'sending' as const,
          attempts: 1,
          claimedUntil: row.claimed_until,
          sentAt: null,
          lastError: null,
          messageId: row.message_id,
        }),
      }));
    }
    // Some keys existed already (a repeated job): the rows with our ids are ours, the others not.
    const stored = await this.repository.findBy({ dedupeKey: In(rows.map((row) => row.dedupe_key)) });
    const byKey = new Map(stored.map((message) => [message.dedupeKey, message]));
    return rows.map((row) => {
      const message = byKey.get(row.dedupe_key);
      if (!message) {
        throw new Error(`mail ${row.dedupe_key} neither inserted nor found`);
      }
      return { message, claimed: message.id === row.id };
    });
  }

  /** Which of these dedupe keys have a mail that was sent or may still go (not `failed`). */
  async liveKeys(keys: string[], manager?: EntityManager): Promise<Set<string>> {
    if (keys.length === 0) {
      return new Set();
    }
    const rows = await (manager ?? this.repository.manager).query<Array<{ dedupe_key: string }>>(
      `SELECT dedupe_key FROM mail_message WHERE dedupe_key IN (${keys.map(() => '?').join(',')}) AND status <> 'failed'`,
      keys,
    );
    return new Set(rows.map((row) => row.dedupe_key));
  }

  findById(id: string): Promise<MailMessage | null> {
    return this.repository.findOneBy({ id });
  }

  /**
   * Claims the mail for sending (queued → sending, or a lapsed earlier claim). Exactly one caller
   * wins the conditional UPDATE; the others see 0 affected rows and must not send.
   */
  async claim(id: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const result = await this.repository
      .createQueryBuilder()
      .update(MailMessage)
      .set({ status: 'sending', claimedUntil: leaseUntil, attempts: () => 'attempts + 1' })
      .where('id = :id', { id })
      .andWhere(
        new Brackets((where) =>
          where.where("status = 'queued'").orWhere("status = 'sending' AND claimed_until < :now", { now }),
        ),
      )
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /**
   * Moves a live claim's lapse further out, while its sender is still talking to the mail server.
   * Only a row still `sending` is touched: a mail already marked sent or failed stays so.
   */
  async extendClaim(id: string, leaseUntil: Date): Promise<void> {
    await this.repository.update({ id, status: 'sending' }, { claimedUntil: leaseUntil });
  }

  /**
   * Records the mail as sent. Calls made within `BATCH_WINDOW_MS` share one UPDATE (and one
   * commit); each resolves once its row is written. The window in which a crash could resend a
   * mail grows by at most that wait: still milliseconds.
   */
  markSent(id: string): Promise<void> {
    return this.sentMarks.call(id);
  }

  private async markSentBatch(ids: string[]): Promise<void[]> {
    await this.repository.update(
      { id: In(ids) },
      { status: 'sent', sentAt: new Date(), claimedUntil: null, lastError: null },
    );
    return ids.map(() => undefined);
  }

  /** Gives the claim back after a transient failure, so a retry can claim it again. */
  async release(id: string, error: string): Promise<void> {
    await this.repository.update(
      { id, status: 'sending' },
      { status: 'queued', claimedUntil: null, lastError: error.slice(0, 1000) },
    );
  }

  /** Records a final failure, unless the mail went out after all (a sent mail stays sent). */
  async markFailed(id: string, error: string): Promise<void> {
    await this.repository.update(
      { id, status: In(['queued', 'sending']) },
      { status: 'failed', claimedUntil: null, lastError: error.slice(0, 1000) },
    );
  }

  /**
   * Mails that should be on the queue but may not be: queued for a while (the enqueue after
   * commit failed, or Redis lost the job) or claimed by a sender that died.
   */
  findStranded(queuedForSeconds: number, now: Date, limit: number): Promise<MailMessage[]> {
    return (
      this.repository
        .createQueryBuilder('mail')
        // updated_at is set by the database clock, so it is compared with the database clock.
        .where("(mail.status = 'queued' AND mail.updated_at < NOW(3) - INTERVAL :seconds SECOND)", {
          seconds: queuedForSeconds,
        })
        .orWhere("(mail.status = 'sending' AND mail.claimed_until < :now)", { now })
        .orderBy('mail.created_at', 'ASC')
        .limit(limit)
        .getMany()
    );
  }
}
