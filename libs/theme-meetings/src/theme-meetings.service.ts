import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, ApiException, ErrorCode, decodeCursor, toPage, type AppConfig } from '@leerkring/core';
import { AuditLog, instantAtWallClock, type Actor } from '@leerkring/people';
import { AppointmentPlanner } from '@leerkring/scheduling';
import { ThemeAudience, functionsOf, inAudience } from './theme-audience';
import {
  mapMeeting,
  mapRegistration,
  type CatalogueQuery,
  type CataloguePage,
  type CreateThemeMeetingDto,
  type MoveSessionDto,
  type RegistrationsPage,
  type ThemeMeetingResponse,
  type UpdateThemeMeetingDto,
} from './theme-meeting.dto';
import { LIVE, ThemeMeeting, ThemeMeetingSession, ThemeRegistration } from './theme-meeting.entity';
import { ThemeMeetingsRepository } from './theme-meetings.repository';
import { RegistrationsService } from './registrations.service';

const CHECK_IN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function checkInCode(): string {
  return Array.from({ length: 6 }, () => CHECK_IN_ALPHABET[randomInt(CHECK_IN_ALPHABET.length)]).join('');
}

/** The catalogue and the organiser's side: create, change, move and cancel theme meetings. */
@Injectable()
export class ThemeMeetingsService {
  constructor(
    private readonly repository: ThemeMeetingsRepository,
    private readonly audience: ThemeAudience,
    private readonly planner: AppointmentPlanner,
    private readonly registrations: RegistrationsService,
    private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, input: CreateThemeMeetingDto): Promise<ThemeMeetingResponse> {
    if (!actor.isAdmin && !actor.roles.has('coach')) {
      throw new ApiException(403, ErrorCode.Forbidden, 'Only coaches and admins organise theme meetings');
    }
    const sessions = input.sessions
      .map((session) => ({ startsAt: new Date(session.start), endsAt: new Date(session.end) }))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const opensAt = new Date(input.registrationOpensAt);
    const closesAt = new Date(input.registrationClosesAt);
    assertShape(input, sessions[0].startsAt, opensAt, closesAt);
    const id = randomUUID();
    const meeting = await this.planner.transaction(async (manager) => {
      const row = manager.create(ThemeMeeting, {
        id,
        title: input.title,
        description: input.description?.trim() || null,
        tags: [...new Set((input.tags ?? []).map((tag) => tag.trim().toLowerCase()))],
        organizerPersonId: actor.personId,
        format: input.format,
        schoolId: input.format === 'online' ? null : (input.schoolId ?? null),
        room: input.room ?? '',
        onlineUrl: input.format === 'on_site' ? null : (input.onlineUrl ?? null),
        capacity: input.capacity,
        onlineCapacity: input.format === 'hybrid' ? (input.onlineCapacity ?? null) : null,
        confirmedCount: 0,
        onlineConfirmedCount: 0,
        waitlistSeq: 0,
        registrationOpensAt: opensAt,
        registrationClosesAt: closesAt,
        audienceSchoolIds: input.audienceSchoolIds?.length ? input.audienceSchoolIds : null,
        audienceFunctions: input.audienceFunctions?.length ? input.audienceFunctions : null,
        hoursCredited: String(input.hoursCredited ?? 0),
        cancellationDeadline: input.cancellationDeadline ? new Date(input.cancellationDeadline) : null,
        offerMode: input.offerMode ?? 'confirm_directly',
        offerHours: input.offerHours ?? 24,
        status: 'published',
        startsAt: sessions[0].startsAt,
        endsAt: sessions[sessions.length - 1].endsAt,
      });
      await manager.insert(ThemeMeeting, row);
      for (const [position, session] of sessions.entries()) {
        const { appointment } = await this.planner.plan(manager, {
          kind: 'theme_session',
          title: sessions.length > 1 ? `${input.title} (${position + 1}/${sessions.length})` : input.title,
          description: row.description,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          schoolId: row.schoolId,
          room: row.room,
          onlineUrl: row.onlineUrl,
          organizerPersonId: actor.personId,
          participants: [],
        });
        await manager.insert(
          ThemeMeetingSession,
          manager.create(ThemeMeetingSession, {
            id: randomUUID(),
            meetingId: id,
            appointmentId: appointment.id,
            position,
            startsAt: session.startsAt,
            endsAt: session.endsAt,
            checkInCode: checkInCode(),
          }),
        );
      }
      await this.audit.record(
        { actorPersonId: actor.personId, action: 'create', entityType: 'theme_meeting', entityId: id, details: {} },
        manager,
      );
      return row;
    });
    return this.detailOf(actor, meeting);
  }

