import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiException, ErrorCode } from '@leerkring/core';
import {
  AccessPolicy,
  AMSTERDAM,
  AuditLog,
  addDays,
  dateInZone,
  eachDate,
  instantAtWallClock,
  isCalendarDate,
  isoWeekday,
  type Actor,
  type RequestContext,
} from '@leerkring/people';
import { active, AppointmentPlanner, type ChangeResult, type LockedAppointment } from '../planning/appointment-planner';
import {
  mapAppointment,
  type AddParticipantsDto,
  type AgendaQuery,
  type AgendaResponse,
  type AppointmentResponse,
  type CreateAppointmentDto,
  type UpdateAppointmentDto,
  type WeekQuery,
  type WeekResponse,
} from './appointment.dto';
import type { Appointment, AppointmentParticipant } from './appointment.entity';
import { AppointmentsRepository } from './appointments.repository';

const AGENDA_DEFAULT_DAYS = 90;
const AGENDA_MAX_DAYS = 400;
const AGENDA_LIMIT = 500;

export type { RequestContext } from '@leerkring/people';

/**
 * Meetings through the API: create, change, cancel, participants. Every change runs in one
 * transaction that locks the appointment row and checks the caller's version; the
 * AppointmentPlanner checks the scheduling rules, bumps the version and writes the outbox row,
 * and the audit event commits in that same transaction.
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
    private readonly planner: AppointmentPlanner,
  ) {}

  async create({ actor, requestId }: RequestContext, input: CreateAppointmentDto): Promise<AppointmentResponse> {
    if (!actor.isAdmin && !actor.roles.has('coach')) {
      throw new ApiException(403, ErrorCode.Forbidden, 'Only coaches and admins plan meetings');
    }
    const invited = input.participants.filter((participant) => participant.personId !== actor.personId);
    if (invited.length === 0) {
      throw ApiException.validation([
        { field: 'participants', messages: ['invite at least one person besides yourself'] },
      ]);
    }
    await this.assertInvitable(
      actor,
      invited.map((participant) => participant.personId),
    );
    return this.planner.transaction(async (manager) => {
      const { appointment, outcome } = await this.planner.plan(
        manager,
        {
          kind: input.kind ?? 'meeting',
          title: input.title,
          description: input.description,
          startsAt: new Date(input.start),
          endsAt: new Date(input.end),
          zone: input.zone,
          schoolId: input.schoolId ?? null,
          room: input.room,
          onlineUrl: input.onlineUrl,
          organizerPersonId: actor.personId,
          participants: invited,
        },
        { allowOutsideWorkingHours: input.allowOutsideWorkingHours },
      );
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'create',
          entityType: 'appointment',
          entityId: appointment.id,
          details: {
            kind: appointment.kind,
            participants: invited.length + 1,
            ...overrideDetails(outcome.outsideWorkingHours),
          },
          requestId,
        },
        manager,
      );
      return mapAppointment(await this.repository.view(manager, appointment));
    });
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
    if (to.getTime() - from.getTime() > AGENDA_MAX_DAYS * 86_400_000) {
      throw ApiException.validation([{ field: 'to', messages: [`ask for at most ${AGENDA_MAX_DAYS} days at once`] }]);
    }
    const views = await this.repository.agendaViews(actor.personId, from, to, AGENDA_LIMIT);
    return { items: views.map(mapAppointment) };
  }

  /** My week, Monday to Sunday on the Amsterdam wall clock, grouped per day. */
  async week(actor: Actor, query: WeekQuery): Promise<WeekResponse> {
    const date = query.date ?? dateInZone(new Date(), AMSTERDAM);
    if (!isCalendarDate(date)) {
      throw ApiException.validation([{ field: 'date', messages: ['date must be an existing date'] }]);
    }
    const weekStart = addDays(date, 1 - isoWeekday(date));
    const dates = eachDate(weekStart, addDays(weekStart, 6));
    const views = await this.repository.agendaViews(
      actor.personId,
      instantAtWallClock(weekStart, 0, AMSTERDAM),
      instantAtWallClock(addDays(weekStart, 7), 0, AMSTERDAM),
      AGENDA_LIMIT,
    );
    return {
      weekStart,
      days: dates.map((day) => ({
        date: day,
        items: views.filter((view) => dateInZone(view.appointment.startsAt, AMSTERDAM) === day).map(mapAppointment),
      })),
    };
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
    return this.change(context, id, expected, (manager, locked) =>
      this.planner.update(
        manager,
        locked,
        {
          title: input.title,
          description: input.description === undefined ? undefined : input.description?.trim() || null,
          startsAt: input.start === undefined ? undefined : new Date(input.start),
          endsAt: input.end === undefined ? undefined : new Date(input.end),
          zone: input.zone,
          schoolId: input.schoolId,
          room: input.room,
          onlineUrl: input.onlineUrl,
        },
        { allowOutsideWorkingHours: input.allowOutsideWorkingHours },
      ),
    );
  }

  async cancel(context: RequestContext, id: string, expected?: number): Promise<AppointmentResponse> {
    return this.change(context, id, expected, (manager, locked) => this.planner.cancel(manager, locked));
  }

  async addParticipants(
    context: RequestContext,
    id: string,
    input: AddParticipantsDto,
    ifMatch?: number,
  ): Promise<AppointmentResponse> {
    // Who may be invited is checked after who may change this appointment, so that a stranger
    // learns nothing about it (404) from the answer about the people they named.
    return this.change(context, id, input.version ?? ifMatch, async (manager, locked) => {
      await this.assertInvitable(
        context.actor,
        input.participants.map((participant) => participant.personId),
      );
      return this.planner.addParticipants(manager, locked, input.participants);
    });
  }

  async removeParticipant(
    context: RequestContext,
    id: string,
    personId: string,
    expected?: number,
  ): Promise<AppointmentResponse> {
    return this.change(context, id, expected, (manager, locked) => {
      const participant = active(locked.participants).find((row) => row.personId === personId);
      if (!participant) {
        throw ApiException.notFound('The participant');
      }
      if (participant.role === 'organizer') {
        throw ApiException.businessRule('cannot_remove_organizer', 'The organiser cannot be removed', {
          detail: 'Cancel the appointment instead.',
        });
      }
      return this.planner.removeParticipants(manager, locked, [personId]);
    });
  }

  /**
   * The frame of every change: lock, look, check who and which version, apply (the planner
   * bumps the version and announces), audit. A change that alters nothing commits nothing and
   * mails nobody.
   */
  private async change(
    { actor, requestId }: RequestContext,
    id: string,
    expected: number | undefined,
    apply: (manager: EntityManager, locked: LockedAppointment) => Promise<ChangeResult>,
  ): Promise<AppointmentResponse> {
    return this.planner.transaction(async (manager) => {
      const locked = await this.planner.lock(manager, id);
      if (!locked || !canSee(actor, locked.appointment, locked.participants)) {
        throw ApiException.notFound('The appointment');
      }
      const { appointment } = locked;
      if (!actor.isAdmin && appointment.organizerPersonId !== actor.personId) {
        throw new ApiException(403, ErrorCode.Forbidden, 'Only the organiser or an admin may change this appointment');
      }
      if (expected !== undefined && expected !== appointment.version) {
        throw ApiException.conflict(ErrorCode.StaleVersion, 'The appointment has changed since you read it', {
          detail: `You sent version ${expected}; it is now at version ${appointment.version}. Read it again and retry.`,
          extensions: { currentVersion: appointment.version },
        });
      }
      const change = await apply(manager, locked);
      if (change.changed) {
        const cancelled = change.fields.includes('status');
        await this.audit.record(
          {
            actorPersonId: actor.personId,
            action: cancelled ? 'cancel' : 'update',
            entityType: 'appointment',
            entityId: appointment.id,
            details: {
              version: appointment.version,
              fields: change.fields,
              added: change.added,
              removed: change.removed,
              ...overrideDetails(change.outsideWorkingHours),
            },
            requestId,
          },
          manager,
        );
      }
      return mapAppointment(await this.repository.view(manager, appointment));
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
}

function canSee(actor: Actor, appointment: Appointment, participants: AppointmentParticipant[]): boolean {
  return (
    actor.isAdmin ||
    appointment.organizerPersonId === actor.personId ||
    participants.some((participant) => participant.personId === actor.personId && participant.removedAt === null)
  );
}

/** Recorded in the audit log when someone was planned outside their working hours on purpose. */
function overrideDetails(outsideWorkingHours: string[]): Record<string, unknown> {
  return outsideWorkingHours.length > 0 ? { outsideWorkingHoursOverride: outsideWorkingHours } : {};
}
