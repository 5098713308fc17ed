import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { RawRows } from '@leerkring/core';
import { Foundation, Person } from '@leerkring/people';
import {
  ThemeMeeting,
  ThemeMeetingSession,
  ThemeRegistration,
  type AttendanceMode,
  type MeetingFormat,
} from './theme-meeting.entity';

/** Transient lock failures worth running the whole transaction again for. */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const ATTEMPTS = 5;

function errorCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string }; code?: string }) ?? {};
  return driverError.driverError?.code ?? driverError.code;
}

export function isDuplicateEntry(error: unknown): boolean {
  return errorCode(error) === 'ER_DUP_ENTRY';
}

/** An error handled as a duplicate key, for a duplicate found in code rather than by the database. */
export function duplicateEntry(reason: string): Error {
  return Object.assign(new Error(reason), { code: 'ER_DUP_ENTRY' });
}

/** Which counter and capacity column a seat of this mode uses. */
function seatColumns(format: MeetingFormat, mode: AttendanceMode): { count: string; capacity: string } {
  return format === 'hybrid' && mode === 'online'
    ? { count: 'online_confirmed_count', capacity: 'online_capacity' }
    : { count: 'confirmed_count', capacity: 'capacity' };
}

export interface CatalogueFilter {
  from: Date;
  theme?: string;
  schoolId?: string;
  format?: MeetingFormat;
  month?: { from: Date; to: Date };
  hasSeats?: boolean;
  /** Null: every meeting (admin). */
  audience: { schoolIds: string[]; functions: string[]; personId: string } | null;
  after?: { startsAt: Date; id: string };
  limit: number;
}

