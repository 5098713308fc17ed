import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, ApiException, ErrorCode, type AppConfig } from '@leerkring/core';
import {
  AMSTERDAM,
  AuditLog,
  COACH_FUNCTIONS,
  addDays,
  dateInZone,
  daysBetween,
  displayName,
  type Actor,
} from '@leerkring/people';
import { AppointmentPlanner, SlotSuggestions, type SlotListResponse } from '@leerkring/scheduling';
import { assertVersion, forbidden, moveChanges, TEACHING_FUNCTIONS, type CoachingContext } from '../coaching-context';
import type {
  CancelSessionDto,
  CloseTrajectoryDto,
  CreateTrajectoryDto,
  MethodResponse,
  MoveDto,
  PlanSessionDto,
  SessionListResponse,
  SessionResponse,
  TextResponse,
  TrajectoryListResponse,
  TrajectoryResponse,
  TrajectorySlotQuery,
} from '../coaching.dto';
import { CoachingSession, CoachingTrajectory, type CoachingMethod } from '../coaching.entities';
import { CoachingRepository, type SessionRow } from '../coaching.repository';
import { NoteCipher, NoteUnreadableError } from '../notes/note-cipher';

const LIST_LIMIT = 500;
const MAX_SLOT_RANGE_DAYS = 120;

/**
 * Coaching trajectories and their sessions. Access, in one place:
 * - the coach and the coachee see their trajectory and its sessions; admins see all of them;
 *   anyone else (a director too: they get aggregates in the reports) gets 404;
 * - the coach (or an admin) plans, moves and marks sessions; the coach and the coachee cancel
 *   (the coachee only until the cancellation deadline);
 * - confidential notes and shared agreements exist only for the coach and the coachee: for
 *   everyone else, admins included, they are 404. The coach writes the note; both write agreements.
 */
