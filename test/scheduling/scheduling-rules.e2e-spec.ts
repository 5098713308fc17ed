import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

/** A school week in March 2027 with no holidays in any region: Monday 8 to Friday 12. */
const MONDAY = '2027-03-08';
const at = (date: string, time: string) => `${date}T${time}:00+01:00`;

describe('scheduling rules: no double booking, closures, working hours, travel time', () => {
  let api: RunningApi;
  let db: DataSource;
  let make: ReturnType<typeof factory>;
  let school: School;
  let otherSchool: School;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    api = await startApi();
    db = await openTestDataSource();
    make = factory(db);
    school = await make.school();
    otherSchool = await make.school();
    adminHeaders = {
      ...(await signIn(api, (await make.person({ isAdmin: true })).id)),
      'content-type': 'application/json',
    };
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  async function coachAndTeacher(): Promise<{ coach: Person; teacher: Person; headers: Record<string, string> }> {
    const coach = await make.person({
      memberships: [
        { schoolId: school.id, function: 'werkbegeleider' },
        { schoolId: otherSchool.id, function: 'werkbegeleider' },
      ],
    });
    const teacher = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    return { coach, teacher, headers: { ...(await signIn(api, coach.id)), 'content-type': 'application/json' } };
  }

  const post = (path: string, headers: Record<string, string>, body: unknown) =>
    fetch(`${api.url}/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

  const plan = (
    headers: Record<string, string>,
    people: Person[],
    start: string,
    end: string,
    extra: Record<string, unknown> = {},
  ) =>
    post('/appointments', headers, {
      title: 'Coachgesprek',
      description: 'Vertrouwelijk: over de klas van juf X',
      start,
      end,
      schoolId: school.id,
      participants: people.map((person) => ({ personId: person.id })),
      ...extra,
    });

  it('of 50 concurrent plans for one coach at overlapping times, exactly one is made; the rest get 409 with the time only', async () => {
    const { coach, headers } = await coachAndTeacher();
    const teachers = await Promise.all(
      Array.from({ length: 50 }, () => make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] })),
    );
    // Each request a different teacher and a slightly different start, all overlapping 10:00–10:30.
    const responses = await Promise.all(
      teachers.map((teacher, index) =>
        plan(headers, [teacher], at(MONDAY, `10:${String(index % 30).padStart(2, '0')}`), at(MONDAY, '11:00')),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);

    const created = await readJson(responses[statuses.indexOf(201)]);
    const refused = await readJson(responses[statuses.indexOf(409)]);
    expect(refused).toMatchObject({ status: 409, code: 'double_booked' });
    expect(refused.conflicts).toEqual([
      { personId: coach.id, kind: 'overlap', start: created.start, end: created.end },
    ]);
    // When, not what: nothing of the other appointment's title, description or people leaks.
    expect(JSON.stringify(refused)).not.toContain('Coachgesprek');
    expect(JSON.stringify(refused)).not.toContain('Vertrouwelijk');

    const [{ count }] = await db.query<Array<{ count: string }>>(
      "SELECT COUNT(*) AS count FROM appointment_participant WHERE person_id = ? AND removed_at IS NULL AND role = 'organizer'",
      [coach.id],
    );
    expect(Number(count)).toBe(1);
  });

  it('allows back-to-back at one school, and moving an appointment within its own time', async () => {
    const { teacher, headers } = await coachAndTeacher();
    const first = await plan(headers, [teacher], at(MONDAY, '09:00'), at(MONDAY, '10:00'));
    expect(first.status).toBe(201);
    expect((await plan(headers, [teacher], at(MONDAY, '10:00'), at(MONDAY, '11:00'))).status).toBe(201);
    const { id, version } = await readJson(first);
    const moved = await fetch(`${api.url}/api/v1/appointments/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ start: at(MONDAY, '09:15'), end: at(MONDAY, '10:00'), version }),
    });
    expect(moved.status).toBe(200);
  });

  it('refuses a move onto another appointment of a participant, and leaves the appointment as it was', async () => {
    const { teacher, headers } = await coachAndTeacher();
    const morning = await readJson(
      await plan(headers, [teacher], at('2027-03-09', '09:00'), at('2027-03-09', '10:00')),
    );
    await plan(headers, [teacher], at('2027-03-09', '13:00'), at('2027-03-09', '14:00'));
    const moved = await fetch(`${api.url}/api/v1/appointments/${morning.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ start: at('2027-03-09', '13:30'), end: at('2027-03-09', '14:30'), version: 0 }),
    });
    expect(moved.status).toBe(409);
    expect(await readJson(moved)).toMatchObject({ code: 'double_booked' });
    const stored = await readJson(await fetch(`${api.url}/api/v1/appointments/${morning.id}`, { headers }));
    expect(stored).toMatchObject({ start: '2027-03-09T08:00:00.000Z', version: 0 });
  });

  it('refuses a day the school is closed (a study day) with school_closed', async () => {
    const { teacher, headers } = await coachAndTeacher();
    const studyDay = await post(`/schools/${school.id}/closures`, adminHeaders, {
      name: 'Studiedag',
      startDate: '2027-03-10',
    });
    expect(studyDay.status).toBe(201);
    const refused = await plan(headers, [teacher], at('2027-03-10', '10:00'), at('2027-03-10', '11:00'));
    expect(refused.status).toBe(422);
    expect(await readJson(refused)).toMatchObject({
      code: 'school_closed',
      date: '2027-03-10',
      closure: { kind: 'study_day', name: 'Studiedag' },
    });
    // Online, the school's calendar does not apply.
    const online = await post('/appointments', headers, {
      title: 'Online coachgesprek',
      start: at('2027-03-10', '10:00'),
      end: at('2027-03-10', '11:00'),
      onlineUrl: 'https://meet.example.nl/abc',
      participants: [{ personId: teacher.id }],
    });
    expect(online.status).toBe(201);
  });

  it('refuses outside working hours with outside_working_hours, unless overridden (and then audits it)', async () => {
    const { teacher, headers } = await coachAndTeacher();
    const pattern = await fetch(`${api.url}/api/v1/people/${teacher.id}/working-pattern`, {
      method: 'PUT',
      headers: adminHeaders,
      body: JSON.stringify({ blocks: [{ weekday: 'thursday', start: '08:30', end: '12:30' }] }),
    });
    expect(pattern.status).toBe(200);
    const afternoon = [at('2027-03-11', '14:00'), at('2027-03-11', '15:00')] as const;
    const refused = await plan(headers, [teacher], ...afternoon);
    expect(refused.status).toBe(422);
    expect(await readJson(refused)).toMatchObject({ code: 'outside_working_hours', personIds: [teacher.id] });
    expect((await plan(headers, [teacher], at('2027-03-11', '09:00'), at('2027-03-11', '10:00'))).status).toBe(201);

    const overridden = await plan(headers, [teacher], ...afternoon, { allowOutsideWorkingHours: true });
    expect(overridden.status).toBe(201);
    const { id } = await readJson(overridden);
    const [event] = await db.query<Array<{ details: string | Record<string, unknown> }>>(
      "SELECT details FROM audit_event WHERE entity_type = 'appointment' AND entity_id = ? AND action = 'create'",
      [id],
    );
    const details = typeof event.details === 'string' ? JSON.parse(event.details) : event.details;
    expect(details).toMatchObject({ outsideWorkingHoursOverride: [teacher.id] });
  });

  it('wants travel time between appointments at different schools, not at the same school or online', async () => {
    const { coach, teacher, headers } = await coachAndTeacher();
    const elsewhere = await make.person({ memberships: [{ schoolId: otherSchool.id, function: 'teacher' }] });
    const visit = await post('/appointments', headers, {
      title: 'Klassenbezoek',
      start: at('2027-03-12', '09:00'),
      end: at('2027-03-12', '10:00'),
      schoolId: otherSchool.id,
      participants: [{ personId: elsewhere.id }],
    });
    expect(visit.status).toBe(201);
    const tooSoon = await plan(headers, [teacher], at('2027-03-12', '10:15'), at('2027-03-12', '11:00'));
    expect(tooSoon.status).toBe(409);
    expect(await readJson(tooSoon)).toMatchObject({
      code: 'travel_time',
      travelBufferMinutes: 30,
      conflicts: [
        { personId: coach.id, kind: 'travel', start: '2027-03-12T08:00:00.000Z', end: '2027-03-12T09:00:00.000Z' },
      ],
    });
    expect((await plan(headers, [teacher], at('2027-03-12', '10:30'), at('2027-03-12', '11:00'))).status).toBe(201);
  });

  it('refuses a time in the past with in_the_past', async () => {
    const { teacher, headers } = await coachAndTeacher();
    const past = await plan(headers, [teacher], '2026-01-12T10:00:00+01:00', '2026-01-12T11:00:00+01:00');
    expect(past.status).toBe(422);
    expect(await readJson(past)).toMatchObject({ code: 'in_the_past' });
  });

  it('suggests slots that avoid appointments, closures and non-working time, and each can be planned', async () => {
    const { coach, teacher, headers } = await coachAndTeacher();
    await fetch(`${api.url}/api/v1/people/${teacher.id}/working-pattern`, {
      method: 'PUT',
      headers: adminHeaders,
      body: JSON.stringify({
        blocks: [
          { weekday: 'monday', start: '08:30', end: '12:00' },
          { weekday: 'wednesday', start: '08:30', end: '12:00' },
        ],
      }),
    });
    // Busy Monday 15 March 08:30–10:00; Wednesday 17 March a study day.
    expect((await plan(headers, [teacher], at('2027-03-15', '08:30'), at('2027-03-15', '10:00'))).status).toBe(201);
    expect(
      (await post(`/schools/${school.id}/closures`, adminHeaders, { name: 'Studiedag', startDate: '2027-03-17' }))
        .status,
    ).toBe(201);
    const query = new URLSearchParams({
      personId: `${coach.id},${teacher.id}`,
      schoolId: school.id,
      duration: '60',
      from: '2027-03-15',
      to: '2027-03-24',
      count: '4',
    });
    const response = await fetch(`${api.url}/api/v1/scheduling/slots?${query.toString()}`, { headers });
    expect(response.status).toBe(200);
    const { items } = await readJson(response);
    expect(items).toEqual([
      { start: '2027-03-15T09:00:00.000Z', end: '2027-03-15T10:00:00.000Z' }, // Mon 10:00–11:00
      { start: '2027-03-15T10:00:00.000Z', end: '2027-03-15T11:00:00.000Z' }, // Mon 11:00–12:00
      { start: '2027-03-22T07:30:00.000Z', end: '2027-03-22T08:30:00.000Z' }, // next Mon 08:30 (Wed is closed)
      { start: '2027-03-22T08:30:00.000Z', end: '2027-03-22T09:30:00.000Z' },
    ]);
    for (const slot of items as Array<{ start: string; end: string }>) {
      expect((await plan(headers, [teacher], slot.start, slot.end)).status).toBe(201);
    }
  });

  it('answers 400 for bad slot queries, 403 for a teacher, and 404 for people the caller cannot see', async () => {
    const { teacher, headers } = await coachAndTeacher();
    const slots = (query: string, who = headers) =>
      fetch(`${api.url}/api/v1/scheduling/slots?${query}`, { headers: who });
    for (const query of [
      '',
      `personId=nope`,
      `personId=${teacher.id}&duration=5`,
      `personId=${teacher.id}&from=2027-13-01`,
    ]) {
      const response = await slots(query);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const teacherHeaders = await signIn(api, teacher.id);
    expect((await slots(`personId=${teacher.id}`, teacherHeaders)).status).toBe(403);
    const stranger = await make.person({ memberships: [{ schoolId: (await make.school()).id, function: 'teacher' }] });
    expect((await slots(`personId=${stranger.id}`)).status).toBe(404);
  });

  it("shows a coach's week across schools, Monday to Sunday, per day", async () => {
    const { teacher, headers } = await coachAndTeacher();
    const elsewhere = await make.person({ memberships: [{ schoolId: otherSchool.id, function: 'teacher' }] });
    await plan(headers, [teacher], at('2027-03-30', '09:00'), at('2027-03-30', '10:00'));
    await post('/appointments', headers, {
      title: 'Bij de andere school',
      start: at('2027-04-01', '13:00').replace('+01:00', '+02:00'),
      end: at('2027-04-01', '14:00').replace('+01:00', '+02:00'),
      schoolId: otherSchool.id,
      participants: [{ personId: elsewhere.id }],
    });
    const response = await fetch(`${api.url}/api/v1/me/week?date=2027-03-31`, { headers });
    expect(response.status).toBe(200);
    const week = await readJson(response);
    expect(week.weekStart).toBe('2027-03-29');
    expect(week.days.map((day: { date: string }) => day.date)).toEqual([
      '2027-03-29',
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
      '2027-04-02',
      '2027-04-03',
      '2027-04-04',
    ]);
    const schoolsByDay = week.days.map((day: { items: Array<{ location: { schoolName: string } }> }) =>
      day.items.map((item) => item.location.schoolName),
    );
    expect(schoolsByDay).toEqual([[], [school.name], [], [otherSchool.name], [], [], []]);
  });
});
