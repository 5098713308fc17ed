import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { jobId } from '../queues/job-payloads';
import { JobQueue } from '../queues/job-queue';
import { JobName, QueueName } from '../queues/queue-names';
import type { MailMessage } from './mail-message.entity';
import { MailMessageRepository, type MailDraft } from './mail-message.repository';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores the mail (once per dedupe key). Call `enqueue` after the surrounding transaction commits. */
  store(draft: MailDraft, manager?: EntityManager): Promise<MailMessage> {
    return this.messages.insertOnce(draft, new URL(this.config.publicUrl).hostname, manager);
  }

  /**
   * Queues the send job; returns false (and leaves the row for the sweep) when Redis is
   * unreachable. The job id is the mail's, so queueing a mail whose job is waiting, delayed for
   * a retry or running is a no-op. `replaceFinished` also replaces a job that already ended
   * (the sweep uses it for a mail that is still unsent after its job ended).
   */
  async enqueue(message: Pick<MailMessage, 'id'>, replaceFinished = false): Promise<boolean> {
    const id = jobId.sendMail(message.id);
    try {
      if (replaceFinished) {
        const previous = await this.jobs.queue(QueueName.Mail).getJob(id);
        const state = previous ? await previous.getState() : undefined;
        if (previous && (state === 'completed' || state === 'failed')) {
          await previous.remove();
        }
      }
      await this.jobs.add(JobName.SendMail, { mailMessageId: message.id }, { jobId: id });
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
