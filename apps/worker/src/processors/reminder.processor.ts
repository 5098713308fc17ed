import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, Metrics, type AppConfig } from '@leerkring/core';
import { JobName, QueueName, type JobDataOf } from '@leerkring/notifications';
import { ReminderScheduler, ReminderSender, type PlanOutcome, type ReminderOutcome } from '@leerkring/scheduling';

/**
 * Reminder jobs at once, per WORKER_CONCURRENCY. A reminder job spends most of its time waiting:
 * on its batched reads and writes (which are shared by the jobs running side by side, so more
 * jobs make fuller batches) and on the SMTP pool (SMTP_MAX_CONNECTIONS paces the sending).
 * 10 × 5 = 50: bench:reminder-fanout, docs/benchmarks.md.
 */
const REMINDER_CONCURRENCY_FACTOR = 10;

type ReminderJob = Job<JobDataOf<JobName.PlanReminders>> | Job<JobDataOf<JobName.SendReminder>>;

/**
 * Plans an appointment's reminders (after the notify pipeline has mailed a change) and sends
 * each reminder when its delay ends. On start it rebuilds the reminders of every upcoming
 * appointment, in case Redis lost them; deterministic job ids make that harmless.
 */
@Processor(QueueName.Reminders)
export class ReminderProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReminderProcessor');
  private rebuilding?: Promise<void>;

  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly sender: ReminderSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency * REMINDER_CONCURRENCY_FACTOR;
    // In the background, so a large rebuild does not hold up the worker's start.
    this.rebuilding = this.scheduler.rebuild().then(
      () => undefined,
      (error: Error) => this.logger.warn(`reminders not rebuilt on start: ${error.message}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.rebuilding;
  }

  async process(job: ReminderJob): Promise<PlanOutcome | ReminderOutcome> {
    switch (job.name as JobName) {
      case JobName.PlanReminders:
        return this.scheduler.plan((job as Job<JobDataOf<JobName.PlanReminders>>).data.appointmentId);
      case JobName.SendReminder:
        this.metrics.reminderLateness.observe(Math.max(0, Date.now() - job.timestamp - (job.opts.delay ?? 0)) / 1000);
        return this.sender.send((job as Job<JobDataOf<JobName.SendReminder>>).data);
      default:
        throw new Error(`ReminderProcessor has no handler for job "${job.name}"`);
    }
  }
}