  async catalogue(actor: Actor, query: CatalogueQuery, now = new Date()): Promise<CataloguePage> {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor);
    const after = cursor ? { startsAt: new Date(cursor.key), id: cursor.id } : undefined;
    if (after && Number.isNaN(after.startsAt.getTime())) {
      throw ApiException.validation([{ field: 'cursor', messages: ['cursor is not one we handed out'] }]);
    }
    const rows = await this.repository.catalogue({
      from: now,
      theme: query.theme?.trim().toLowerCase(),
      schoolId: query.school,
      format: query.format,
      month: query.month ? monthRange(query.month) : undefined,
      hasSeats: query.hasSeats,
      audience: actor.isAdmin
        ? null
        : { schoolIds: [...actor.functionsBySchool.keys()], functions: functionsOf(actor), personId: actor.personId },
      after,
      limit: limit + 1,
    });
    const page = toPage(rows, limit, (row) => ({ key: row.startsAt.toISOString(), id: row.id }));
    // The query matches schools and functions each on their own; a function must be held at one
    // of the audience schools, so the exact rule runs here (a page may come out shorter).
    page.items = page.items.filter((row) => inAudience(actor, row));
    const ids = page.items.map((row) => row.id);
    const [waitlists, sessions] = await Promise.all([
      this.repository.waitlistLengths(ids),
      this.repository.sessionsOf(ids),
    ]);
    return {
      items: page.items.map((row) =>
        mapMeeting(row, sessions.get(row.id) ?? [], waitlists.get(row.id) ?? 0, this.isOrganiser(actor, row)),
      ),
      nextCursor: page.nextCursor,
    };
  }

  async get(actor: Actor, id: string): Promise<ThemeMeetingResponse> {
    await this.registrations.expireDue(id);
    return this.detailOf(actor, await this.audience.visibleMeeting(actor, id));
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateThemeMeetingDto,
    now = new Date(),
  ): Promise<ThemeMeetingResponse> {
    await this.organised(actor, id);
    const after = { mails: [] as never[] };
    const meeting = await this.repository.transaction(async (manager) => {
      after.mails = [];
      const locked = await this.repository.lockMeeting(manager, id);
      if (!locked) {
        throw ApiException.notFound('The theme meeting');
      }
      assertPublished(locked);
      if (input.onlineCapacity !== undefined && locked.format !== 'hybrid') {
        throw ApiException.validation([
          { field: 'onlineCapacity', messages: ['only a hybrid meeting has online seats'] },
        ]);
      }
      // Lowering capacity below the confirmed count un-confirms no one: it only stops new confirmations.
      Object.assign(locked, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() || null } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        ...(input.onlineCapacity !== undefined ? { onlineCapacity: input.onlineCapacity } : {}),
        ...(input.registrationClosesAt !== undefined
          ? { registrationClosesAt: new Date(input.registrationClosesAt) }
          : {}),
      });
      await manager.update(
        ThemeMeeting,
        { id },
        {
          title: locked.title,
          description: locked.description,
          capacity: locked.capacity,
          onlineCapacity: locked.onlineCapacity,
          registrationClosesAt: locked.registrationClosesAt,
        },
      );
      if (input.title !== undefined || input.description !== undefined) {
        const sessions = await this.repository.sessions(id, manager);
        for (const session of sessions) {
          const appointment = await this.planner.lock(manager, session.appointmentId);
          if (appointment && appointment.appointment.status === 'scheduled') {
            await this.planner.update(manager, appointment, {
              title:
                sessions.length > 1 ? `${locked.title} (${session.position + 1}/${sessions.length})` : locked.title,
              description: locked.description,
            });
          }
        }
      }
      await this.registrations.fill(manager, locked, now, after);
      await this.audit.record(
        { actorPersonId: actor.personId, action: 'update', entityType: 'theme_meeting', entityId: id, details: {} },
        manager,
      );
      return locked;
    });
    await this.registrations.afterCommit(after);
    return this.detailOf(actor, meeting);
  }

  /** Moves one session; everyone on it gets an update through the notifier. */
  async move(actor: Actor, id: string, input: MoveSessionDto): Promise<ThemeMeetingResponse> {
    await this.organised(actor, id);
    const meeting = await this.repository.transaction(async (manager) => {
      const locked = await this.repository.lockMeeting(manager, id);
      if (!locked) {
        throw ApiException.notFound('The theme meeting');
      }
      assertPublished(locked);
      const sessions = await this.repository.sessions(id, manager);
      const session = sessions.find((candidate) => candidate.position === input.position);
      if (!session) {
        throw ApiException.validation([{ field: 'position', messages: ['no session at that position'] }]);
      }
      const appointment = await this.planner.lock(manager, session.appointmentId);
      if (!appointment) {
        throw ApiException.notFound('The session');
      }
      session.startsAt = new Date(input.start);
      session.endsAt = new Date(input.end);
      await this.planner.update(
        manager,
        appointment,
        { startsAt: session.startsAt, endsAt: session.endsAt },
        { checkedPersonIds: [locked.organizerPersonId] },
      );
      await manager.update(
        ThemeMeetingSession,
        { id: session.id },
        { startsAt: session.startsAt, endsAt: session.endsAt },
      );
      locked.startsAt = new Date(Math.min(...sessions.map((s) => s.startsAt.getTime())));
      locked.endsAt = new Date(Math.max(...sessions.map((s) => s.endsAt.getTime())));
      await manager.update(ThemeMeeting, { id }, { startsAt: locked.startsAt, endsAt: locked.endsAt });
      await this.audit.record(
        { actorPersonId: actor.personId, action: 'move', entityType: 'theme_meeting', entityId: id, details: {} },
        manager,
      );
      return locked;
    });
    await this.registrations.afterCommit({ mails: [] });
    return this.detailOf(actor, meeting);
  }

  /** Cancels the whole meeting: every session's appointment is cancelled, so everyone on it gets a CANCEL. */
  async cancel(actor: Actor, id: string): Promise<ThemeMeetingResponse> {
    await this.organised(actor, id);
    const meeting = await this.repository.transaction(async (manager) => {
      const locked = await this.repository.lockMeeting(manager, id);
      if (!locked) {
        throw ApiException.notFound('The theme meeting');
      }
      if (locked.status === 'cancelled') {
        return locked;
      }
      for (const session of await this.repository.sessions(id, manager)) {
        const appointment = await this.planner.lock(manager, session.appointmentId);
        if (appointment && appointment.appointment.status === 'scheduled') {
          await this.planner.cancel(manager, appointment);
        }
      }
      locked.status = 'cancelled';
      await manager.update(ThemeMeeting, { id }, { status: 'cancelled' });
      // By the entity, not the table name: TypeORM maps `set` keys to the entity's properties.
      await manager
        .createQueryBuilder()
        .update(ThemeRegistration)
        .set({ status: 'cancelled', offerDeadline: null, cancelledAt: new Date() })
        .where('meeting_id = :id AND status IN (:...live)', { id, live: [...LIVE] })
        .execute();
      await this.audit.record(
        { actorPersonId: actor.personId, action: 'cancel', entityType: 'theme_meeting', entityId: id, details: {} },
        manager,
      );
      return locked;
    });
    await this.registrations.afterCommit({ mails: [] });
    return this.detailOf(actor, meeting);
  }

  /** Every registration of a meeting, for its organiser and admins. */
  async registrationsOf(actor: Actor, id: string, limit = 50, cursor?: string): Promise<RegistrationsPage> {
    await this.organised(actor, id);
    const position = decodeCursor(cursor);
    const rows = await this.repository.registrationsPage(id, position?.id, limit + 1);
    const page = toPage(rows, limit, (row: ThemeRegistration) => ({ key: '', id: row.id }));
    const items = [];
    for (const row of page.items) {
      items.push(mapRegistration(row, await this.repository.position(row)));
    }
    return { items, nextCursor: page.nextCursor };
  }

  private async organised(actor: Actor, id: string): Promise<ThemeMeeting> {
    const meeting = await this.audience.visibleMeeting(actor, id);
    if (!this.isOrganiser(actor, meeting)) {
      throw new ApiException(403, ErrorCode.Forbidden, 'Only the organiser or an admin changes a theme meeting');
    }
    return meeting;
  }

  private isOrganiser(actor: Actor, meeting: ThemeMeeting): boolean {
    return actor.isAdmin || actor.personId === meeting.organizerPersonId;
  }

  private async detailOf(actor: Actor, meeting: ThemeMeeting): Promise<ThemeMeetingResponse> {
    const fresh = (await this.repository.findMeeting(meeting.id)) ?? meeting;
    const [sessions, waitlists, own] = await Promise.all([
      this.repository.sessions(meeting.id),
      this.repository.waitlistLengths([meeting.id]),
      this.repository.registrationOf(this.repository.manager, meeting.id, actor.personId),
    ]);
    const organiser = this.isOrganiser(actor, fresh);
    const showLink = organiser || own?.status === 'confirmed';
    const checkInUrl = organiser
      ? (session: ThemeMeetingSession) =>
          `${this.config.publicUrl}/themabijeenkomsten/${fresh.id}/inchecken?sessie=${session.id}&code=${session.checkInCode}`
      : undefined;
    return mapMeeting(fresh, sessions, waitlists.get(meeting.id) ?? 0, showLink, checkInUrl);
  }
}

