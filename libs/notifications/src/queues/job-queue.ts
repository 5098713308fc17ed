import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { QUEUE_OF_JOB, type JobDataOf } from './job-payloads';
import { JobName, QueueName } from './queue-names';
import { dropConnectionErrorsAfterClose } from './late-connection-errors';

/**
 * The typed way to add a job: the name picks the queue and the payload type. Always awaited by
 * callers, so a failed enqueue surfaces instead of being lost.
 */
@Injectable()
export class JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Mail) mail: Queue,
    @InjectQueue(QueueName.Notify) notify: Queue,
    @InjectQueue(QueueName.Reminders) reminders: Queue,
    @InjectQueue(QueueName.Housekeeping) housekeeping: Queue,
  ) {
    this.queues = {
      [QueueName.Mail]: mail,
      [QueueName.Notify]: notify,
      [QueueName.Reminders]: reminders,
      [QueueName.Housekeeping]: housekeeping,
    };
    Object.values(this.queues).forEach(dropConnectionErrorsAfterClose);
  }

  async add<N extends JobName>(name: N, data: JobDataOf<N>, options: JobsOptions & { jobId: string }): Promise<void> {
    await this.queues[QUEUE_OF_JOB[name]].add(name, data, options);
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /** Waiting, delayed, active and failed counts per queue, for health and dashboards. */
  async counts(): Promise<Record<string, Record<string, number>>> {
    const entries = await Promise.all(
      Object.entries(this.queues).map(
        async ([name, queue]) => [name, await queue.getJobCounts('waiting', 'delayed', 'active', 'failed')] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
}
