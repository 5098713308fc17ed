import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { jobId } from '../queues/job-payloads';
import { JobQueue } from '../queues/job-queue';
import { JobName, QueueName } from '../queues/queue-names';
import type { MailMessage } from './mail-message.entity';
import { MailMessageRepository, type MailDraft } from './mail-message.repository';
import { MailSender } from './mail-sender';

/**
 * What `sendNow` did: `sent`; `failed` (refused for good, recorded); `retrying` (a transient
 * failure: the mail is `queued` again and its send job retries it with backoff); `skipped` (a
 * mail with this dedupe key existed already: sent, failed, queued with its own job, or being sent).
 */
export type SendNowOutcome = 'sent' | 'failed' | 'retrying' | 'skipped';

/** The first retry of a mail `sendNow` could not send, as the mail queue's own backoff starts. */
const SEND_NOW_RETRY_DELAY_MS = 2_000;

/**
 * Stores a rendered mail and puts its send job on the queue. The row is the truth: if the
 * enqueue fails (Redis down), the mail stays `queued` and the housekeeping sweep queues it later.
 */
@Injectable()
export class MailDispatcher {
  private readonly logger = new Logger('MailDispatcher');

  constructor(
    private readonly messages: MailMessageRepository,
    private readonly jobs: JobQueue,
    private readonly sender: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores the mail (once per dedupe key). Call `enqueue` after the surrounding transaction commits. */
  store(draft: MailDraft, manager?: EntityManager): Promise<MailMessage> {
    return this.messages.insertOnce(draft, new URL(this.config.publicUrl).hostname, manager);
  }

  /**
   * Which of these dedupe keys have a mail that was sent or is still on its way (not `failed`):
   * the sent-log's answer to "did this person get that mail?".
   */
  liveKeys(keys: string[], manager?: EntityManager): Promise<Set<string>> {
    return this.messages.liveKeys(keys, manager);
  }

  /**
   * Stores the mail and sends it at once, in the caller (e.g. a reminder job), instead of queueing
   * a send job: the row is written already claimed (one statement, shared with the calls running
   * side by side), handed to the mail server, and marked sent. The guarantees are those of the
   * mail queue: once per dedupe key, a claim before the send, a permanent refusal recorded as
   * `failed`. On a transient failure the claim is given back and the mail goes to the mail queue,
   * which retries it with backoff; if even that enqueue fails, the housekeeping sweep finds it.
   */
  async sendNow(draft: MailDraft): Promise<SendNowOutcome> {
    const { message, claimed } = await this.messages.insertClaimed(
      draft,
      new URL(this.config.publicUrl).hostname,
      this.sender.leaseUntil(),
    );
    if (!claimed) {
      // A repeated job. A mail still queued (a transient failure earlier) has, or gets, its own job.
      if (message.status === 'queued') {
        await this.enqueue(message);
      }
      return 'skipped';
    }
    try {
      await this.sender.deliver(message);
      return 'sent';
    } catch (error) {
      if (error instanceof UnrecoverableError) {
        return 'failed';
      }
      this.logger.warn({ mailMessageId: message.id, err: error }, 'mail not sent now; the mail queue retries it');
      await this.enqueue(message, false, SEND_NOW_RETRY_DELAY_MS);
      return 'retrying';
    }
  }

  /**
   * Queues the send job; returns false (and leaves the row for the sweep) when Redis is
   * unreachable. The job id is the mail's, so queueing a mail whose job is waiting, delayed for
   * a retry or running is a no-op. `replaceFinished` also replaces a job that already ended
   * (the sweep uses it for a mail that is still unsent after its job ended).
   */
  async enqueue(message: Pick<MailMessage, 'id'>, replaceFinished = false, delayMs = 0): Promise<boolean> {
    const id = jobId.sendMail(message.id);
    try {
      if (replaceFinished) {
        const previous = await this.jobs.queue(QueueName.Mail).getJob(id);
        const state = previous ? await previous.getState() : undefined;
        if (previous && (state === 'completed' || state === 'failed')) {
          await previous.remove();
        }
      }
      await this.jobs.add(
        JobName.SendMail,
        { mailMessageId: message.id },
        { jobId: id, ...(delayMs > 0 ? { delay: delayMs } : {}) },
      );
      return true;
    } catch (error) {
      this.logger.warn({ mailMessageId: message.id, err: error }, 'could not queue mail; the sweep will retry');
      return false;
    }
  }

  async dispatch(draft: MailDraft): Promise<MailMessage> {
    const message = await this.store(draft);
    if (message.status === 'queued') {
      await this.enqueue(message);
    }
    return message;
  }

  /** Re-queues mails that should be on the queue but may have been lost. Returns how many. */
  async requeueStranded(now = new Date(), limit = 500): Promise<number> {
    const stranded = await this.messages.findStranded(60, now, limit);
    let queued = 0;
    for (const message of stranded) {
      if (await this.enqueue(message, true)) {
        queued += 1;
      }
    }
    return queued;
  }
}
