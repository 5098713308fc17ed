import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { JobName, OutboxRelay, QueueName, type JobDataOf } from '@leerkring/notifications';
import { AppointmentNotifier, ReminderScheduler, type NotifyOutcome } from '@leerkring/scheduling';

/**
 * Decides who gets which mail about a changed appointment, and stores and queues those mails;
 * then asks for its reminders to be planned again, and records its outbox row as handled (a row
 * relayed but never handled, whose job Redis lost, is relayed again by the housekeeping sweep).
 */
@Processor(QueueName.Notify)
export class NotifyProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('NotifyProcessor');

  constructor(
    private readonly notifier: AppointmentNotifier,
    private readonly reminders: ReminderScheduler,
    private readonly outbox: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  async process(job: Job<JobDataOf<JobName.NotifyAppointmentChanged>>): Promise<NotifyOutcome> {
    if (job.name !== (JobName.NotifyAppointmentChanged as string)) {
      throw new Error(`NotifyProcessor has no handler for job "${job.name}"`);
    }
    const outcome = await this.notifier.notify(job.data);
    // After the mails: re-plan the appointment's reminders (its own job, so a retry of the
    // planning never re-runs the notifier).
    if (!(outcome.kind === 'skipped' && outcome.reason === 'gone')) {
      await this.reminders.requestPlan(job.data.appointmentId, job.data.version);
    }
    await this.outbox.markHandled(job.data.outboxId);
    return outcome;
  }

  /** A job given up on is handled too: it stays in BullMQ's failed list, and the sweep leaves it. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<JobDataOf<JobName.NotifyAppointmentChanged>> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) {
      return;
    }
    try {
      await this.outbox.markHandled(job.data.outboxId, `notify job failed: ${error.message}`);
    } catch (markError) {
      this.logger.warn(`outbox row ${job.data.outboxId} not marked handled: ${(markError as Error).message}`);
    }
  }
}
