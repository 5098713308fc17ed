import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, ApiException, type AppConfig } from '@leerkring/core';
import { Outbox, OutboxTopic } from '@leerkring/notifications';
import {
  Appointment,
  AppointmentParticipant,
  type AppointmentKind,
  type ParticipantRole,
} from '../appointments/appointment.entity';
import { AppointmentsRepository } from '../appointments/appointments.repository';
import { SchedulingRules, type RuleOptions, type RuleOutcome } from './scheduling-rules';

export const DEFAULT_ZONE = 'Europe/Amsterdam';
const MAX_DURATION_MS = 14 * 86_400_000;

export interface NewAppointment {
  /** Chosen by the caller when it must know the id before the insert (a domain row pointing at it). */
  id?: string;
  kind: AppointmentKind;
  title: string;
  description?: string | null;
  startsAt: Date;
  endsAt: Date;
  zone?: string;
  schoolId: string | null;
  room?: string;
  onlineUrl?: string | null;
  organizerPersonId: string;
  /** Everyone besides the organiser. */
  participants: ReadonlyArray<{ personId: string; role?: 'required' | 'optional' }>;
}

export interface AppointmentChanges {
  title?: string;
  description?: string | null;
  startsAt?: Date;
  endsAt?: Date;
  zone?: string;
  schoolId?: string | null;
  room?: string;
  onlineUrl?: string | null;
}

/** An appointment read with its row lock held, and all its participant rows (removed ones too). */
export interface LockedAppointment {
  appointment: Appointment;
  participants: AppointmentParticipant[];
}

export interface ChangeResult {
  /** False when nothing differed: no version bump, no mail. */
  changed: boolean;
  fields: string[];
  added: string[];
  removed: string[];
  outsideWorkingHours: string[];
}

const TIME_AND_PLACE: ReadonlyArray<keyof AppointmentChanges> = ['startsAt', 'endsAt', 'schoolId'];

/**
 * The one way every domain (meetings, coaching sessions, visits, intervision, theme meetings)
 * creates and changes appointments. Each method works inside the caller's transaction, so the
 * domain's own rows, the appointment, its outbox row and the caller's audit event commit
 * together. It checks the scheduling rules, bumps the version when a change matters to
 * participants, and announces it to the notifier through the outbox. Use `transaction` to run
 * the work: it wakes the outbox relay after the commit.
 */
@Injectable()
export class AppointmentPlanner {
  constructor(
    private readonly repository: AppointmentsRepository,
    private readonly rules: SchedulingRules,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs `work` in one transaction; after a commit the outbox relay is woken (a no-op if nothing was written). */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.repository.transaction(work);
    this.outbox.wake();
    return result;
  }

  async plan(
    manager: EntityManager,
    input: NewAppointment,
    options: RuleOptions = {},
  ): Promise<{ appointment: Appointment; outcome: RuleOutcome }> {
    assertTimeRange(input.startsAt, input.endsAt);
    if (!input.schoolId && !input.onlineUrl) {
      throw ApiException.validation([{ field: 'schoolId', messages: ['give a schoolId, an onlineUrl, or both'] }]);
    }
    const invited = input.participants.filter((participant) => participant.personId !== input.organizerPersonId);
    if (new Set(invited.map((participant) => participant.personId)).size !== invited.length) {
      throw ApiException.validation([{ field: 'participants', messages: ['each person may appear once'] }]);
    }
    await this.assertSchool(manager, input.schoolId);
    const id = input.id ?? randomUUID();
    const appointment = manager.create(Appointment, {
      id,
      kind: input.kind,
      title: input.title,
      description: input.description?.trim() || null,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      zone: input.zone ?? DEFAULT_ZONE,
      schoolId: input.schoolId,
      room: input.room ?? '',
      onlineUrl: input.onlineUrl ?? null,
      status: 'scheduled',
      version: 0,
      contentVersion: 0,
      icalUid: `${id}@${new URL(this.config.publicUrl).hostname}`,
      organizerPersonId: input.organizerPersonId,
    });
    const participants = [
      participantRow(manager, id, input.organizerPersonId, 'organizer', 0),
      ...invited.map((participant) =>
        participantRow(manager, id, participant.personId, participant.role ?? 'required', 0),
      ),
    ];
    participants[0].rsvp = 'accepted'; // the organiser accepts their own appointment
    const outcome = await this.rules.check(
      manager,
      {
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
        schoolId: appointment.schoolId,
        room: appointment.room,
        zone: appointment.zone,
        personIds: participants.map((participant) => participant.personId),
      },
      options,
    );
    await this.repository.insert(manager, appointment, participants);
    await this.announce(
      manager,
      appointment,
      invited.map((participant) => participant.personId),
      [],
    );
    return { appointment, outcome };
  }

