import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobQueue, MailDispatcher, OutboxRelay, QueueName } from '@leerkring/notifications';
import { Retention, SchoolCalendarFeeds } from '@leerkring/people';
import { EvaluationLinks } from '@leerkring/theme-meetings';

const REQUEUE_EVERY_MS = 60_000;
/**
 * An outbox row relayed this long ago and not handled, whose notify job Redis no longer has, is
 * relayed again. Well above the time between relaying a row and its job's start.
 */
const OUTBOX_LOST_AFTER_S = 300;
/** Retention runs every night at 03:30 Amsterdam time. */
const RETENTION_CRON = { pattern: '30 3 * * *', tz: 'Europe/Amsterdam' };
/** Evaluation links go out within this long after a theme meeting ends (or its attendance is marked). */
const ASK_EVALUATIONS_EVERY_MS = 5 * 60_000;
/** School calendar feeds (an .ics URL an admin set) are fetched again this often. */
const SYNC_CALENDAR_FEEDS_EVERY_MS = 6 * 3600_000;
/** The schedule lives in Redis; re-stating it now and then restores it if Redis lost it. */
const RESTATE_SCHEDULE_EVERY_MS = 5 * 60_000;

/** Periodic upkeep. Scheduled with a BullMQ job scheduler, so several workers run it once. */
@Processor(QueueName.Housekeeping)
export class HousekeepingProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly mail: MailDispatcher,
    private readonly jobs: JobQueue,
    private readonly retention: Retention,
    private readonly outbox: OutboxRelay,
    private readonly evaluations: EvaluationLinks,
    private readonly calendarFeeds: SchoolCalendarFeeds,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.stateSchedule();
    // One sweep now: a worker (re)starting after an outage picks up what was stranded meanwhile.
    await this.jobs.queue(QueueName.Housekeeping).add(JobName.RequeueStrandedMail, {});
    await this.jobs.queue(QueueName.Housekeeping).add(JobName.AskThemeEvaluations, {});
    this.timer = setInterval(() => {
      this.stateSchedule().catch((error: Error) => this.logger.warn(`schedule not restated: ${error.message}`));
    }, RESTATE_SCHEDULE_EVERY_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async stateSchedule(): Promise<void> {
    await this.jobs
      .queue(QueueName.Housekeeping)
      .upsertJobScheduler(
        JobName.RequeueStrandedMail,
        { every: REQUEUE_EVERY_MS },
        { name: JobName.RequeueStrandedMail, data: {} },
      );
    await this.jobs
      .queue(QueueName.Housekeeping)
      .upsertJobScheduler(
        JobName.AskThemeEvaluations,
        { every: ASK_EVALUATIONS_EVERY_MS },
        { name: JobName.AskThemeEvaluations, data: {} },
      );
    await this.jobs
      .queue(QueueName.Housekeeping)
      .upsertJobScheduler(
        JobName.SyncSchoolCalendarFeeds,
        { every: SYNC_CALENDAR_FEEDS_EVERY_MS },
        { name: JobName.SyncSchoolCalendarFeeds, data: {} },
      );
    await this.jobs
      .queue(QueueName.Housekeeping)
      .upsertJobScheduler(JobName.Retention, RETENTION_CRON, { name: JobName.Retention, data: {} });
  }

  async process(job: Job): Promise<number> {
    switch (job.name as JobName) {
      case JobName.RequeueStrandedMail: {
        const requeued = await this.mail.requeueStranded();
        if (requeued > 0) {
          this.logger.log({ requeued }, 'stranded mails queued again');
        }
        // Notify jobs Redis lost after their outbox rows were relayed.
        const relayed = await this.outbox.relayLost(OUTBOX_LOST_AFTER_S);
        if (relayed > 0) {
          this.logger.warn({ relayed }, 'outbox rows whose notify job was lost relayed again');
        }
        return requeued + relayed;
      }
      case JobName.AskThemeEvaluations:
        return this.evaluations.sendDue();
      case JobName.SyncSchoolCalendarFeeds:
        // Fetch failures are recorded per feed and keep the feed's study days; they never fail the job.
        return this.calendarFeeds.syncAll();
      case JobName.SyncSchoolCalendarFeed: {
        const { schoolId } = job.data as { schoolId: string };
        return (await this.calendarFeeds.sync(schoolId)) ? 1 : 0;
      }
      case JobName.Retention: {
        const touched = await this.retention.run();
        this.logger.log({ touched }, 'retention applied');
        return Object.values(touched).reduce((sum, count) => sum + count, 0);
      }
      default:
        throw new Error(`Housekeeping has no handler for job "${job.name}"`);
    }
  }
}
