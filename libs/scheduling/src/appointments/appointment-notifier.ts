import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';
import {
  buildIcs,
  formatWallClockRange,
  MailDispatcher,
  renderAppointmentMail,
  type AppointmentChangedPayload,
  type AppointmentMailKind,
  type IcsAttendee,
  type IcsMethod,
  type MailLanguage,
  type MailMessage,
} from '@leerkring/notifications';
import { displayName, type Person } from '@leerkring/people';
import type { Appointment, AppointmentParticipant, RsvpState } from './appointment.entity';
import { appointmentIcsFields } from './appointment-ics';
import { AppointmentsRepository } from './appointments.repository';
import { signRsvpToken } from './rsvp-token';

export type NotifyOutcome =
  { kind: 'skipped'; reason: 'gone' | 'superseded' } | { kind: 'stored'; mails: number; queued: number };

interface Recipient {
  participant: AppointmentParticipant;
  person: Person;
  method: IcsMethod;
  mailKind: AppointmentMailKind;
  /** The version the mail is about; part of its dedupe key. */
  keyVersion: number;
}

const PARTSTAT: Record<RsvpState, IcsAttendee['partstat']> = {
  needs_action: 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
};

/** A person we can mail: active, and not erased (an erased person's address ends in `@invalid`). */
function reachable(person: Person | undefined): person is Person {
  return person !== undefined && person.active && !person.email.endsWith('@invalid');
}

/**
 * Turns an `appointment.changed` job into mails. Idempotent: it decides from the database as it
 * is now, not from the job, and every mail has a dedupe key
 * (`appointment.{id}.v{version}.{person}.{request|cancel}`), so a repeated job stores nothing new.
 * A job whose version has been passed is skipped: the newer change's job mails the newer state.
 *
 * Per participant (the organiser gets nothing about their own appointment):
 * - removed from it: a CANCEL, keyed by the version of the removal (once, whatever happens later);
 * - appointment cancelled: a CANCEL with STATUS:CANCELLED;
 *   (either CANCEL only if the sent-log has a REQUEST for them that was sent or is still to go:
 *   someone removed before any invitation went out gets nothing)
 * - otherwise a REQUEST with SEQUENCE = version: an invitation at the version they were added,
 *   an update after each later change of time, place, title or description. Adding or removing
 *   someone else mails them nothing (the attendee list in their calendar is left as it was).
 */
@Injectable()
export class AppointmentNotifier {
  private readonly logger = new Logger('AppointmentNotifier');

