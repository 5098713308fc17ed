import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiException, ErrorCode, RateLimiter, toCsv, type RateLimit } from '@leerkring/core';
import {
  AccessPolicy,
  AuditLog,
  addDays,
  dateInZone,
  instantAtWallClock,
  isSchoolYear,
  schoolYearRange,
  schoolsOf,
  type Actor,
} from '@leerkring/people';
import type {
  AttendanceLine,
  CheckInResponse,
  EvaluationAggregate,
  EvaluationDto,
  EvaluationResponse,
  MarkAttendanceDto,
  ProfessionalDevelopmentLine,
  ProfessionalDevelopmentResponse,
  SessionAttendanceResponse,
} from './attendance.dto';
import { ThemeAudience } from './theme-audience';
import {
  ThemeMeetingSession,
  ThemeRegistration,
  type AttendanceSource,
  type ThemeMeeting,
} from './theme-meeting.entity';
import { ThemeMeetingsRepository } from './theme-meetings.repository';

const ZONE = 'Europe/Amsterdam';
/** Participants may check in from this long before a session starts. */
const CHECK_IN_EARLY_MS = 30 * 60_000;
/** Check-in attempts per person: plenty for typos, far too few to guess a code. */
const CHECK_IN_LIMIT: RateLimit = { name: 'theme-check-in', limit: 20, windowSeconds: 600 };

/** Hours credited for attending `present` of `sessions` parts, rounded to two decimals (the rule in the docs). */
export function attendedHoursFor(hoursCredited: number, present: number, sessions: number): number {
  if (sessions <= 0) {
    return 0;
  }
  return Math.round((hoursCredited * present * 100) / sessions) / 100;
}

/** `1.5` → `1,50`: a decimal comma, as Dutch Excel reads numbers. */
function dutchNumber(value: number): string {
  return value.toFixed(2).replace('.', ',');
}

interface HoursRow {
  person_id: string;
  given_name: string;
  family_name_prefix: string;
  family_name: string;
  email: string;
  meeting_id: string;
  title: string;
  starts_at: Date;
  hours_credited: string;
  attended_hours: string;
  sessions: string | number;
  present: string | number;
}

