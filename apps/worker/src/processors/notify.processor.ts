import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { JobName, QueueName, type JobDataOf } from '@leerkring/notifications';
import { AppointmentNotifier, ReminderScheduler, type NotifyOutcome } from '@leerkring/scheduling';

/**
 * Decides who gets which mail about a changed appointment, and stores and queues those mails;
 * then asks for its reminders to be planned again.
 */
@Processor(QueueName.Notify)
export class NotifyProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly notifier: AppointmentNotifier,
    private readonly reminders: ReminderScheduler,
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
    return outcome;
  }
}