  constructor(
    private readonly repository: AppointmentsRepository,
    private readonly mail: MailDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notify(job: AppointmentChangedPayload, now = new Date()): Promise<NotifyOutcome> {
    const outcome = await this.repository.transaction(async (manager) => {
      const appointment = await this.repository.readShared(manager, job.appointmentId);
      if (!appointment) {
        return { kind: 'skipped', reason: 'gone' } as const;
      }
      if (appointment.version > job.version) {
        return { kind: 'skipped', reason: 'superseded' } as const;
      }
      const participants = await this.repository.participants(manager, appointment.id);
      const people = new Map(
        (
          await this.repository.people(manager, [
            appointment.organizerPersonId,
            ...participants.map((participant) => participant.personId),
          ])
        ).map((person) => [person.id, person]),
      );
      const school = await this.repository.school(manager, appointment.schoolId);
      const foundationName = await this.repository.foundationName(manager);
      const organizer = people.get(appointment.organizerPersonId);
      const organizerName = organizer ? displayName(organizer) : foundationName;
      const current = participants.filter((participant) => participant.removedAt === null);

      // A CANCEL only to those who were sent (or are still to be sent) a REQUEST: someone added
      // and removed (or cancelled on) before any invitation went out never saw one.
      const candidates = [...this.recipients(appointment, participants, people)];
      const requestKeys = (recipient: Recipient) =>
        Array.from(
          { length: recipient.keyVersion + 1 },
          (_, version) => `appointment.${appointment.id}.v${version}.${recipient.person.id}.request`,
        );
      const cancels = candidates.filter((recipient) => recipient.method === 'CANCEL');
      const requested = await this.mail.liveKeys(cancels.flatMap(requestKeys), manager);
      const stored: MailMessage[] = [];
      for (const recipient of candidates) {
        if (recipient.method === 'CANCEL' && !requestKeys(recipient).some((key) => requested.has(key))) {
          this.logger.log(
            { appointmentId: appointment.id, personId: recipient.person.id },
            'no CANCEL: no invitation was sent',
          );
          continue;
        }
        const { participant, person, method } = recipient;
        const language: MailLanguage = person.language === 'en' ? 'en' : 'nl';
        const requesting = method === 'REQUEST';
        const token = signRsvpToken(this.config.appSecret, {
          appointmentId: appointment.id,
          personId: person.id,
          version: appointment.version,
        });
        const rsvpUrl = `${this.config.publicUrl}/api/v1/rsvp/${token}`;
        const rendered = renderAppointmentMail(recipient.mailKind, language, {
          foundationName,
          recipientName: displayName(person),
          organizerName,
          title: appointment.title,
          description: appointment.description,
          when: formatWallClockRange(appointment.startsAt, appointment.endsAt, appointment.zone, language),
          schoolName: school?.name ?? null,
          room: appointment.room || null,
          onlineUrl: appointment.onlineUrl,
          others: current
            .filter((other) => other.personId !== person.id)
            .map((other) => people.get(other.personId))
            .filter(reachable)
            .map(displayName),
          acceptUrl: requesting ? `${rsvpUrl}?answer=accept` : null,
          declineUrl: requesting ? `${rsvpUrl}?answer=decline` : null,
        });
        const attendeeRows = participant.removedAt === null ? current : [participant];
        const ics = buildIcs({
          method,
          ...appointmentIcsFields(appointment, school?.name, {
            name: organizerName,
            email: organizer?.email ?? 'no-reply@leerkring.local',
          }),
          attendees: attendeeRows
            .filter((row) => row.role !== 'organizer')
            .map((row) => ({ row, person: people.get(row.personId) }))
            .filter((entry): entry is { row: AppointmentParticipant; person: Person } => reachable(entry.person))
            .map(({ row, person: attendee }) => ({
              name: displayName(attendee),
              email: attendee.email,
              required: row.role !== 'optional',
              partstat: PARTSTAT[row.rsvp],
            })),
          stamp: now,
          cancelled: method === 'CANCEL',
        });
        stored.push(
          await this.mail.store(
            {
              dedupeKey: `appointment.${appointment.id}.v${recipient.keyVersion}.${person.id}.${method.toLowerCase()}`,
              kind: recipient.mailKind,
              recipientPersonId: person.id,
              toAddress: person.email,
              subject: rendered.subject,
              bodyText: rendered.text,
              bodyHtml: rendered.html,
              ics,
              icsMethod: method,
            },
            manager,
          ),
        );
      }
      return { kind: 'stored', messages: stored } as const;
    });
    if (outcome.kind === 'skipped') {
      this.logger.log({ appointmentId: job.appointmentId, version: job.version, reason: outcome.reason }, 'skipped');
      return outcome;
    }
    let queued = 0;
    for (const message of outcome.messages) {
      if (message.status === 'queued' && (await this.mail.enqueue(message))) {
        queued += 1;
      }
    }
    return { kind: 'stored', mails: outcome.messages.length, queued };
  }

  private *recipients(
    appointment: Appointment,
    participants: AppointmentParticipant[],
    people: Map<string, Person>,
  ): Generator<Recipient> {
    for (const participant of participants) {
      const person = people.get(participant.personId);
      if (participant.role === 'organizer' || !reachable(person)) {
        continue;
      }
      if (participant.removedAt !== null) {
        if (participant.removedVersion !== null && participant.removedVersion <= appointment.version) {
          yield {
            participant,
            person,
            method: 'CANCEL',
            mailKind: 'cancellation',
            keyVersion: participant.removedVersion,
          };
        }
      } else if (appointment.status === 'cancelled') {
        yield { participant, person, method: 'CANCEL', mailKind: 'cancellation', keyVersion: appointment.version };
      } else {
        // Keyed by the later of their joining and the last change everyone sees: a version that
        // only added or removed someone else mails them nothing new.
        const keyVersion = Math.max(participant.addedVersion, appointment.contentVersion);
        yield {
          participant,
          person,
          method: 'REQUEST',
          mailKind: participant.addedVersion === keyVersion ? 'invitation' : 'update',
          keyVersion,
        };
      }
    }
  }
}
