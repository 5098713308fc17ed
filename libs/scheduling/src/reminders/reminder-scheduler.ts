import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import { JobName, JobQueue, QueueName, jobId, type ReminderPayload } from '@leerkring/notifications';
import type { Person } from '@leerkring/people';
import type { Appointment, AppointmentParticipant } from '../appointments/appointment.entity';
import { ReminderOffsets, upcomingReminders } from './reminder-offsets';
import { RemindersRepository, type UpcomingCursor } from './reminders.repository';

/** Appointments a rebuild plans side by side: each planning is a few reads and Redis calls. */
const REBUILD_PARALLEL = 8;

export interface PlanOutcome {
  added: number;
  removed: number;
}

/** Whether this participant should be reminded of this appointment at all (checked again at send time). */
export function wantsReminder(
  appointment: Pick<Appointment, 'status'>,
  participant: Pick<AppointmentParticipant, 'removedAt' | 'rsvp'> | null,
  person: Pick<Person, 'active' | 'email' | 'remindersEnabled'> | null | undefined,
): boolean {
  return (
    appointment.status === 'scheduled' &&
    participant !== null &&
    participant.removedAt === null &&
    participant.rsvp !== 'declined' &&
    person !== null &&
    person !== undefined &&
    person.active &&
    person.remindersEnabled &&
    !person.email.endsWith('@invalid')
  );
}

/**
 * Keeps an appointment's delayed reminder jobs in step with the database. Job ids are
 * deterministic (`reminder.{appointment}.{person}.{offset}.v{version}`), so planning twice adds
 * nothing, and the jobs of older versions can be found and removed without scanning the queue.
 * Whatever slips through (a job already running, an offset no longer configured) is dropped by
 * the send-time check.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger('ReminderScheduler');
  readonly offsets: ReminderOffsets;

  constructor(
    private readonly repository: RemindersRepository,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.offsets = new ReminderOffsets(config.reminders.offsets);
  }

  /** Queues the planning of a version's reminders (from the notify pipeline, after its mails). */
  async requestPlan(appointmentId: string, version: number): Promise<void> {
    await this.jobs.add(
      JobName.PlanReminders,
      { appointmentId, version },
      { jobId: jobId.planReminders(appointmentId, version) },
    );
  }

  /** Replaces the appointment's reminder jobs with those its current state calls for. */
  async plan(appointmentId: string, now = new Date()): Promise<PlanOutcome> {
    const appointment = await this.repository.appointment(appointmentId);
    if (!appointment) {
      return { added: 0, removed: 0 };
    }
    const participants = await this.repository.participants(appointment.id);
    const people = new Map((await this.repository.people(participants.map((p) => p.personId))).map((p) => [p.id, p]));
    const offsets = this.offsets.for(appointment.kind);
    const due = upcomingReminders(appointment.startsAt, appointment.zone, offsets, now);

    const wanted = new Map<string, ReminderPayload>();
    for (const participant of participants) {
      if (!wantsReminder(appointment, participant, people.get(participant.personId))) {
        continue;
      }
      for (const { offset, dueAt } of due) {
        const payload: ReminderPayload = {
          appointmentId: appointment.id,
          personId: participant.personId,
          offsetKey: offset.key,
          version: appointment.version,
          dueAt: dueAt.toISOString(),
        };
        wanted.set(jobId.reminder(payload), payload);
      }
    }

    // Every id this appointment could have had for these offsets, at this or an earlier version.
    const stale: string[] = [];
    for (let version = 0; version <= appointment.version; version += 1) {
      for (const participant of participants) {
        for (const offset of offsets) {
          const id = jobId.reminder({ ...participant, offsetKey: offset.key, version });
          if (!wanted.has(id)) {
            stale.push(id);
          }
        }
      }
    }
    const queue = this.jobs.queue(QueueName.Reminders);
    const removed = (await Promise.all(stale.map((id) => queue.remove(id)))).filter((count) => count > 0).length;
    await Promise.all(
      [...wanted].map(([id, payload]) =>
        this.jobs.add(JobName.SendReminder, payload, {
          jobId: id,
          delay: Math.max(0, new Date(payload.dueAt).getTime() - now.getTime()),
          attempts: 5,
        }),
      ),
    );
    this.logger.debug(
      { appointmentId, version: appointment.version, wanted: wanted.size, removed },
      'reminders planned',
    );
    return { added: wanted.size, removed };
  }

  /**
   * Plans every upcoming appointment again, e.g. after Redis lost its data: soonest first, a few
   * at a time, each against the clock of its own planning (a long rebuild must not push the later
   * ones' delays back by its own duration). Idempotent: jobs that are still there keep their ids,
   * reminders already sent keep their mail's dedupe key.
   */
  async rebuild(now = new Date(), pageSize = 200): Promise<{ appointments: number; reminders: number }> {
    let after: UpcomingCursor | null = null;
    let appointments = 0;
    let reminders = 0;
    for (;;) {
      const page = await this.repository.upcoming(now, after, pageSize);
      if (page.length === 0) {
        break;
      }
      for (let from = 0; from < page.length; from += REBUILD_PARALLEL) {
        const outcomes = await Promise.all(
          page.slice(from, from + REBUILD_PARALLEL).map(({ id }) => this.plan(id, new Date())),
        );
        reminders += outcomes.reduce((sum, outcome) => sum + outcome.added, 0);
      }
      appointments += page.length;
      after = page[page.length - 1];
    }
    this.logger.log({ appointments, reminders }, 'reminders rebuilt');
    return { appointments, reminders };
  }
}
