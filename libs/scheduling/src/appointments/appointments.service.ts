import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, ApiException, ErrorCode, type AppConfig } from '@leerkring/core';
import { Outbox, OutboxTopic } from '@leerkring/notifications';
import { AccessPolicy, AuditLog, type Actor } from '@leerkring/people';
import { AppointmentConflicts } from './appointment-conflicts';
import {
  mapAppointment,
  type AddParticipantsDto,
  type AgendaQuery,
  type AgendaResponse,
  type AppointmentResponse,
  type CreateAppointmentDto,
  type UpdateAppointmentDto,
} from './appointment.dto';
import { Appointment, AppointmentParticipant, type ParticipantRole } from './appointment.entity';
import { AppointmentsRepository } from './appointments.repository';

const DEFAULT_ZONE = 'Europe/Amsterdam';
const MAX_DURATION_MS = 14 * 86_400_000;
const AGENDA_DEFAULT_DAYS = 90;
const AGENDA_LIMIT = 500;

/** Who called and how, for the audit log. */
export interface RequestContext {
  actor: Actor;
  requestId?: string | null;
}

type Change = { added: string[]; removed: string[]; fields: string[] };

/**
 * Appointments: create, change, cancel, participants. Every change runs in one transaction
 * that locks the appointment row, checks the caller's version, bumps the version when the
 * change matters to participants, and writes an outbox row (`appointment.changed`) and an
 * audit event in that same transaction. After the commit it wakes the outbox relay; it never
 * enqueues itself.
 *
 * Who may: a coach or admin creates; the organiser and admins change; the organiser, current
 * participants and admins read; for anyone else the appointment does not exist (404).
 */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly repository: AppointmentsRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly conflicts: AppointmentConflicts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create({ actor, requestId }: RequestContext, input: CreateAppointmentDto): Promise<AppointmentResponse> {
    if (!actor.isAdmin && !actor.roles.has('coach')) {
      throw new ApiException(403, ErrorCode.Forbidden, 'Only coaches and admins plan meetings');
    }
    const { startsAt, endsAt } = timeRange(input.start, input.end);
    if (!input.schoolId && !input.onlineUrl) {
      throw ApiException.validation([{ field: 'schoolId', messages: ['give a schoolId, an onlineUrl, or both'] }]);
    }
    const invited = input.participants.filter((participant) => participant.personId !== actor.personId);
    if (invited.length === 0) {
      throw ApiException.validation([
        { field: 'participants', messages: ['invite at least one person besides yourself'] },
      ]);
    }
    if (new Set(invited.map((participant) => participant.personId)).size !== invited.length) {
      throw ApiException.validation([{ field: 'participants', messages: ['each person may appear once'] }]);
    }
    await this.assertInvitable(
      actor,
      invited.map((participant) => participant.personId),
    );

    const id = randomUUID();
    const result = await this.repository.transaction(async (manager) => {
      await this.assertSchool(manager, input.schoolId ?? null);
      const appointment = manager.create(Appointment, {
        id,
        kind: input.kind ?? 'meeting',
        title: input.title,
        description: input.description?.trim() || null,
        startsAt,
        endsAt,
        zone: input.zone ?? DEFAULT_ZONE,
        schoolId: input.schoolId ?? null,
        room: input.room ?? '',
        onlineUrl: input.onlineUrl ?? null,
        status: 'scheduled',
        version: 0,
        icalUid: `${id}@${new URL(this.config.publicUrl).hostname}`,
        organizerPersonId: actor.personId,
      });
      const participants = [
        this.participant(manager, id, actor.personId, 'organizer', 0),
        ...invited.map((participant) =>
          this.participant(manager, id, participant.personId, participant.role ?? 'required', 0),
        ),
      ];
      // Organiser accepts their own meeting.
      participants[0].rsvp = 'accepted';
      await this.conflicts.assertFree(manager, {
        startsAt,
        endsAt,
        schoolId: appointment.schoolId,
        room: appointment.room,
        personIds: participants.map((participant) => participant.personId),
      });
      await this.repository.insert(manager, appointment, participants);
      await this.announce(manager, appointment, { added: invited.map((p) => p.personId), removed: [], fields: [] });
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'create',
          entityType: 'appointment',
          entityId: id,
          details: { kind: appointment.kind, participants: participants.length },
          requestId,
        },
        manager,
      );
      return mapAppointment(await this.repository.view(manager, appointment));
    });
    this.outbox.wake();
    return result;
  }

  async get(actor: Actor, id: string): Promise<AppointmentResponse> {
    const manager = this.repository.manager;
    const appointment = await this.repository.findById(id);
    const view = appointment ? await this.repository.view(manager, appointment) : null;
    if (!view || !canSee(actor, view.appointment, view.participants)) {
      throw ApiException.notFound('The appointment');
    }
    return mapAppointment(view);
  }

  async agenda(actor: Actor, query: AgendaQuery): Promise<AgendaResponse> {
    const from = query.from ? new Date(query.from) : new Date();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + AGENDA_DEFAULT_DAYS * 86_400_000);
    if (to <= from) {
      throw ApiException.validation([{ field: 'to', messages: ['to must be after from'] }]);
    }
    const appointments = await this.repository.agenda(actor.personId, from, to, AGENDA_LIMIT);
    const items: AppointmentResponse[] = [];
    for (const appointment of appointments) {
      items.push(mapAppointment(await this.repository.view(this.repository.manager, appointment)));
    }
    return { items };
  }

  /** Moves, retitles or relocates. Needs the version the caller saw. */
  async update(
    context: RequestContext,
    id: string,
    input: UpdateAppointmentDto,
    ifMatch?: number,
  ): Promise<AppointmentResponse> {
    const expected = input.version ?? ifMatch;
    if (expected === undefined) {
      throw ApiException.validation([
        { field: 'version', messages: ['send the version you last saw, in the body or as If-Match'] },
      ]);
    }
    return this.change(context, id, expected, async (manager, appointment, participants) => {
      const fields: string[] = [];
      const set = <K extends keyof Appointment>(key: K, value: Appointment[K]) => {
        const current = appointment[key];
        const same =
          current instanceof Date && value instanceof Date ? current.getTime() === value.getTime() : current === value;
        if (!same) {
          appointment[key] = value;
          fields.push(String(key));
        }
      };
      if (input.title !== undefined) {
        set('title', input.title);
      }
      if (input.description !== undefined) {
        set('description', input.description?.trim() || null);
      }
      if (input.start !== undefined || input.end !== undefined) {
        const { startsAt, endsAt } = timeRange(
          input.start ?? appointment.startsAt.toISOString(),
          input.end ?? appointment.endsAt.toISOString(),
        );
        set('startsAt', startsAt);
        set('endsAt', endsAt);
      }
      if (input.zone !== undefined) {
        set('zone', input.zone);
      }
      if (input.schoolId !== undefined) {
        await this.assertSchool(manager, input.schoolId);
        set('schoolId', input.schoolId);
      }
      if (input.room !== undefined) {
        set('room', input.room);
      }
      if (input.onlineUrl !== undefined) {
        set('onlineUrl', input.onlineUrl);
      }
      if (!appointment.schoolId && !appointment.onlineUrl) {
        throw ApiException.validation([{ field: 'schoolId', messages: ['keep a schoolId, an onlineUrl, or both'] }]);
      }
      if (fields.some((field) => ['startsAt', 'endsAt', 'schoolId', 'room'].includes(field))) {
        await this.conflicts.assertFree(manager, {
          id: appointment.id,
          startsAt: appointment.startsAt,
          endsAt: appointment.endsAt,
          schoolId: appointment.schoolId,
          room: appointment.room,
          personIds: active(participants).map((participant) => participant.personId),
        });
      }
      return { added: [], removed: [], fields };
    });
  }

  async cancel(context: RequestContext, id: string, expected?: number): Promise<AppointmentResponse> {
    return this.change(context, id, expected, async (_manager, appointment) => {
      appointment.status = 'cancelled';
      return { added: [], removed: [], fields: ['status'] };
    });
  }

  async addParticipants(
    context: RequestContext,
    id: string,
    input: AddParticipantsDto,
    ifMatch?: number,
  ): Promise<AppointmentResponse> {
    const personIds = input.participants.map((participant) => participant.personId);
    await this.assertInvitable(context.actor, personIds);
    return this.change(context, id, input.version ?? ifMatch, async (manager, appointment, participants, version) => {
      const byPerson = new Map(participants.map((participant) => [participant.personId, participant]));
      const changed: AppointmentParticipant[] = [];
      for (const { personId, role = 'required' } of input.participants) {
        const existing = byPerson.get(personId);
        if (existing && existing.removedAt === null) {
          continue; // already on it: nothing to do
        }
        const participant = existing ?? this.participant(manager, appointment.id, personId, role, version);
        Object.assign(participant, {
          role,
          rsvp: 'needs_action',
          rsvpAt: null,
          removedAt: null,
          removedVersion: null,
          addedVersion: version,
        });
        changed.push(participant);
      }
      if (changed.length > 0) {
        await this.conflicts.assertFree(manager, {
          id: appointment.id,
          startsAt: appointment.startsAt,
          endsAt: appointment.endsAt,
          schoolId: appointment.schoolId,
          room: appointment.room,
          personIds: [...active(participants), ...changed].map((participant) => participant.personId),
        });
      }
      await this.repository.saveParticipants(manager, changed);
      return { added: changed.map((participant) => participant.personId), removed: [], fields: [] };
    });
  }

  async removeParticipant(
    context: RequestContext,
    id: string,
    personId: string,
    expected?: number,
  ): Promise<AppointmentResponse> {
    return this.change(context, id, expected, async (manager, appointment, participants, version) => {
      const participant = participants.find((row) => row.personId === personId && row.removedAt === null);
      if (!participant) {
        throw ApiException.notFound('The participant');
      }
      if (participant.role === 'organizer') {
        throw ApiException.businessRule('cannot_remove_organizer', 'The organiser cannot be removed', {
          detail: 'Cancel the appointment instead.',
        });
      }
      participant.removedAt = new Date();
      participant.removedVersion = version;
      await this.repository.saveParticipants(manager, [participant]);
      return { added: [], removed: [personId], fields: [] };
    });
  }

  /**
   * The frame of every change: lock, look, check the version, apply, bump, announce, audit.
   * `apply` gets the version the change will make; a change that alters nothing commits
   * nothing and mails nobody.
   */
  private async change(
    { actor, requestId }: RequestContext,
    id: string,
    expected: number | undefined,
    apply: (
      manager: EntityManager,
      appointment: Appointment,
      participants: AppointmentParticipant[],
      nextVersion: number,
    ) => Promise<Change>,
  ): Promise<AppointmentResponse> {
    let announced = false;
    const result = await this.repository.transaction(async (manager) => {
      const appointment = await this.repository.lock(manager, id);
      const participants = appointment ? await this.repository.participants(manager, id) : [];
      if (!appointment || !canSee(actor, appointment, participants)) {
        throw ApiException.notFound('The appointment');
      }
      if (!actor.isAdmin && appointment.organizerPersonId !== actor.personId) {
        throw new ApiException(403, ErrorCode.Forbidden, 'Only the organiser or an admin may change this appointment');
      }
      if (expected !== undefined && expected !== appointment.version) {
        throw ApiException.conflict(ErrorCode.StaleVersion, 'The appointment has changed since you read it', {
          detail: `You sent version ${expected}; it is now at version ${appointment.version}. Read it again and retry.`,
          extensions: { currentVersion: appointment.version },
        });
      }
      if (appointment.status === 'cancelled') {
        throw ApiException.businessRule('appointment_cancelled', 'The appointment is cancelled', {
          detail: 'A cancelled appointment cannot be changed.',
        });
      }
      const change = await apply(manager, appointment, participants, appointment.version + 1);
      const cancelled = change.fields.includes('status');
      if (change.fields.length === 0 && change.added.length === 0 && change.removed.length === 0) {
        return mapAppointment(await this.repository.view(manager, appointment));
      }
      appointment.version += 1;
      await this.repository.save(manager, appointment);
      await this.announce(manager, appointment, change);
      announced = true;
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: cancelled ? 'cancel' : 'update',
          entityType: 'appointment',
          entityId: appointment.id,
          details: { version: appointment.version, ...change },
          requestId,
        },
        manager,
      );
      return mapAppointment(await this.repository.view(manager, appointment));
    });
    if (announced) {
      this.outbox.wake();
    }
    return result;
  }

  private announce(manager: EntityManager, appointment: Appointment, change: Change): Promise<string> {
    return this.outbox.write(manager, OutboxTopic.AppointmentChanged, {
      appointmentId: appointment.id,
      version: appointment.version,
      added: change.added,
      removed: change.removed,
    });
  }

  private participant(
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

  /** Only active people the caller may see can be invited; others are refused as unknown. */
  private async assertInvitable(actor: Actor, personIds: string[]): Promise<void> {
    const people = await this.repository.people(this.repository.manager, personIds);
    const activeIds = new Set(people.filter((person) => person.active).map((person) => person.id));
    const unknown: string[] = [];
    for (const personId of personIds) {
      if (!activeIds.has(personId) || !(await this.policy.canSeePerson(actor, personId))) {
        unknown.push(personId);
      }
    }
    if (unknown.length > 0) {
      throw ApiException.businessRule('unknown_participant', 'Some participants cannot be invited', {
        detail: `${unknown.length} person(s) do not exist, are not active, or are not visible to you.`,
        extensions: { personIds: unknown },
      });
    }
  }

  private async assertSchool(manager: EntityManager, schoolId: string | null): Promise<void> {
    if (schoolId && !(await this.repository.school(manager, schoolId))) {
      throw ApiException.businessRule('unknown_school', 'The school does not exist');
    }
  }
}

function active(participants: AppointmentParticipant[]): AppointmentParticipant[] {
  return participants.filter((participant) => participant.removedAt === null);
}

function canSee(actor: Actor, appointment: Appointment, participants: AppointmentParticipant[]): boolean {
  return (
    actor.isAdmin ||
    appointment.organizerPersonId === actor.personId ||
    participants.some((participant) => participant.personId === actor.personId && participant.removedAt === null)
  );
}

function timeRange(start: string, end: string): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(start);
  const endsAt = new Date(end);
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw ApiException.validation([{ field: 'end', messages: ['end must be after start'] }]);
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) {
    throw ApiException.validation([{ field: 'end', messages: ['an appointment lasts at most 14 days'] }]);
  }
  return { startsAt, endsAt };
}