function assertPublished(meeting: ThemeMeeting): void {
  if (meeting.status !== 'published') {
    throw ApiException.businessRule('meeting_cancelled', 'The theme meeting is cancelled');
  }
}

function assertShape(input: CreateThemeMeetingDto, firstStart: Date, opensAt: Date, closesAt: Date): void {
  const problems: Array<{ field: string; messages: string[] }> = [];
  if (input.format !== 'online' && !input.schoolId) {
    problems.push({ field: 'schoolId', messages: ['an on-site or hybrid meeting needs a schoolId'] });
  }
  if (input.format !== 'on_site' && !input.onlineUrl) {
    problems.push({ field: 'onlineUrl', messages: ['an online or hybrid meeting needs an onlineUrl'] });
  }
  if (input.format === 'hybrid' && input.onlineCapacity === undefined) {
    problems.push({ field: 'onlineCapacity', messages: ['a hybrid meeting needs an onlineCapacity'] });
  }
  if (closesAt <= opensAt) {
    problems.push({ field: 'registrationClosesAt', messages: ['registration must close after it opens'] });
  }
  if (closesAt > firstStart) {
    problems.push({ field: 'registrationClosesAt', messages: ['registration must close by the first session'] });
  }
  if (problems.length > 0) {
    throw ApiException.validation(problems);
  }
}

/** `2027-03` → the instants that month starts and ends in Amsterdam. */
function monthRange(month: string): { from: Date; to: Date } {
  const [year, number] = month.split('-').map(Number);
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  return {
    from: instantAtWallClock(`${month}-01`, 0, 'Europe/Amsterdam'),
    to: instantAtWallClock(`${next}-01`, 0, 'Europe/Amsterdam'),
  };
}