  /** Reads and locks the appointment: changes to one appointment queue up. Null when there is none. */
  async lock(manager: EntityManager, id: string): Promise<LockedAppointment | null> {
    const appointment = await this.repository.lock(manager, id);
    return appointment ? { appointment, participants: await this.repository.participants(manager, id) } : null;
  }

  /** Moves, retitles or relocates. Time and place changes are checked against the rules for everyone on it. */
  async update(
    manager: EntityManager,
    locked: LockedAppointment,
    changes: AppointmentChanges,
    options: RuleOptions = {},
  ): Promise<ChangeResult> {
    const { appointment } = locked;
    assertScheduled(appointment);
    const fields: string[] = [];
    for (const key of Object.keys(changes) as Array<keyof AppointmentChanges>) {
      const value = changes[key];
      if (value === undefined) {
        continue;
      }
      const current = appointment[key];
      const same =
        current instanceof Date && value instanceof Date ? current.getTime() === value.getTime() : current === value;
      if (!same) {
        Object.assign(appointment, { [key]: value });
        fields.push(key);
      }
    }
    assertTimeRange(appointment.startsAt, appointment.endsAt);
    if (!appointment.schoolId && !appointment.onlineUrl) {
      throw ApiException.validation([{ field: 'schoolId', messages: ['keep a schoolId, an onlineUrl, or both'] }]);
    }
    if (fields.includes('schoolId')) {
      await this.assertSchool(manager, appointment.schoolId);
    }
    let outsideWorkingHours: string[] = [];
    if (fields.some((field) => TIME_AND_PLACE.includes(field as keyof AppointmentChanges))) {
      ({ outsideWorkingHours } = await this.rules.check(
        manager,
        {
          id: appointment.id,
          startsAt: appointment.startsAt,
          endsAt: appointment.endsAt,
          schoolId: appointment.schoolId,
          room: appointment.room,
          zone: appointment.zone,
          personIds: active(locked.participants).map((participant) => participant.personId),
        },
        options,
      ));
    }
    return this.commit(manager, locked, { fields, added: [], removed: [], outsideWorkingHours });
  }

  async cancel(manager: EntityManager, locked: LockedAppointment): Promise<ChangeResult> {
    assertScheduled(locked.appointment);
    locked.appointment.status = 'cancelled';
    return this.commit(manager, locked, { fields: ['status'], added: [], removed: [], outsideWorkingHours: [] });
  }

  /**
   * Adds people (or re-adds removed ones). The new people are checked against the rules; by
   * default the notice rule is left out, since the appointment itself was planned already.
   */
  async addParticipants(
    manager: EntityManager,
    locked: LockedAppointment,
    people: ReadonlyArray<{ personId: string; role?: 'required' | 'optional' }>,
    options: RuleOptions = { skip: ['notice'] },
  ): Promise<ChangeResult> {
    const { appointment, participants } = locked;
    assertScheduled(appointment);
    const version = appointment.version + 1;
    const byPerson = new Map(participants.map((participant) => [participant.personId, participant]));
    const changed: AppointmentParticipant[] = [];
    for (const { personId, role = 'required' } of people) {
      const existing = byPerson.get(personId);
      if (existing && existing.removedAt === null) {
        continue; // already on it
      }
      const participant = existing ?? participantRow(manager, appointment.id, personId, role, version);
      Object.assign(participant, {
        role,
        rsvp: 'needs_action',
        rsvpAt: null,
        removedAt: null,
        removedVersion: null,
        addedVersion: version,
      });
      changed.push(participant);
      if (!existing) {
        participants.push(participant);
      }
    }
    let outsideWorkingHours: string[] = [];
    if (changed.length > 0) {
      ({ outsideWorkingHours } = await this.rules.check(
        manager,
        {
          id: appointment.id,
          startsAt: appointment.startsAt,
          endsAt: appointment.endsAt,
          schoolId: appointment.schoolId,
          room: appointment.room,
          zone: appointment.zone,
          personIds: changed.map((participant) => participant.personId),
        },
        options,
      ));
    }
    await this.repository.saveParticipants(manager, changed);
    return this.commit(manager, locked, {
      fields: [],
      added: changed.map((participant) => participant.personId),
      removed: [],
      outsideWorkingHours,
    });
  }

