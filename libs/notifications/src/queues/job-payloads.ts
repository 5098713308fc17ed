import { JobName, QueueName } from './queue-names';

/**
 * Every job's payload, as one discriminated union. Payloads hold ids, never personal data:
 * the processor loads what it needs, and skips the job if the row has gone.
 */
export type JobPayload =
  | { name: JobName.SendMail; queue: QueueName.Mail; data: { mailMessageId: string } }
  | { name: JobName.RequeueStrandedMail; queue: QueueName.Housekeeping; data: Record<string, never> }
  | { name: JobName.Retention; queue: QueueName.Housekeeping; data: Record<string, never> }
  | { name: JobName.AskThemeEvaluations; queue: QueueName.Housekeeping; data: Record<string, never> }
  | { name: JobName.SyncSchoolCalendarFeeds; queue: QueueName.Housekeeping; data: Record<string, never> }
  | { name: JobName.SyncSchoolCalendarFeed; queue: QueueName.Housekeeping; data: { schoolId: string } }
  | {
      name: JobName.NotifyAppointmentChanged;
      queue: QueueName.Notify;
      data: AppointmentChangedPayload & { outboxId: string };
    }
  | { name: JobName.PlanReminders; queue: QueueName.Reminders; data: { appointmentId: string; version: number } }
  | { name: JobName.SendReminder; queue: QueueName.Reminders; data: ReminderPayload };

/**
 * One reminder: for this person, about this version of the appointment, `offsetKey` before it
 * (e.g. `24h`, `1d@1600`). `dueAt` (ISO) is for the log and lateness figures; the processor
 * decides from the database.
 */
export interface ReminderPayload {
  appointmentId: string;
  personId: string;
  offsetKey: string;
  version: number;
  dueAt: string;
}

/**
 * An appointment changed in a way that matters to its participants (created, moved, retitled,
 * relocated, cancelled, participants added or removed). Written to the outbox in the change's
 * transaction; `version` is the appointment's version after the change. `added` and `removed`
 * are person ids, for the log; the notify processor decides from the database, not from them.
 */
export interface AppointmentChangedPayload {
  appointmentId: string;
  version: number;
  added: string[];
  removed: string[];
}

export type JobOf<N extends JobName> = Extract<JobPayload, { name: N }>;
export type JobDataOf<N extends JobName> = JobOf<N>['data'];

/** Which queue a job goes to, so a job can never be added to the wrong one. */
export const QUEUE_OF_JOB: { readonly [N in JobName]: JobOf<N>['queue'] } = {
  [JobName.SendMail]: QueueName.Mail,
  [JobName.RequeueStrandedMail]: QueueName.Housekeeping,
  [JobName.Retention]: QueueName.Housekeeping,
  [JobName.AskThemeEvaluations]: QueueName.Housekeeping,
  [JobName.SyncSchoolCalendarFeeds]: QueueName.Housekeeping,
  [JobName.SyncSchoolCalendarFeed]: QueueName.Housekeeping,
  [JobName.NotifyAppointmentChanged]: QueueName.Notify,
  [JobName.PlanReminders]: QueueName.Reminders,
  [JobName.SendReminder]: QueueName.Reminders,
};

/**
 * Deterministic job ids: a duplicate enqueue of the same work is a no-op in BullMQ.
 * BullMQ refuses ":" in custom ids, so the parts are joined with ".".
 */
export const jobId = {
  sendMail: (mailMessageId: string): string => `mail.${mailMessageId}`,
  /** One job per outbox row: a relay that runs twice for the same row adds nothing new. */
  fromOutbox: (outboxId: string): string => `notify.${outboxId}`,
  /** One planning per appointment version. */
  planReminders: (appointmentId: string, version: number): string => `reminders-plan.${appointmentId}.v${version}`,
  /** One sync per request (`requestedAt` in ms), so a second press queues a second sync. */
  syncSchoolCalendarFeed: (schoolId: string, requestedAt: number): string =>
    `school-calendar-feed.${schoolId}.${requestedAt}`,
  /** `offsetKey` must not contain ":" (keys like `1d@1600` drop it). */
  reminder: (reminder: Pick<ReminderPayload, 'appointmentId' | 'personId' | 'offsetKey' | 'version'>): string =>
    `reminder.${reminder.appointmentId}.${reminder.personId}.${reminder.offsetKey}.v${reminder.version}`,
};