@Injectable()
export class TrajectoriesService {
  constructor(
    private readonly repository: CoachingRepository,
    private readonly planner: AppointmentPlanner,
    private readonly slots: SlotSuggestions,
    private readonly audit: AuditLog,
    private readonly cipher: NoteCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async methods(): Promise<MethodResponse[]> {
    return (await this.repository.methods()).map((method) => ({ code: method.code, name: method.name }));
  }

  async create({ actor, requestId }: CoachingContext, input: CreateTrajectoryDto): Promise<TrajectoryResponse> {
    if (!actor.isAdmin && !actor.roles.has('coach')) {
      throw forbidden('Only coaches and admins start coaching trajectories');
    }
    const coachId = input.coachPersonId ?? actor.personId;
    if (!actor.isAdmin && coachId !== actor.personId) {
      throw forbidden('A coach starts trajectories for themselves');
    }
    if (coachId === input.coacheePersonId) {
      throw ApiException.businessRule('coach_is_coachee', 'A person cannot coach themselves');
    }
    const [coach, coachee, coachFunctions, coacheeFunctions, method] = await Promise.all([
      this.repository.person(coachId),
      this.repository.person(input.coacheePersonId),
      this.repository.functionsAt(coachId, input.schoolId),
      this.repository.functionsAt(input.coacheePersonId, input.schoolId),
      this.repository.method(input.method),
    ]);
    if (!coach?.active || !COACH_FUNCTIONS.some((fn) => coachFunctions.has(fn))) {
      throw ApiException.businessRule('coach_not_at_school', 'The coach does not coach at this school');
    }
    if (!coachee?.active || !TEACHING_FUNCTIONS.some((fn) => coacheeFunctions.has(fn))) {
      throw ApiException.businessRule('coachee_not_at_school', 'The coachee does not teach at this school', {
        detail: 'A coachee is a teacher, starter, trainee or teaching assistant of the school.',
      });
    }
    if (!method) {
      throw ApiException.businessRule('unknown_method', 'Unknown coaching method', {
        detail: 'Choose one of GET /api/v1/coaching/methods.',
      });
    }
    // CAO: development support is kept apart from assessment. The line manager is the person's
    // recorded line manager; with none recorded, the directors of the school.
    if (coacheeFunctions.has('starter')) {
      const lineManagers = coachee.lineManagerId
        ? [coachee.lineManagerId]
        : await this.repository.directorsOf(input.schoolId);
      if (lineManagers.includes(coachId)) {
        throw ApiException.businessRule('coach_is_line_manager', "A starter's coach may not be their line manager", {
          detail: 'Development support is kept apart from assessment: choose another coach.',
        });
      }
    }
    const trajectory = this.repository.manager.create(CoachingTrajectory, {
      id: randomUUID(),
      coachPersonId: coachId,
      coacheePersonId: coachee.id,
      schoolId: input.schoolId,
      coachingQuestion: input.coachingQuestion,
      goals: input.goals,
      methodId: method.id,
      plannedSessions: input.plannedSessions,
      startDate: input.startDate,
      status: input.status ?? 'active',
      closingEvaluation: null,
      closedAt: null,
    });
    await this.repository.manager.transaction(async (manager) => {
      await this.repository.insertTrajectory(manager, trajectory);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'create',
          entityType: 'coaching_trajectory',
          entityId: trajectory.id,
          details: { coachPersonId: coachId, coacheePersonId: coachee.id, schoolId: input.schoolId },
          requestId,
        },
        manager,
      );
    });
    return mapTrajectory(trajectory, await this.names([trajectory]), method);
  }

  /** The caller's trajectories (as coach or coachee); an admin's list holds all of them. */
  async list(actor: Actor): Promise<TrajectoryListResponse> {
    const trajectories = await this.repository.trajectoriesOf(actor.isAdmin ? null : actor.personId, LIST_LIMIT);
    const methods = new Map(
      (await this.repository.methodsById(trajectories.map((t) => t.methodId))).map((m) => [m.id, m]),
    );
    const names = await this.names(trajectories);
    return {
      items: trajectories.map((trajectory) => mapTrajectory(trajectory, names, methods.get(trajectory.methodId))),
    };
  }

  /** Display names of the coaches and coachees of these trajectories (the caller sees them already). */
  private async names(trajectories: CoachingTrajectory[]): Promise<Map<string, string>> {
    const people = await this.repository.peopleByIds(
      trajectories.flatMap((trajectory) => [trajectory.coachPersonId, trajectory.coacheePersonId]),
    );
    return new Map(people.map((person) => [person.id, displayName(person)]));
  }

  async get(actor: Actor, id: string): Promise<TrajectoryResponse> {
    const trajectory = await this.visibleTrajectory(actor, id);
    const [method] = await this.repository.methodsById([trajectory.methodId]);
    return mapTrajectory(trajectory, await this.names([trajectory]), method);
  }

  async close(
    { actor, requestId }: CoachingContext,
    id: string,
    input: CloseTrajectoryDto,
  ): Promise<TrajectoryResponse> {
    await this.visibleTrajectory(actor, id);
    const trajectory = await this.repository.manager.transaction(async (manager) => {
      const locked = await this.repository.lockTrajectory(manager, id);
      if (!locked) {
        throw ApiException.notFound('The coaching trajectory');
      }
      assertCoachOrAdmin(actor, locked);
      if (locked.status === 'closed') {
        throw ApiException.businessRule('trajectory_closed', 'The trajectory is closed already');
      }
      locked.status = 'closed';
      locked.closingEvaluation = input.evaluation;
      locked.closedAt = new Date();
      await this.repository.saveTrajectory(manager, locked);
      await this.audit.record(
        { actorPersonId: actor.personId, action: 'close', entityType: 'coaching_trajectory', entityId: id, requestId },
        manager,
      );
      return locked;
    });
    const [method] = await this.repository.methodsById([trajectory.methodId]);
    return mapTrajectory(trajectory, await this.names([trajectory]), method);
  }

  /** Free times for coach and coachee at the trajectory's school (every scheduling rule honoured). */
  async slotSuggestions(actor: Actor, id: string, query: TrajectorySlotQuery): Promise<SlotListResponse> {
    const trajectory = await this.visibleTrajectory(actor, id);
    assertCoachOrAdmin(actor, trajectory);
    const today = dateInZone(new Date(), AMSTERDAM);
    const from = query.from ?? (trajectory.startDate > today ? trajectory.startDate : today);
    const to = query.to ?? addDays(from, 27);
    if (to < from) {
      throw ApiException.validation([{ field: 'to', messages: ['to must not be before from'] }]);
    }
    if (daysBetween(from, to) > MAX_SLOT_RANGE_DAYS) {
      throw ApiException.validation([
        { field: 'to', messages: [`look at most ${MAX_SLOT_RANGE_DAYS} days ahead at once`] },
      ]);
    }
    const slots = await this.slots.find({
      personIds: [trajectory.coachPersonId, trajectory.coacheePersonId],
      schoolId: trajectory.schoolId,
      durationMinutes: query.duration ?? 60,
      from,
      to,
      count: query.count ?? 10,
    });
    return { items: slots.map((slot) => ({ start: slot.start.toISOString(), end: slot.end.toISOString() })) };
  }

  async sessions(actor: Actor, trajectoryId: string): Promise<SessionListResponse> {
    await this.visibleTrajectory(actor, trajectoryId);
    return { items: (await this.repository.sessionsOf(trajectoryId)).map(mapSession) };
  }

  async planSession(
    { actor, requestId }: CoachingContext,
    trajectoryId: string,
    input: PlanSessionDto,
  ): Promise<SessionResponse> {
    await this.visibleTrajectory(actor, trajectoryId);
    return this.planner.transaction(async (manager) => {
      const trajectory = await this.repository.lockTrajectory(manager, trajectoryId);
      if (!trajectory) {
        throw ApiException.notFound('The coaching trajectory');
      }
      assertCoachOrAdmin(actor, trajectory);
      if (trajectory.status === 'closed') {
        throw ApiException.businessRule('trajectory_closed', 'The trajectory is closed', {
          detail: 'Sessions are planned in a requested or active trajectory.',
        });
      }
      const { appointment, outcome } = await this.planner.plan(
        manager,
        {
          kind: 'coaching_session',
          title: 'Coachgesprek',
          startsAt: new Date(input.start),
          endsAt: new Date(input.end),
          schoolId: trajectory.schoolId,
          room: input.room,
          organizerPersonId: trajectory.coachPersonId,
          participants: [{ personId: trajectory.coacheePersonId }],
        },
        { allowOutsideWorkingHours: input.allowOutsideWorkingHours },
      );
      const session = manager.create(CoachingSession, {
        id: randomUUID(),
        trajectoryId,
        appointmentId: appointment.id,
        status: 'planned',
        cancelledByPersonId: null,
        cancelReason: null,
        cancelledAt: null,
        noteCiphertext: null,
        noteKeyId: null,
        sharedAgreements: null,
      });
      await this.repository.insertSession(manager, session);
      if (trajectory.status === 'requested') {
        trajectory.status = 'active';
        await this.repository.saveTrajectory(manager, trajectory);
      }
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'create',
          entityType: 'coaching_session',
          entityId: session.id,
          details: {
            trajectoryId,
            appointmentId: appointment.id,
            ...(outcome.outsideWorkingHours.length > 0
              ? { outsideWorkingHoursOverride: outcome.outsideWorkingHours }
              : {}),
          },
          requestId,
        },
        manager,
      );
      return mapSession({ session, appointment });
    });
  }

  async getSession(actor: Actor, sessionId: string): Promise<SessionResponse> {
    const { session } = await this.visibleSession(actor, sessionId);
    const appointment = await this.repository.appointment(session.appointmentId);
    if (!appointment) {
      throw ApiException.notFound('The coaching session');
    }
    return mapSession({ session, appointment });
  }

  async moveSession(
    { actor, requestId }: CoachingContext,
    sessionId: string,
    input: MoveDto,
    ifMatch?: number,
  ): Promise<SessionResponse> {
    const { trajectory } = await this.visibleSession(actor, sessionId);
    assertCoachOrAdmin(actor, trajectory);
    return this.planner.transaction(async (manager) => {
      const session = await this.repository.lockSession(manager, sessionId);
      const locked = session && (await this.planner.lock(manager, session.appointmentId));
      if (!session || !locked) {
        throw ApiException.notFound('The coaching session');
      }
      assertPlanned(session);
      assertVersion(locked.appointment, input.version ?? ifMatch);
      const change = await this.planner.update(manager, locked, moveChanges(input), {
        allowOutsideWorkingHours: input.allowOutsideWorkingHours,
      });
      if (change.changed) {
        await this.audit.record(
          {
            actorPersonId: actor.personId,
            action: 'move',
            entityType: 'coaching_session',
            entityId: sessionId,
            details: { version: locked.appointment.version, fields: change.fields },
            requestId,
          },
          manager,
        );
      }
      return mapSession({ session, appointment: locked.appointment });
    });
  }

  /** The coach cancels any time; the coachee until the deadline. Both say why; the appointment is cancelled by mail. */
  async cancelSession(
    { actor, requestId }: CoachingContext,
    sessionId: string,
    input: CancelSessionDto,
    ifMatch?: number,
  ): Promise<SessionResponse> {
    const { trajectory } = await this.visibleSession(actor, sessionId);
    const byCoachee = actor.personId === trajectory.coacheePersonId;
    if (!byCoachee) {
      assertCoachOrAdmin(actor, trajectory);
    }
    return this.planner.transaction(async (manager) => {
      const session = await this.repository.lockSession(manager, sessionId);
      const locked = session && (await this.planner.lock(manager, session.appointmentId));
      if (!session || !locked) {
        throw ApiException.notFound('The coaching session');
      }
      assertPlanned(session);
      const expected = input.version ?? ifMatch;
      if (expected !== undefined) {
        assertVersion(locked.appointment, expected);
      }
      const deadlineHours = this.config.coaching.cancellationDeadlineHours;
      const deadline = new Date(locked.appointment.startsAt.getTime() - deadlineHours * 3_600_000);
      if (byCoachee && new Date() > deadline) {
        throw ApiException.businessRule('cancellation_deadline_passed', 'Too late to cancel yourself', {
          detail: `A coachee cancels at least ${deadlineHours} hours before the session; ask your coach.`,
          extensions: { deadline: deadline.toISOString() },
        });
      }
      await this.planner.cancel(manager, locked);
      session.status = 'cancelled';
      session.cancelledByPersonId = actor.personId;
      session.cancelReason = input.reason;
      session.cancelledAt = new Date();
      await this.repository.saveSession(manager, session);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'cancel',
          entityType: 'coaching_session',
          entityId: sessionId,
          details: { by: byCoachee ? 'coachee' : 'coach', version: locked.appointment.version },
          requestId,
        },
        manager,
      );
      return mapSession({ session, appointment: locked.appointment });
    });
  }

  /** Held or no-show: the coach records how a planned session went. */
  async markSession(
    { actor, requestId }: CoachingContext,
    sessionId: string,
    status: 'held' | 'no_show',
  ): Promise<SessionResponse> {
    const { trajectory } = await this.visibleSession(actor, sessionId);
    assertCoachOrAdmin(actor, trajectory);
    return this.repository.manager.transaction(async (manager) => {
      const session = await this.repository.lockSession(manager, sessionId);
      const appointment = session && (await this.repository.appointment(session.appointmentId, manager));
      if (!session || !appointment) {
        throw ApiException.notFound('The coaching session');
      }
      assertPlanned(session);
      session.status = status;
      await this.repository.saveSession(manager, session);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: status,
          entityType: 'coaching_session',
          entityId: sessionId,
          requestId,
        },
        manager,
      );
      return mapSession({ session, appointment });
    });
  }

  async getNote(actor: Actor, sessionId: string): Promise<TextResponse> {
    const { session } = await this.confidentialSession(actor, sessionId);
    if (session.noteCiphertext === null || session.noteKeyId === null) {
      return { text: null };
    }
    try {
      return { text: this.cipher.open({ ciphertext: session.noteCiphertext, keyId: session.noteKeyId }, session.id) };
    } catch (error) {
      if (!(error instanceof NoteUnreadableError)) {
        throw error;
      }
      // Its key is not configured (a rotation without NOTES_ENCRYPTION_KEY_PREVIOUS) or the stored bytes changed.
      throw new ApiException(503, ErrorCode.DependencyUnavailable, 'The note cannot be decrypted', {
        detail: 'The key it was encrypted with is not configured. Ask the administrator.',
        extensions: { keyId: session.noteKeyId },
      });
    }
  }

  /** The coach writes the note; it is stored encrypted (an empty text removes it). */
  async putNote({ actor, requestId }: CoachingContext, sessionId: string, text: string): Promise<TextResponse> {
    const { trajectory } = await this.confidentialSession(actor, sessionId);
    if (actor.personId !== trajectory.coachPersonId) {
      throw forbidden('Only the coach writes the confidential note');
    }
    const trimmed = text.trim();
    await this.repository.manager.transaction(async (manager) => {
      const session = await this.repository.lockSession(manager, sessionId);
      if (!session) {
        throw ApiException.notFound('The coaching session');
      }
      const sealed = trimmed === '' ? null : this.cipher.seal(trimmed, session.id);
      session.noteCiphertext = sealed?.ciphertext ?? null;
      session.noteKeyId = sealed?.keyId ?? null;
      await this.repository.saveSession(manager, session);
      // The content never goes to the audit log: only that the note changed.
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'note',
          entityType: 'coaching_session',
          entityId: sessionId,
          requestId,
        },
        manager,
      );
    });
    return { text: trimmed === '' ? null : trimmed };
  }

  async getAgreements(actor: Actor, sessionId: string): Promise<TextResponse> {
    const { session } = await this.confidentialSession(actor, sessionId);
    return { text: session.sharedAgreements };
  }

  async putAgreements({ actor, requestId }: CoachingContext, sessionId: string, text: string): Promise<TextResponse> {
    await this.confidentialSession(actor, sessionId);
    const value = text.trim() === '' ? null : text.trim();
    await this.repository.manager.transaction(async (manager) => {
      const session = await this.repository.lockSession(manager, sessionId);
      if (!session) {
        throw ApiException.notFound('The coaching session');
      }
      session.sharedAgreements = value;
      await this.repository.saveSession(manager, session);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'agreements',
          entityType: 'coaching_session',
          entityId: sessionId,
          requestId,
        },
        manager,
      );
    });
    return { text: value };
  }

  private async visibleTrajectory(actor: Actor, id: string): Promise<CoachingTrajectory> {
    const trajectory = await this.repository.trajectory(id);
    if (!trajectory || !(actor.isAdmin || involves(trajectory, actor.personId))) {
      throw ApiException.notFound('The coaching trajectory');
    }
    return trajectory;
  }

  private async visibleSession(
    actor: Actor,
    sessionId: string,
  ): Promise<{ session: CoachingSession; trajectory: CoachingTrajectory }> {
    const session = await this.repository.session(sessionId);
    const trajectory = session && (await this.repository.trajectory(session.trajectoryId));
    if (!session || !trajectory || !(actor.isAdmin || involves(trajectory, actor.personId))) {
      throw ApiException.notFound('The coaching session');
    }
    return { session, trajectory };
  }

  /** Notes and agreements: the coach and the coachee, and nobody else (an admin neither). */
  private async confidentialSession(
    actor: Actor,
    sessionId: string,
  ): Promise<{ session: CoachingSession; trajectory: CoachingTrajectory }> {
    const session = await this.repository.session(sessionId);
    const trajectory = session && (await this.repository.trajectory(session.trajectoryId));
    if (!session || !trajectory || !involves(trajectory, actor.personId)) {
      throw ApiException.notFound('The coaching session');
    }
    return { session, trajectory };
  }
}