  /**
   * Adds people to a scheduled appointment without the planning rules and without reading its
   * participant list: for a theme meeting sign-up, where the meeting was planned already, a clash
   * is the person's own choice, and hundreds join the same session one by one. The same result as
   * `addParticipants` with every rule skipped: one version bump and one outbox row for those not
   * on it yet. False when the appointment is not there or not scheduled.
   */
  async join(manager: EntityManager, appointmentId: string, personIds: readonly string[]): Promise<boolean> {
    const locked = await this.repository.lockForJoining(manager, appointmentId, personIds);
    if (!locked) {
      return false;
    }
    const added = [...new Set(personIds)].filter((personId) => !locked.present.has(personId));
    if (added.length > 0) {
      const version = locked.version + 1;
      await this.repository.join(manager, appointmentId, added, version);
      await this.outbox.write(manager, OutboxTopic.AppointmentChanged, { appointmentId, version, added, removed: [] });
    }
    return true;
  }

  /** Removes people (softly: the notifier still sends them a cancellation). The organiser stays. */
  async removeParticipants(
    manager: EntityManager,
    locked: LockedAppointment,
    personIds: readonly string[],
  ): Promise<ChangeResult> {
    const { appointment, participants } = locked;
    assertScheduled(appointment);
    const version = appointment.version + 1;
    const removed = active(participants).filter(
      (participant) => personIds.includes(participant.personId) && participant.role !== 'organizer',
    );
    for (const participant of removed) {
      participant.removedAt = new Date();
      participant.removedVersion = version;
    }
    await this.repository.saveParticipants(manager, removed);
    return this.commit(manager, locked, {
      fields: [],
      added: [],
      removed: removed.map((participant) => participant.personId),
      outsideWorkingHours: [],
    });
  }

  private async commit(
    manager: EntityManager,
    { appointment }: LockedAppointment,
    change: Omit<ChangeResult, 'changed'>,
  ): Promise<ChangeResult> {
    if (change.fields.length === 0 && change.added.length === 0 && change.removed.length === 0) {
      return { ...change, changed: false };
    }
    appointment.version += 1;
    if (change.fields.length > 0) {
      appointment.contentVersion = appointment.version;
    }
    await this.repository.save(manager, appointment);
    await this.announce(manager, appointment, change.added, change.removed);
    return { ...change, changed: true };
  }

  private async announce(
    manager: EntityManager,
    appointment: Appointment,
    added: string[],
    removed: string[],
  ): Promise<void> {
    await this.outbox.write(manager, OutboxTopic.AppointmentChanged, {
      appointmentId: appointment.id,
      version: appointment.version,
      added,
      removed,
    });
  }

  private async assertSchool(manager: EntityManager, schoolId: string | null): Promise<void> {
    if (schoolId && !(await this.repository.school(manager, schoolId))) {
      throw ApiException.businessRule('unknown_school', 'The school does not exist');
    }
  }
}

export function active(participants: readonly AppointmentParticipant[]): AppointmentParticipant[] {
  return participants.filter((participant) => participant.removedAt === null);
}

function participantRow(
  manager: EntityManager,
  appointmentId: string,
  personId: string,
  role: ParticipantRole,
  version: number,
): AppointmentParticipant {
  return manager.create(AppointmentParticipant, {
    id: randomUUID(),
    appointmentId,
    personId,
    role,
    rsvp: 'needs_action',
    rsvpAt: null,
    addedVersion: version,
    removedAt: null,
    removedVersion: null,
  });
}

function assertScheduled(appointment: Appointment): void {
  if (appointment.status === 'cancelled') {
    throw ApiException.businessRule('appointment_cancelled', 'The appointment is cancelled', {
      detail: 'A cancelled appointment cannot be changed.',
    });
  }
}

function assertTimeRange(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw ApiException.validation([{ field: 'end', messages: ['end must be after start'] }]);
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) {
    throw ApiException.validation([{ field: 'end', messages: ['an appointment lasts at most 14 days'] }]);
  }
}
