import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { JobName, MailSender, QueueName, type JobDataOf, type SendOutcome } from '@leerkring/notifications';

/** Sends stored mails. Errors propagate, so BullMQ retries with backoff. */
@Processor(QueueName.Mail)
export class MailProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('MailProcessor');

  constructor(
    private readonly sender: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  async process(job: Job<JobDataOf<JobName.SendMail>>): Promise<SendOutcome> {
    if (job.name !== (JobName.SendMail as string)) {
      throw new Error(`MailProcessor has no handler for job "${job.name}"`);
    }
    return this.sender.send(job.data.mailMessageId);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<JobDataOf<JobName.SendMail>> | undefined, error: Error): Promise<void> {
    if (!job) {
      return;
    }
    const finalAttempt = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(
      { jobId: job.id, attempt: job.attemptsMade, final: finalAttempt },
      `mail job failed: ${error.name}`,
    );
    if (finalAttempt) {
      await this.sender.giveUp(job.data.mailMessageId, error.message);
    }
  }
}