function involves(trajectory: CoachingTrajectory, personId: string): boolean {
  return trajectory.coachPersonId === personId || trajectory.coacheePersonId === personId;
}

function assertCoachOrAdmin(actor: Actor, trajectory: CoachingTrajectory): void {
  if (!actor.isAdmin && actor.personId !== trajectory.coachPersonId) {
    throw forbidden('Only the coach (or an admin) does this');
  }
}

function assertPlanned(session: CoachingSession): void {
  if (session.status !== 'planned') {
    throw ApiException.businessRule('session_not_planned', 'The session is no longer planned', {
      detail: `It is ${session.status}.`,
      extensions: { sessionStatus: session.status },
    });
  }
}

export function mapTrajectory(
  trajectory: CoachingTrajectory,
  names: Map<string, string>,
  method?: CoachingMethod,
): TrajectoryResponse {
  return {
    id: trajectory.id,
    coachPersonId: trajectory.coachPersonId,
    coachName: names.get(trajectory.coachPersonId) ?? '',
    coacheePersonId: trajectory.coacheePersonId,
    coacheeName: names.get(trajectory.coacheePersonId) ?? '',
    schoolId: trajectory.schoolId,
    coachingQuestion: trajectory.coachingQuestion,
    goals: trajectory.goals,
    method: method?.code ?? '',
    plannedSessions: trajectory.plannedSessions,
    startDate: trajectory.startDate,
    status: trajectory.status,
    closingEvaluation: trajectory.closingEvaluation,
  };
}

export function mapSession({ session, appointment }: SessionRow): SessionResponse {
  return {
    id: session.id,
    trajectoryId: session.trajectoryId,
    appointmentId: session.appointmentId,
    start: appointment.startsAt.toISOString(),
    end: appointment.endsAt.toISOString(),
    version: appointment.version,
    status: session.status,
    schoolId: appointment.schoolId,
    room: appointment.room,
    onlineUrl: appointment.onlineUrl,
    cancelledByPersonId: session.cancelledByPersonId,
    cancelReason: session.cancelReason,
    hasNote: session.noteCiphertext !== null,
  };
}