/** The only code that reads or writes the theme meeting tables. */
@Injectable()
export class ThemeMeetingsRepository {
  private readonly raw: RawRows;
  private signUpSql?: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.raw = new RawRows(dataSource);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** One transaction, run again (whole) after a deadlock or lock wait timeout. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= ATTEMPTS || !RETRYABLE.has(errorCode(error) ?? '')) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  }

  findMeeting(id: string, manager = this.manager): Promise<ThemeMeeting | null> {
    return manager.findOneBy(ThemeMeeting, { id });
  }

  /**
   * What a sign-up reads before its transaction, in one round trip: the meeting, its sessions (in
   * order) and the person's registration for it, if any. Null when there is no such meeting.
   */
  async meetingForSignUp(
    meetingId: string,
    personId: string,
  ): Promise<{ meeting: ThemeMeeting; sessions: ThemeMeetingSession[]; mine: ThemeRegistration | null } | null> {
    // Hand-written (every sign-up reads this; the query builder cost more CPU than the query), and
    // without ORDER BY: sorting a join that carries the meeting's TEXT/JSON columns makes MariaDB
    // build an on-disk temporary table on every sign-up. The few sessions are sorted here.
    this.signUpSql ??= `SELECT ${this.raw.selectColumns(ThemeMeeting, 'm')}, ${this.raw.selectColumns(ThemeMeetingSession, 's')},
        ${this.raw.selectColumns(ThemeRegistration, 'r')}
       FROM theme_meeting m
       LEFT JOIN theme_meeting_session s ON s.meeting_id = m.id
       LEFT JOIN theme_registration r ON r.meeting_id = m.id AND r.person_id = ?
      WHERE m.id = ?`;
    const rows = await this.manager.query<Array<Record<string, unknown>>>(this.signUpSql, [personId, meetingId]);
    const meeting = rows.length > 0 ? this.raw.hydrate(ThemeMeeting, 'm', rows[0]) : null;
    if (!meeting) {
      return null;
    }
    const sessions = rows.flatMap((row) => this.raw.hydrate(ThemeMeetingSession, 's', row) ?? []);
    return {
      meeting,
      sessions: sessions.sort((a, b) => a.position - b.position),
      mine: this.raw.hydrate(ThemeRegistration, 'r', rows[0]),
    };
  }

  /** Reads the meeting and takes its row lock until the transaction ends: seat changes of one meeting queue up. */
  lockMeeting(manager: EntityManager, id: string): Promise<ThemeMeeting | null> {
    return manager.findOne(ThemeMeeting, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Takes one seat if one is left: a conditional UPDATE of the counter, so the count can never
   * pass the capacity whatever runs beside it. True when the seat was taken.
   */
  takeSeat(manager: EntityManager, meeting: ThemeMeeting, mode: AttendanceMode): Promise<boolean> {
    return this.takeSeats(manager, meeting, mode, 1, 0);
  }

  async releaseSeat(manager: EntityManager, meeting: ThemeMeeting, mode: AttendanceMode): Promise<void> {
    const { count } = seatColumns(meeting.format, mode);
    await manager.query(`UPDATE theme_meeting SET ${count} = ${count} - 1 WHERE id = ? AND ${count} > 0`, [meeting.id]);
  }

  /**
   * Takes the meeting's row lock and reads its seat counter for this mode: what a batch of
   * sign-ups decides on. Null when the meeting is gone or not open (cancelled).
   */
  async lockSeats(
    manager: EntityManager,
    meeting: ThemeMeeting,
    mode: AttendanceMode,
  ): Promise<{ taken: number; capacity: number; waitlistSeq: number } | null> {
    const { count, capacity } = seatColumns(meeting.format, mode);
    const [row] = await manager.query<Array<{ status: string; taken: number; capacity: number | null; seq: number }>>(
      `SELECT status, ${count} AS taken, ${capacity} AS capacity, waitlist_seq AS seq
         FROM theme_meeting WHERE id = ? FOR UPDATE`,
      [meeting.id],
    );
    if (!row || row.status !== 'published') {
      return null;
    }
    return { taken: Number(row.taken), capacity: Number(row.capacity ?? 0), waitlistSeq: Number(row.seq) };
  }

  /**
   * Takes `seats` seats and `tickets` waitlist tickets in one conditional UPDATE of the counters:
   * the count can never pass the capacity whatever runs beside it (or however a caller counted).
   * True when it took them, false when the meeting is not open or too few seats are left.
   */
  async takeSeats(
    manager: EntityManager,
    meeting: ThemeMeeting,
    mode: AttendanceMode,
    seats: number,
    tickets: number,
  ): Promise<boolean> {
    const { count, capacity } = seatColumns(meeting.format, mode);
    const result = await manager.query<{ affectedRows: number }>(
      `UPDATE theme_meeting SET ${count} = ${count} + ?, waitlist_seq = waitlist_seq + ?
        WHERE id = ? AND status = 'published' AND (? = 0 OR ${count} + ? <= ${capacity})`,
      [seats, tickets, meeting.id, seats, seats],
    );
    return result.affectedRows === 1;
  }

  /** How many of this mode still wait with a ticket before `ticket`: a new waitlisted sign-up's position is this plus its place among the new ones. */
  async waitingBefore(
    manager: EntityManager,
    meetingId: string,
    mode: AttendanceMode,
    ticket: number,
  ): Promise<number> {
    const [row] = await manager.query<Array<{ n: string | number }>>(
      `SELECT COUNT(*) AS n FROM theme_registration
        WHERE meeting_id = ? AND mode = ? AND status = 'waitlisted' AND waitlist_seq < ?`,
      [meetingId, mode, ticket],
    );
    return Number(row.n);
  }

  /**
   * Writes the sign-ups of a batch: new rows in one statement (a duplicate person or
   * Idempotency-Key throws ER_DUP_ENTRY for the whole statement), and each cancelled, declined or
   * expired registration taken up again (only if it still is one, else it throws the same
   * duplicate error: another request took it up first).
   */
  async writeSignUps(manager: EntityManager, signUps: Array<{ registration: ThemeRegistration; reuse: boolean }>) {
    const fresh = signUps.filter((signUp) => !signUp.reuse).map((signUp) => signUp.registration);
    if (fresh.length > 0) {
      await manager.query(
        `INSERT INTO theme_registration
           (id, meeting_id, person_id, mode, status, waitlist_seq, idempotency_key, confirmed_at, created_at)
         VALUES ${fresh.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        fresh.flatMap((registration) => [
          registration.id,
          registration.meetingId,
          registration.personId,
          registration.mode,
          registration.status,
          registration.waitlistSeq,
          registration.idempotencyKey,
          registration.confirmedAt,
          registration.createdAt,
        ]),
      );
    }
    for (const { registration } of signUps.filter((signUp) => signUp.reuse)) {
      const result = await manager.query<{ affectedRows: number }>(
        `UPDATE theme_registration
            SET mode = ?, status = ?, waitlist_seq = ?, idempotency_key = ?, confirmed_at = ?,
                offer_deadline = NULL, cancelled_at = NULL
          WHERE id = ? AND status IN ('cancelled', 'declined', 'expired')`,
        [
          registration.mode,
          registration.status,
          registration.waitlistSeq,
          registration.idempotencyKey,
          registration.confirmedAt,
          registration.id,
        ],
      );
      if (result.affectedRows !== 1) {
        throw duplicateEntry('registration taken up by another request');
      }
    }
  }

  registrationOf(
    manager: EntityManager,
    meetingId: string,
    personId: string,
    lock = false,
  ): Promise<ThemeRegistration | null> {
    return manager.findOne(ThemeRegistration, {
      where: { meetingId, personId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  registration(id: string, manager = this.manager, lock = false): Promise<ThemeRegistration | null> {
    return manager.findOne(ThemeRegistration, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  byIdempotencyKey(personId: string, idempotencyKey: string): Promise<ThemeRegistration | null> {
    return this.manager.findOneBy(ThemeRegistration, { personId, idempotencyKey });
  }

  async saveRegistration(manager: EntityManager, registration: ThemeRegistration): Promise<ThemeRegistration> {
    return manager.save(ThemeRegistration, registration);
  }

  /** The first person waiting for a seat of this mode, locked. */
  firstWaiting(manager: EntityManager, meetingId: string, mode: AttendanceMode): Promise<ThemeRegistration | null> {
    return manager.findOne(ThemeRegistration, {
      where: { meetingId, mode, status: 'waitlisted' },
      order: { waitlistSeq: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Place on the waitlist: the rank among those of the same mode still waiting, so it stays right as people leave. */
  async position(registration: ThemeRegistration, manager = this.manager): Promise<number | null> {
    if (registration.status !== 'waitlisted' || registration.waitlistSeq === null) {
      return null;
    }
    // Those still waiting with this ticket or an earlier one (this one included).
    return this.waitingBefore(manager, registration.meetingId, registration.mode, registration.waitlistSeq + 1);
  }

  async waitlistLengths(meetingIds: string[]): Promise<Map<string, number>> {
    if (meetingIds.length === 0) {
      return new Map();
    }
    const rows = await this.manager.query<Array<{ id: string; n: string | number }>>(
      `SELECT meeting_id AS id, COUNT(*) AS n FROM theme_registration
        WHERE meeting_id IN (?) AND status = 'waitlisted' GROUP BY meeting_id`,
      [meetingIds],
    );
    return new Map(rows.map((row) => [row.id, Number(row.n)]));
  }

  sessions(meetingId: string, manager = this.manager): Promise<ThemeMeetingSession[]> {
    return manager.find(ThemeMeetingSession, { where: { meetingId }, order: { position: 'ASC' } });
  }

  async sessionsOf(meetingIds: string[]): Promise<Map<string, ThemeMeetingSession[]>> {
    const rows =
      meetingIds.length === 0
        ? []
        : await this.manager.find(ThemeMeetingSession, {
            where: { meetingId: In(meetingIds) },
            order: { position: 'ASC' },
          });
    const byMeeting = new Map<string, ThemeMeetingSession[]>();
    for (const row of rows) {
      byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), row]);
    }
    return byMeeting;
  }

  async catalogue(filter: CatalogueFilter): Promise<ThemeMeeting[]> {
    const query = this.manager
      .createQueryBuilder(ThemeMeeting, 'm')
      .where('m.status = :status', { status: 'published' })
      .andWhere('m.ends_at >= :from', { from: filter.from });
    if (filter.theme) {
      query.andWhere('JSON_CONTAINS(m.tags, :theme)', { theme: JSON.stringify(filter.theme) });
    }
    if (filter.schoolId) {
      query.andWhere('m.school_id = :school', { school: filter.schoolId });
    }
    if (filter.format) {
      query.andWhere('m.format = :format', { format: filter.format });
    }
    if (filter.month) {
      query.andWhere('m.starts_at >= :monthFrom AND m.starts_at < :monthTo', {
        monthFrom: filter.month.from,
        monthTo: filter.month.to,
      });
    }
    if (filter.hasSeats !== undefined) {
      const seats =
        '(m.confirmed_count < m.capacity OR (m.online_capacity IS NOT NULL AND m.online_confirmed_count < m.online_capacity))';
      query.andWhere(filter.hasSeats ? seats : `NOT ${seats}`);
    }
    if (filter.audience) {
      query.andWhere(
        `(m.organizer_person_id = :me OR (
            (m.audience_school_ids IS NULL OR JSON_OVERLAPS(m.audience_school_ids, :schools))
            AND (m.audience_functions IS NULL OR JSON_OVERLAPS(m.audience_functions, :functions))))`,
        {
          me: filter.audience.personId,
          schools: JSON.stringify(filter.audience.schoolIds),
          functions: JSON.stringify(filter.audience.functions),
        },
      );
    }
    if (filter.after) {
      query.andWhere('(m.starts_at > :afterAt OR (m.starts_at = :afterAt AND m.id > :afterId))', {
        afterAt: filter.after.startsAt,
        afterId: filter.after.id,
      });
    }
    return query.orderBy('m.starts_at', 'ASC').addOrderBy('m.id', 'ASC').take(filter.limit).getMany();
  }

  registrationsPage(meetingId: string, afterId: string | undefined, limit: number): Promise<ThemeRegistration[]> {
    const query = this.manager
      .createQueryBuilder(ThemeRegistration, 'r')
      .where('r.meeting_id = :meetingId', { meetingId });
    if (afterId) {
      query.andWhere('r.id > :afterId', { afterId });
    }
    return query.orderBy('r.id', 'ASC').take(limit).getMany();
  }

  /** Offers whose deadline has passed (any meeting, or one). */
  async expiredOffers(now: Date, meetingId?: string, limit = 100): Promise<ThemeRegistration[]> {
    const query = this.manager
      .createQueryBuilder(ThemeRegistration, 'r')
      .where("r.status = 'offered'")
      .andWhere('r.offer_deadline <= :now', { now });
    if (meetingId) {
      query.andWhere('r.meeting_id = :meetingId', { meetingId });
    }
    return query.orderBy('r.offer_deadline', 'ASC').take(limit).getMany();
  }

  person(manager: EntityManager, id: string): Promise<Person | null> {
    return manager.findOneBy(Person, { id });
  }

  async foundationName(manager: EntityManager): Promise<string> {
    const [foundation] = await manager.find(Foundation, { order: { createdAt: 'ASC' }, take: 1 });
    return foundation?.name ?? 'Leerkring';
  }
}