/**
 * Attendance (the organiser's marks and the participants' check-ins), the professional
 * development hours they give per school year, and the evaluation after the meeting.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly repository: ThemeMeetingsRepository,
    private readonly audience: ThemeAudience,
    private readonly access: AccessPolicy,
    private readonly audit: AuditLog,
    private readonly limiter: RateLimiter,
  ) {}

  async sessionAttendance(actor: Actor, meetingId: string, sessionId: string): Promise<SessionAttendanceResponse> {
    await this.organised(actor, meetingId);
    const session = await this.sessionOf(meetingId, sessionId);
    return { sessionId: session.id, items: await this.lines(this.repository.manager, meetingId, session.id) };
  }

  /** The organiser (or an admin) marks confirmed participants present or absent for a session that has started. */
  async mark(
    actor: Actor,
    meetingId: string,
    sessionId: string,
    input: MarkAttendanceDto,
    now = new Date(),
  ): Promise<SessionAttendanceResponse> {
    const meeting = await this.organised(actor, meetingId);
    assertPublished(meeting);
    const session = await this.sessionOf(meetingId, sessionId);
    if (session.startsAt > now) {
      throw ApiException.businessRule('session_not_started', 'Attendance is marked once the session has started');
    }
    const ids = [...new Set(input.items.map((item) => item.registrationId))];
    if (ids.length !== input.items.length) {
      throw ApiException.validation([{ field: 'items', messages: ['each registration once'] }]);
    }
    const items = await this.repository.transaction(async (manager) => {
      const registrations = await manager
        .createQueryBuilder(ThemeRegistration, 'r')
        .setLock('pessimistic_write')
        .where('r.meeting_id = :meetingId AND r.id IN (:...ids)', { meetingId, ids })
        .getMany();
      const byId = new Map(registrations.map((registration) => [registration.id, registration]));
      const problems = input.items.flatMap((item, index) =>
        byId.get(item.registrationId)?.status === 'confirmed'
          ? []
          : [
              {
                field: `items.${index}.registrationId`,
                messages: ['not a confirmed registration of this meeting'],
              },
            ],
      );
      if (problems.length > 0) {
        throw ApiException.validation(problems);
      }
      for (const item of input.items) {
        await this.record(manager, item.registrationId, session.id, item.present, 'organiser', actor.personId);
      }
      const sessions = (await this.repository.sessions(meetingId, manager)).length;
      for (const registration of registrations) {
        await this.recomputeHours(manager, registration.id, meeting, sessions);
      }
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'mark_attendance',
          entityType: 'theme_meeting',
          entityId: meetingId,
          details: { sessionId, marked: input.items.length },
        },
        manager,
      );
      return this.lines(manager, meetingId, session.id);
    });
    return { sessionId: session.id, items };
  }

  /**
   * A confirmed participant checks in with the session's code, from 30 minutes before the
   * session until the end of its day (Amsterdam), or its end if later.
   */
  async checkIn(
    actor: Actor,
    meetingId: string,
    sessionId: string,
    code: string,
    now = new Date(),
  ): Promise<CheckInResponse> {
    const meeting = await this.audience.visibleMeeting(actor, meetingId);
    assertPublished(meeting);
    const session = await this.sessionOf(meetingId, sessionId);
    const registration = await this.repository.registrationOf(this.repository.manager, meetingId, actor.personId);
    if (!registration || registration.status !== 'confirmed') {
      throw ApiException.businessRule('not_a_participant', 'Only confirmed participants check in');
    }
    await this.limiter.consume(CHECK_IN_LIMIT, actor.personId);
    const dayEnds = instantAtWallClock(addDays(dateInZone(session.startsAt, ZONE), 1), 0, ZONE);
    const closes = new Date(Math.max(dayEnds.getTime(), session.endsAt.getTime()));
    if (now.getTime() < session.startsAt.getTime() - CHECK_IN_EARLY_MS || now > closes) {
      throw ApiException.businessRule('check_in_closed', "Check-in is open on the session's day only");
    }
    if (code !== session.checkInCode) {
      throw ApiException.businessRule('wrong_check_in_code', 'That is not the check-in code of this session');
    }
    const hours = await this.repository.transaction(async (manager) => {
      await manager
        .createQueryBuilder(ThemeRegistration, 'r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id: registration.id })
        .getOne();
      await this.record(manager, registration.id, session.id, true, 'check_in', actor.personId);
      const sessions = (await this.repository.sessions(meetingId, manager)).length;
      return this.recomputeHours(manager, registration.id, meeting, sessions);
    });
    return { sessionId: session.id, registrationId: registration.id, present: true, attendedHours: hours };
  }

  /** The caller's own attended meetings and hours in a school year. */
  async mine(actor: Actor, schoolYear: string): Promise<ProfessionalDevelopmentResponse> {
    const rows = await this.hoursRows(schoolYear, { personIds: [actor.personId] });
    const items: ProfessionalDevelopmentLine[] = rows.map((row) => ({
      meetingId: row.meeting_id,
      title: row.title,
      start: new Date(row.starts_at).toISOString(),
      sessions: Number(row.sessions),
      sessionsAttended: Number(row.present),
      hoursCredited: Number(row.hours_credited),
      attendedHours: Number(row.attended_hours),
    }));
    const total = items.reduce((sum, item) => sum + Math.round(item.attendedHours * 100), 0) / 100;
    return { schoolYear, items, totalHours: total };
  }

  /**
   * The hours of a school year as CSV: a teacher their own, a director those of the people at
   * the schools they direct (and their own), an admin everyone's. `personId` narrows it to one
   * person the caller may see (anyone else: 404).
   */
  async csv(actor: Actor, schoolYear: string, personId?: string): Promise<string> {
    if (personId && (await this.access.canManagePersonalData(actor, personId)) === 'none') {
      throw ApiException.notFound('The person');
    }
    const scope = personId
      ? { personIds: [personId] }
      : actor.isAdmin
        ? {}
        : { personIds: [actor.personId], schoolIds: schoolsOf(actor, 'director') };
    const rows = await this.hoursRows(schoolYear, scope);
    const header = ['Schooljaar', 'Naam', 'E-mail', 'Themabijeenkomst', 'Datum', 'Delen', 'Aanwezig', 'Uren'] as const;
    const lines = rows.map((row): Record<(typeof header)[number], string | number> => ({
      Schooljaar: schoolYear,
      Naam: [row.given_name, row.family_name_prefix, row.family_name].filter(Boolean).join(' '),
      'E-mail': row.email,
      Themabijeenkomst: row.title,
      Datum: dateInZone(new Date(row.starts_at), ZONE),
      Delen: Number(row.sessions),
      Aanwezig: Number(row.present),
      Uren: dutchNumber(Number(row.attended_hours)),
    }));
    // Semicolons and a byte-order mark: opens as columns in Dutch Excel.
    return toCsv(lines, header, { delimiter: ';', bom: true });
  }

  /** One evaluation per participant who attended, after the last session; a repeat replaces it. */
  async evaluate(actor: Actor, meetingId: string, input: EvaluationDto, now = new Date()): Promise<EvaluationResponse> {
    const meeting = await this.audience.visibleMeeting(actor, meetingId);
    assertPublished(meeting);
    const registration = await this.repository.registrationOf(this.repository.manager, meetingId, actor.personId);
    if (!registration) {
      throw ApiException.notFound('Your registration');
    }
    return this.recordEvaluation(meeting, registration, input, now);
  }

  /**
   * Records a participant's evaluation, signed in or through the mailed link: after the last
   * session, by someone who attended; a repeat replaces it.
   */
  async recordEvaluation(
    meeting: ThemeMeeting,
    registration: ThemeRegistration,
    input: EvaluationDto,
    now = new Date(),
  ): Promise<EvaluationResponse> {
    assertPublished(meeting);
    if (meeting.endsAt > now) {
      throw ApiException.businessRule('meeting_not_ended', 'Evaluate the meeting after its last session has ended');
    }
    if (registration.status !== 'confirmed' || !(await this.attendedAny(registration.id))) {
      throw ApiException.businessRule('not_attended', 'Only participants who attended evaluate the meeting');
    }
    const comment = input.comment?.trim() || null;
    await this.repository.manager.update(
      ThemeRegistration,
      { id: registration.id },
      { evaluationScore: input.score, evaluationComment: comment, evaluatedAt: now },
    );
    return { registrationId: registration.id, score: input.score, comment, evaluatedAt: now.toISOString() };
  }

  /** Count, average, distribution and comments (no names), for the organiser and admins. */
  async evaluations(actor: Actor, meetingId: string): Promise<EvaluationAggregate> {
    await this.organised(actor, meetingId);
    const rows: Array<{ score: number; comment: string | null }> = await this.repository.manager.query(
      `SELECT evaluation_score AS score, evaluation_comment AS comment FROM theme_registration
        WHERE meeting_id = ? AND evaluation_score IS NOT NULL ORDER BY evaluated_at DESC, id`,
      [meetingId],
    );
    const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<'1' | '2' | '3' | '4' | '5', number>;
    let sum = 0;
    for (const row of rows) {
      const score = Number(row.score);
      distribution[String(score) as '1'] += 1;
      sum += score;
    }
    return {
      meetingId,
      count: rows.length,
      average: rows.length === 0 ? null : Math.round((sum * 100) / rows.length) / 100,
      distribution,
      comments: rows.map((row) => row.comment).filter((comment): comment is string => Boolean(comment)),
    };
  }

  private async attendedAny(registrationId: string): Promise<boolean> {
    const [row] = await this.repository.manager.query(
      'SELECT COUNT(*) AS n FROM theme_attendance WHERE registration_id = ? AND present = 1',
      [registrationId],
    );
    return Number(row?.n ?? 0) > 0;
  }

  private async record(
    manager: EntityManager,
    registrationId: string,
    sessionId: string,
    present: boolean,
    source: AttendanceSource,
    by: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO theme_attendance (id, registration_id, session_id, present, source, recorded_by_person_id)
       VALUES (UUID(), ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE present = VALUES(present), source = VALUES(source),
         recorded_by_person_id = VALUES(recorded_by_person_id)`,
      [registrationId, sessionId, present ? 1 : 0, source, by],
    );
  }

  /** attended_hours = credited hours × sessions present / sessions, two decimals. */
  private async recomputeHours(
    manager: EntityManager,
    registrationId: string,
    meeting: ThemeMeeting,
    sessions: number,
  ): Promise<number> {
    const [row] = await manager.query(
      'SELECT COUNT(*) AS n FROM theme_attendance WHERE registration_id = ? AND present = 1',
      [registrationId],
    );
    const hours = attendedHoursFor(Number(meeting.hoursCredited), Number(row?.n ?? 0), sessions);
    await manager.update(ThemeRegistration, { id: registrationId }, { attendedHours: hours.toFixed(2) });
    return hours;
  }

  private async lines(manager: EntityManager, meetingId: string, sessionId: string): Promise<AttendanceLine[]> {
    const rows: Array<{
      id: string;
      person_id: string;
      present: number | null;
      source: AttendanceSource | null;
      attended_hours: string | null;
    }> = await manager.query(
      `SELECT r.id, r.person_id, a.present, a.source, r.attended_hours
         FROM theme_registration r
         LEFT JOIN theme_attendance a ON a.registration_id = r.id AND a.session_id = ?
        WHERE r.meeting_id = ? AND r.status = 'confirmed'
        ORDER BY r.confirmed_at, r.id`,
      [sessionId, meetingId],
    );
    return rows.map((row) => ({
      registrationId: row.id,
      personId: row.person_id,
      present: row.present === null ? null : Number(row.present) === 1,
      source: row.source,
      attendedHours: row.attended_hours === null ? null : Number(row.attended_hours),
    }));
  }

  private async hoursRows(
    schoolYear: string,
    scope: { personIds?: string[]; schoolIds?: string[] },
  ): Promise<HoursRow[]> {
    const first = Number(schoolYear.slice(0, 4));
    if (!isSchoolYear(schoolYear) || first < 1970 || first > 2999) {
      throw ApiException.validation([{ field: 'schoolYear', messages: ['two consecutive years, e.g. 2027-2028'] }]);
    }
    const range = schoolYearRange(schoolYear);
    const from = instantAtWallClock(range.from, 0, ZONE);
    const to = instantAtWallClock(addDays(range.to, 1), 0, ZONE);
    const conditions: string[] = [];
    const parameters: unknown[] = [from, to];
    if (scope.personIds) {
      const who = [`r.person_id IN (${scope.personIds.map(() => '?').join(', ')})`];
      parameters.push(...scope.personIds);
      if (scope.schoolIds && scope.schoolIds.length > 0) {
        who.push(
          `EXISTS (SELECT 1 FROM school_membership sm WHERE sm.person_id = r.person_id
                    AND sm.school_id IN (${scope.schoolIds.map(() => '?').join(', ')}))`,
        );
        parameters.push(...scope.schoolIds);
      }
      conditions.push(`(${who.join(' OR ')})`);
    }
    return this.repository.manager.query(
      `SELECT r.person_id, p.given_name, p.family_name_prefix, p.family_name, p.email,
              m.id AS meeting_id, m.title, m.starts_at, m.hours_credited, r.attended_hours,
              (SELECT COUNT(*) FROM theme_meeting_session s WHERE s.meeting_id = m.id) AS sessions,
              (SELECT COUNT(*) FROM theme_attendance a WHERE a.registration_id = r.id AND a.present = 1) AS present
         FROM theme_registration r
         JOIN theme_meeting m ON m.id = r.meeting_id
         JOIN person p ON p.id = r.person_id
        WHERE m.starts_at >= ? AND m.starts_at < ? AND m.status = 'published'
          AND r.status = 'confirmed' AND r.attended_hours > 0
          ${conditions.map((condition) => `AND ${condition}`).join(' ')}
        ORDER BY p.family_name, p.given_name, r.person_id, m.starts_at, m.id`,
      parameters,
    );
  }

  private async sessionOf(meetingId: string, sessionId: string): Promise<ThemeMeetingSession> {
    const session = await this.repository.manager.findOneBy(ThemeMeetingSession, { id: sessionId, meetingId });
    if (!session) {
      throw ApiException.notFound('The session');
    }
    return session;
  }

  private async organised(actor: Actor, meetingId: string): Promise<ThemeMeeting> {
    const meeting = await this.audience.visibleMeeting(actor, meetingId);
    if (!actor.isAdmin && actor.personId !== meeting.organizerPersonId) {
      throw new ApiException(403, ErrorCode.Forbidden, 'Only the organiser or an admin does this');
    }
    return meeting;
  }
}

function assertPublished(meeting: ThemeMeeting): void {
  if (meeting.status !== 'published') {
    throw ApiException.businessRule('meeting_cancelled', 'The theme meeting is cancelled');
  }
}
