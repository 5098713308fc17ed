import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type EntityManager, type Repository } from 'typeorm';
import { MailMessage } from './mail-message.entity';

export type MailDraft = Pick<
  MailMessage,
  'dedupeKey' | 'kind' | 'recipientPersonId' | 'toAddress' | 'subject' | 'bodyText' | 'bodyHtml' | 'ics' | 'icsMethod'
>;

/** The only code that reads or writes `mail_message`. */
@Injectable()
export class MailMessageRepository {
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

  async markSent(id: string, sentAt: Date): Promise<void> {
    await this.repository.update({ id }, { status: 'sent', sentAt, claimedUntil: null, lastError: null });
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
