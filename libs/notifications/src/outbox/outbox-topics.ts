import type { AppointmentChangedPayload } from '../queues/job-payloads';
import { JobName } from '../queues/queue-names';

/**
 * Outbox topics and the job each becomes. FROZEN like the queue names: topics are stored in
 * the `outbox` table, so a rename strands unrelayed rows.
 */
export enum OutboxTopic {
  AppointmentChanged = 'appointment.changed',
}

export interface OutboxPayloads {
  [OutboxTopic.AppointmentChanged]: AppointmentChangedPayload;
}

export type OutboxPayloadOf<T extends OutboxTopic> = OutboxPayloads[T];

/** The job an outbox row of each topic becomes; its data is the payload plus the row's id. */
export const JOB_OF_TOPIC = {
  [OutboxTopic.AppointmentChanged]: JobName.NotifyAppointmentChanged,
} as const satisfies Record<OutboxTopic, JobName>;
