import { JobName, QueueName } from './queue-names';

/**
 * Every job's payload, as one discriminated union. Payloads hold ids, never personal data:
 * the processor loads what it needs, and skips the job if the row has gone.
 */
export type JobPayload =
  | { name: JobName.SendMail; queue: QueueName.Mail; data: { mailMessageId: string } }
  | { name: JobName.RequeueStrandedMail; queue: QueueName.Housekeeping; data: Record<string, never> }
  | { name: JobName.Retention; queue: QueueName.Housekeeping; data: Record<string, never> };

export type JobOf<N extends JobName> = Extract<JobPayload, { name: N }>;
export type JobDataOf<N extends JobName> = JobOf<N>['data'];

/** Which queue a job goes to, so a job can never be added to the wrong one. */
export const QUEUE_OF_JOB: { readonly [N in JobName]: JobOf<N>['queue'] } = {
  [JobName.SendMail]: QueueName.Mail,
  [JobName.RequeueStrandedMail]: QueueName.Housekeeping,
  [JobName.Retention]: QueueName.Housekeeping,
};

/**
 * Deterministic job ids: a duplicate enqueue of the same work is a no-op in BullMQ.
 * BullMQ refuses ":" in custom ids, so the parts are joined with ".".
 */
export const jobId = {
  sendMail: (mailMessageId: string): string => `mail.${mailMessageId}`,
};
