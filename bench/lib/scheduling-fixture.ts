import { randomUUID } from 'node:crypto';
import type { Connection } from 'mysql2/promise';

/** What the scheduling benchmarks plan against: a foundation's year of appointments. */
export interface SchedulingFixture {
  coachId: string;
  teacherId: string;
  schoolId: string;
  appointments: number;
  /** The coach's own appointments in the busy term. */
  coachAppointments: number;
  /** The busy term: Monday 4 January to Friday 2 April 2027. */
  termFrom: string;
  termTo: string;
}

const BATCH = 1000;
const TERM_FROM = '2027-01-04';
const TERM_DAYS = 89;
const YEAR_DAYS = 364;
const ZONE_OFFSET_MS = 3_600_000; // CET in the winter term: Amsterdam wall clock = UTC + 1 h

function dateAfter(from: string, days: number): Date {
  return new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000);
}

/** A wall-clock time in Amsterdam (winter) on the date `days` after the term's first Monday. */
function wallClock(days: number, minutes: number): Date {
  return new Date(dateAfter(TERM_FROM, days).getTime() + minutes * 60_000 - ZONE_OFFSET_MS);
}

async function insertRows(connection: Connection, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await connection.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`, [
      rows.slice(start, start + BATCH),
    ]);
  }
}

/**
 * Writes `total` appointments with bare multi-row INSERTs: a busy coach and a teacher with a full
 * term (the coach four appointments every school day, the teacher two of them plus two of
 * their own), and the rest spread over a year among `people` others at `schools` schools, each
 * with an organiser and one or two participants.
 */
export async function seedSchedulingFixture(
  connection: Connection,
  { total, people, schools }: { total: number; people: number; schools: number },
): Promise<SchedulingFixture> {
  const schoolIds = Array.from({ length: schools }, () => randomUUID());
  await insertRows(
    connection,
    'school',
    ['id', 'name', 'brin', 'vestiging', 'sector', 'holiday_region'],
    schoolIds.map((id, index) => [id, `Bench school ${index + 1}`, `${10 + index}ZZ`, '', 'PO', 'middle']),
  );
  const personIds = Array.from({ length: people }, () => randomUUID());
  await insertRows(
    connection,
    'person',
    ['id', 'email', 'given_name', 'family_name_prefix', 'family_name', 'language', 'active'],
    personIds.map((id, index) => [id, `bench.${index}@bench.test`, 'Bench', '', `Persoon ${index}`, 'nl', 1]),
  );
  const [coachId, teacherId, otherTeacherId] = personIds;
  const schoolId = schoolIds[0];

  const appointments: unknown[][] = [];
  const participants: unknown[][] = [];
  const add = (startsAt: Date, minutes: number, school: string, organizer: string, others: string[]) => {
    const id = randomUUID();
    appointments.push([
      id,
      'meeting',
      'Bench-overleg',
      startsAt,
      new Date(startsAt.getTime() + minutes * 60_000),
      school,
      'scheduled',
      `${id}@bench.test`,
      organizer,
    ]);
    participants.push([randomUUID(), id, organizer, 'organizer', 'accepted']);
    for (const other of others) {
      participants.push([randomUUID(), id, other, 'required', 'needs_action']);
    }
  };

  let coachAppointments = 0;
  for (let day = 0; day < TERM_DAYS; day += 1) {
    if (dateAfter(TERM_FROM, day).getUTCDay() % 6 === 0) {
      continue; // weekend
    }
    // Coach: 08:30, 10:00, 13:00, 14:30 (an hour each); the teacher joins the first and third.
    for (const [minutes, withTeacher] of [
      [510, true],
      [600, false],
      [780, true],
      [870, false],
    ] as const) {
      add(wallClock(day, minutes), 60, schoolId, coachId, [withTeacher ? teacherId : otherTeacherId]);
      coachAppointments += 1;
    }
    // The teacher's own: 11:15 and 15:45.
    add(wallClock(day, 675), 45, schoolId, otherTeacherId, [teacherId]);
    add(wallClock(day, 945), 45, schoolId, otherTeacherId, [teacherId]);
  }
  const others = personIds.slice(3);
  for (let index = appointments.length; index < total; index += 1) {
    const organizer = others[index % others.length];
    const guest = others[(index * 7 + 3) % others.length];
    const day = (index * 13) % YEAR_DAYS;
    const minutes = 480 + ((index * 37) % 32) * 15; // 08:00–15:45
    add(wallClock(day, minutes), 60, schoolIds[index % schools], organizer, guest === organizer ? [] : [guest]);
  }
  await insertRows(
    connection,
    'appointment',
    ['id', 'kind', 'title', 'starts_at', 'ends_at', 'school_id', 'status', 'ical_uid', 'organizer_person_id'],
    appointments,
  );
  await insertRows(
    connection,
    'appointment_participant',
    ['id', 'appointment_id', 'person_id', 'role', 'rsvp'],
    participants,
  );
  await connection.query('ANALYZE TABLE appointment, appointment_participant');
  return {
    coachId,
    teacherId,
    schoolId,
    appointments: appointments.length,
    coachAppointments,
    termFrom: TERM_FROM,
    termTo: dateAfter(TERM_FROM, TERM_DAYS - 1)
      .toISOString()
      .slice(0, 10),
  };
}
