import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BusyInterval } from './busy-time';

interface BusyRow {
  appointment_id: string;
  person_id: string;
  starts_at: Date;
  ends_at: Date;
  school_id: string | null;
}

/** The queries planning needs: whose time is taken when, and the per-person lock. */
@Injectable()
export class ScheduleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Read-only busy time outside any transaction: for tools that suggest times (slots, common slots). */
  busyTime(personIds: readonly string[], from: Date, to: Date, exceptAppointmentId?: string): Promise<BusyInterval[]> {
    return this.busyIntervals(this.dataSource.manager, personIds, from, to, exceptAppointmentId);
  }

  /**
   * Locks the people's rows until the transaction ends. Every change that puts someone into an
   * appointment takes this lock first, so two plans for one person queue up and the second sees
   * the first one's appointment: the check and the insert are one step, not a race. Rows are
   * locked in id order (one statement over the primary key), so two plans sharing people cannot
   * wait on each other in a circle.
   */
  async lockPeople(manager: EntityManager, personIds: readonly string[]): Promise<void> {
    const ids = [...new Set(personIds)].sort();
    if (ids.length > 0) {
      await manager.query(
        `SELECT id FROM person WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id FOR UPDATE`,
        ids,
      );
    }
  }

  /**
   * The scheduled appointments these people take part in (not removed) that touch [from, to),
   * in one query. `except` leaves out the appointment(s) being moved or joined.
   *
   * `locking`: read the latest committed rows (a locking read), not the transaction's snapshot.
   * A clash check must: its snapshot may predate the person lock it waited for, and would then
   * miss the appointment the previous lock holder just committed.
   */
  async busyIntervals(
    manager: EntityManager,
    personIds: readonly string[],
    from: Date,
    to: Date,
    except?: string | readonly string[],
    locking = false,
  ): Promise<BusyInterval[]> {
    const ids = [...new Set(personIds)];
    if (ids.length === 0) {
      return [];
    }
    const excluded = except === undefined ? [] : typeof except === 'string' ? [except] : [...except];
    const rows: BusyRow[] = await manager.query(
      `SELECT p.appointment_id, p.person_id, a.starts_at, a.ends_at, a.school_id
         FROM appointment_participant p
         JOIN appointment a ON a.id = p.appointment_id
        WHERE p.person_id IN (${ids.map(() => '?').join(',')})
          AND p.removed_at IS NULL
          AND a.status = 'scheduled'
          AND a.starts_at < ? AND a.ends_at > ?
          ${excluded.length > 0 ? `AND a.id NOT IN (${excluded.map(() => '?').join(',')})` : ''}
        ORDER BY a.starts_at, a.id
        ${locking ? 'LOCK IN SHARE MODE' : ''}`,
      [...ids, to, from, ...excluded],
    );
    return rows.map((row) => ({
      appointmentId: row.appointment_id,
      personId: row.person_id,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      schoolId: row.school_id,
    }));
  }
}
