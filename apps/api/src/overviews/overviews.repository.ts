import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  OrganisedMeetingLine,
  PlanningAppointmentLine,
  PlanningTrajectoryLine,
  RegistrantName,
  ThemeAttendanceLine,
} from './overviews.dto';

type Row = Record<string, unknown>;

const NAME = (alias: string) =>
  `TRIM(CONCAT_WS(' ', ${alias}.given_name, NULLIF(${alias}.family_name_prefix, ''), ${alias}.family_name))`;

/** `AND column IN (?, ?)` for a school scope; null is every school. */
function inSchools(column: string, schoolIds: string[] | null): { sql: string; parameters: string[] } {
  if (schoolIds === null) {
    return { sql: '', parameters: [] };
  }
  const ids = schoolIds.length > 0 ? schoolIds : [''];
  return { sql: `AND ${column} IN (${ids.map(() => '?').join(', ')})`, parameters: ids };
}

/**
 * Read models for the web app's overviews: a director's planning, theme meeting attendance per
 * school, an organiser's own meetings and the names of their registrants. Read-only; the domain
 * libraries own every write.
 */
@Injectable()
export class OverviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async openTrajectories(schoolIds: string[] | null): Promise<PlanningTrajectoryLine[]> {
    const scope = inSchools('t.school_id', schoolIds);
    const rows: Row[] = await this.dataSource.query(
      `SELECT t.id, t.school_id AS schoolId, sch.name AS schoolName, ${NAME('c')} AS coachName,
              ${NAME('e')} AS coacheeName, t.status, t.planned_sessions AS plannedSessions,
              (SELECT COUNT(*) FROM coaching_session cs WHERE cs.trajectory_id = t.id AND cs.status = 'held') AS held
         FROM coaching_trajectory t
         JOIN school sch ON sch.id = t.school_id
         JOIN person c ON c.id = t.coach_person_id
         JOIN person e ON e.id = t.coachee_person_id
        WHERE t.status IN ('requested', 'active') ${scope.sql}
        ORDER BY sch.name, c.family_name, c.given_name, e.family_name, e.given_name, t.id
        LIMIT 500`,
      scope.parameters,
    );
    return rows.map((row) => ({
      id: String(row.id),
      schoolId: String(row.schoolId),
      schoolName: String(row.schoolName),
      coachName: String(row.coachName),
      coacheeName: String(row.coacheeName),
      status: String(row.status),
      plannedSessions: Number(row.plannedSessions),
      sessionsHeld: Number(row.held),
    }));
  }

  async upcoming(schoolIds: string[] | null, from: Date, to: Date): Promise<PlanningAppointmentLine[]> {
    const sessions = inSchools('t.school_id', schoolIds);
    const visits = inSchools('v.school_id', schoolIds);
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT 'coaching_session' AS kind, a.starts_at AS startsAt, a.ends_at AS endsAt, t.school_id AS schoolId,
                sch.name AS schoolName, ${NAME('c')} AS coachName, ${NAME('e')} AS personName
           FROM coaching_session cs
           JOIN appointment a ON a.id = cs.appointment_id
           JOIN coaching_trajectory t ON t.id = cs.trajectory_id
           JOIN school sch ON sch.id = t.school_id
           JOIN person c ON c.id = t.coach_person_id
           JOIN person e ON e.id = t.coachee_person_id
          WHERE cs.status = 'planned' AND a.starts_at >= ? AND a.starts_at < ? ${sessions.sql}
         UNION ALL
         SELECT 'classroom_visit', a.starts_at, a.ends_at, v.school_id, sch.name, ${NAME('o')}, ${NAME('p')}
           FROM classroom_visit v
           JOIN appointment a ON a.id = v.visit_appointment_id
           JOIN school sch ON sch.id = v.school_id
           JOIN person o ON o.id = v.observer_person_id
           JOIN person p ON p.id = v.teacher_person_id
          WHERE v.status = 'planned' AND a.starts_at >= ? AND a.starts_at < ? ${visits.sql}
       ) planned
       ORDER BY startsAt, schoolName, coachName
       LIMIT 500`,
      [from, to, ...sessions.parameters, from, to, ...visits.parameters],
    );
    return rows.map((row) => ({
      kind: row.kind === 'classroom_visit' ? 'classroom_visit' : 'coaching_session',
      start: new Date(row.startsAt as Date).toISOString(),
      end: new Date(row.endsAt as Date).toISOString(),
      schoolId: String(row.schoolId),
      schoolName: String(row.schoolName),
      coachName: String(row.coachName),
      personName: String(row.personName),
    }));
  }

  /**
   * Per school: confirmed registrations of its staff for meetings starting in [from, to), how many
   * of those were present at least once, and their credited hours. A person at two schools counts
   * at both. Schools in scope without registrations are listed with zeros.
   */
  async themeAttendance(schoolIds: string[] | null, from: Date, to: Date): Promise<ThemeAttendanceLine[]> {
    const scope = inSchools('sch.id', schoolIds);
    const rows: Row[] = await this.dataSource.query(
      `SELECT sch.id AS schoolId, sch.name AS schoolName,
              COUNT(r.id) AS registered,
              COALESCE(SUM(EXISTS (SELECT 1 FROM theme_attendance a WHERE a.registration_id = r.id AND a.present = 1)), 0)
                AS attended,
              COALESCE(SUM(r.attended_hours), 0) AS hours
         FROM school sch
         LEFT JOIN (SELECT DISTINCT person_id, school_id FROM school_membership) sm ON sm.school_id = sch.id
         LEFT JOIN (theme_registration r JOIN theme_meeting m
                      ON m.id = r.meeting_id AND m.status = 'published' AND m.starts_at >= ? AND m.starts_at < ?)
           ON r.person_id = sm.person_id AND r.status = 'confirmed'
        WHERE 1 = 1 ${scope.sql}
        GROUP BY sch.id, sch.name
        ORDER BY sch.name, sch.id`,
      [from, to, ...scope.parameters],
    );
    return rows.map((row) => ({
      schoolId: String(row.schoolId),
      schoolName: String(row.schoolName),
      registered: Number(row.registered),
      attended: Number(row.attended),
      hours: Math.round(Number(row.hours) * 100) / 100,
    }));
  }

  async organisedBy(personId: string): Promise<OrganisedMeetingLine[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT m.id, m.title, m.format, m.status, m.starts_at AS startsAt, m.ends_at AS endsAt, m.capacity,
              m.confirmed_count + m.online_confirmed_count AS confirmed,
              (SELECT COUNT(*) FROM theme_registration r WHERE r.meeting_id = m.id AND r.status = 'waitlisted') AS waitlist
         FROM theme_meeting m
        WHERE m.organizer_person_id = ?
        ORDER BY m.starts_at DESC, m.id
        LIMIT 200`,
      [personId],
    );
    return rows.map((row) => ({
      id: String(row.id),
      title: String(row.title),
      format: row.format as OrganisedMeetingLine['format'],
      status: String(row.status),
      start: new Date(row.startsAt as Date).toISOString(),
      end: new Date(row.endsAt as Date).toISOString(),
      capacity: Number(row.capacity),
      confirmed: Number(row.confirmed),
      waitlist: Number(row.waitlist),
    }));
  }

  async organiserOf(meetingId: string): Promise<string | null> {
    const rows: Row[] = await this.dataSource.query(
      'SELECT organizer_person_id AS organiser FROM theme_meeting WHERE id = ?',
      [meetingId],
    );
    return rows.length > 0 ? String(rows[0].organiser) : null;
  }

  async registrantNames(meetingId: string): Promise<RegistrantName[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT p.id, ${NAME('p')} AS displayName,
              (SELECT GROUP_CONCAT(DISTINCT sch.name ORDER BY sch.name SEPARATOR '\\n')
                 FROM school_membership sm JOIN school sch ON sch.id = sm.school_id
                WHERE sm.person_id = p.id) AS schools
         FROM person p
        WHERE p.id IN (SELECT r.person_id FROM theme_registration r WHERE r.meeting_id = ?)
        ORDER BY p.family_name, p.given_name, p.id`,
      [meetingId],
    );
    return rows.map((row) => ({
      personId: String(row.id),
      displayName: String(row.displayName),
      schools: typeof row.schools === 'string' && row.schools ? row.schools.split('\n') : [],
    }));
  }
}
