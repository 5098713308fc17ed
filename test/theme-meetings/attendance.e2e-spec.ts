import type { DataSource } from 'typeorm';
import { dateInZone, schoolYearOf, type Person, type School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { uniqueSlot } from '@leerkring/testing/slots';

const MINUTE = 60_000;

/** Parses our Dutch CSV: a UTF-8 BOM, semicolons, every field quoted, CRLF. */
async function parseCsv(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // fetch's text() would drop the BOM silently; keep it to check it is there once.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += char;
    }
  }
  expect(field).toBe('');
  return rows;
}

describe('theme meetings: attendance, professional development hours and the evaluation', () => {
  let api: RunningApi;
  let db: DataSource;
  let school: School;
  let otherSchool: School;
  const people: Record<string, Person> = {};
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    school = await make.school();
    otherSchool = await make.school();
    const at = (schoolId: string, fn: 'teacher' | 'director' | 'intern_begeleider') => [{ schoolId, function: fn }];
    people.coach = await make.person({ memberships: at(school.id, 'intern_begeleider') });
    people.anna = await make.person({ givenName: 'Anna', memberships: at(school.id, 'teacher') });
    people.bram = await make.person({ givenName: 'Bram', memberships: at(school.id, 'teacher') });
    people.cees = await make.person({ givenName: 'Cees', memberships: at(otherSchool.id, 'teacher') });
    people.dora = await make.person({ givenName: 'Dora', memberships: at(school.id, 'teacher') });
    people.director = await make.person({ memberships: at(school.id, 'director') });
    people.admin = await make.person({ isAdmin: true });
    for (const [name, person] of Object.entries(people)) {
      headers[name] = { ...(await signIn(api, person.id)), 'content-type': 'application/json' };
    }
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  const call = (method: string, path: string, who: string, body?: unknown) =>
    fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: headers[who],
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function expectProblem(response: Response, status: number, code?: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await readJson(response);
    if (code) {
      expect(problem.code).toBe(code);
    }
    return problem;
  }

  /** Moves a session (and the meeting's start and end with it) by SQL: nobody can plan in the past. */
  async function moveSession(meetingId: string, sessionId: string, startsAt: Date, endsAt: Date) {
    await db.query('UPDATE theme_meeting_session SET starts_at = ?, ends_at = ? WHERE id = ?', [
      startsAt,
      endsAt,
      sessionId,
    ]);
    await db.query(
      `UPDATE theme_meeting m SET
         starts_at = (SELECT MIN(s.starts_at) FROM theme_meeting_session s WHERE s.meeting_id = m.id),
         ends_at = (SELECT MAX(s.ends_at) FROM theme_meeting_session s WHERE s.meeting_id = m.id)
       WHERE m.id = ?`,
      [meetingId],
    );
  }

  it('marks attendance, checks in with the code, credits hours per school year and takes evaluations', async () => {
    const first = uniqueSlot(60);
    const second = uniqueSlot(60);
    const created = await call('POST', '/theme-meetings', 'coach', {
      title: 'Rekenen; "met" begrip',
      tags: ['rekenen'],
      format: 'on_site',
      schoolId: school.id,
      capacity: 10,
      hoursCredited: 3,
      sessions: [first, second],
      registrationOpensAt: new Date(Date.now() - MINUTE).toISOString(),
      registrationClosesAt: first.start,
    });
    expect(created.status).toBe(201);
    const meeting = await readJson(created);
    const [s0, s1] = meeting.sessions;
    const registration: Record<string, string> = {};
    for (const name of ['anna', 'bram', 'cees', 'dora']) {
      const signedUp = await readJson(await call('POST', `/theme-meetings/${meeting.id}/registrations`, name, {}));
      expect(signedUp.status).toBe('confirmed');
      registration[name] = signedUp.id;
    }

    // Before anything happened: no marks, no evaluation.
    await expectProblem(
      await call('PUT', `/theme-meetings/${meeting.id}/sessions/${s0.id}/attendance`, 'coach', {
        items: [{ registrationId: registration.anna, present: true }],
      }),
      422,
      'session_not_started',
    );
    await expectProblem(
      await call('POST', `/theme-meetings/${meeting.id}/evaluation`, 'anna', { score: 4 }),
      422,
      'meeting_not_ended',
    );

    // The organiser sees the codes; participants do not.
    const detail = await readJson(await call('GET', `/theme-meetings/${meeting.id}`, 'coach'));
    const code: string = detail.sessions[0].checkInCode;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(detail.sessions[0].checkInUrl).toContain(
      `/themabijeenkomsten/${meeting.id}/inchecken?sessie=${s0.id}&code=${code}`,
    );
    const annaView = await readJson(await call('GET', `/theme-meetings/${meeting.id}`, 'anna'));
    expect(annaView.sessions[0].checkInCode).toBeUndefined();

    // Session 1 is on now, session 2 later today or tomorrow.
    const now = Date.now();
    await moveSession(meeting.id, s0.id, new Date(now - MINUTE), new Date(now + 60 * MINUTE));
    await moveSession(meeting.id, s1.id, new Date(now + 120 * MINUTE), new Date(now + 180 * MINUTE));

    const checkIn = (who: string, sessionId: string, body: unknown) =>
      call('POST', `/theme-meetings/${meeting.id}/sessions/${sessionId}/check-in`, who, body);
    const wrong = code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    await expectProblem(await checkIn('anna', s0.id, { code: wrong }), 422, 'wrong_check_in_code');
    await expectProblem(await checkIn('anna', s0.id, {}), 400);
    await expectProblem(await checkIn('anna', s1.id, { code: detail.sessions[1].checkInCode }), 422, 'check_in_closed');
    await expectProblem(await checkIn('director', s0.id, { code }), 422, 'not_a_participant');
    const checkedIn = await checkIn('anna', s0.id, { code: code.toLowerCase() });
    expect(checkedIn.status).toBe(200);
    expect(await readJson(checkedIn)).toMatchObject({ present: true, attendedHours: 1.5 });

    // The organiser marks the rest of session 1.
    const attendancePath = `/theme-meetings/${meeting.id}/sessions/${s0.id}/attendance`;
    await expectProblem(
      await call('PUT', attendancePath, 'bram', { items: [{ registrationId: registration.bram, present: true }] }),
      403,
    );
    await expectProblem(await call('PUT', attendancePath, 'coach', { items: [{ registrationId: 'nope' }] }), 400);
    await expectProblem(await call('PUT', attendancePath, 'coach', { items: [] }), 400);
    const strangerRegistration = '00000000-0000-4000-8000-000000000000';
    await expectProblem(
      await call('PUT', attendancePath, 'coach', { items: [{ registrationId: strangerRegistration, present: true }] }),
      400,
    );
    const marked = await call('PUT', attendancePath, 'coach', {
      items: [
        { registrationId: registration.bram, present: true },
        { registrationId: registration.cees, present: false },
      ],
    });
    expect(marked.status).toBe(200);
    const lines = (await readJson(marked)).items as Array<{ registrationId: string; present: boolean | null }>;
    const presence = Object.fromEntries(lines.map((line) => [line.registrationId, line.present]));
    expect(presence).toEqual({
      [registration.anna]: true,
      [registration.bram]: true,
      [registration.cees]: false,
      [registration.dora]: null,
    });

    // Evaluation is still refused: session 2 has not ended.
    await expectProblem(
      await call('POST', `/theme-meetings/${meeting.id}/evaluation`, 'anna', { score: 4 }),
      422,
      'meeting_not_ended',
    );

    // Both sessions in the past; session 2: Anna and Cees present, Bram absent.
    const later = Date.now();
    const firstStart = new Date(later - 180 * MINUTE);
    await moveSession(meeting.id, s0.id, firstStart, new Date(later - 150 * MINUTE));
    await moveSession(meeting.id, s1.id, new Date(later - 90 * MINUTE), new Date(later - 60 * MINUTE));
    const secondMarks = await call('PUT', `/theme-meetings/${meeting.id}/sessions/${s1.id}/attendance`, 'coach', {
      items: [
        { registrationId: registration.anna, present: true },
        { registrationId: registration.bram, present: false },
        { registrationId: registration.cees, present: true },
      ],
    });
    expect(secondMarks.status).toBe(200);

    // Hours: 3 credited over two parts.
    const schoolYear = schoolYearOf(dateInZone(firstStart, 'Europe/Amsterdam'));
    const own = await readJson(await call('GET', `/me/professional-development?schoolYear=${schoolYear}`, 'anna'));
    expect(own).toEqual({
      schoolYear,
      totalHours: 3,
      items: [
        {
          meetingId: meeting.id,
          title: meeting.title,
          start: firstStart.toISOString(),
          sessions: 2,
          sessionsAttended: 2,
          hoursCredited: 3,
          attendedHours: 3,
        },
      ],
    });
    const bramOwn = await readJson(await call('GET', `/me/professional-development?schoolYear=${schoolYear}`, 'bram'));
    expect(bramOwn.totalHours).toBe(1.5);
    expect(bramOwn.items.map((item: { meetingId: string }) => item.meetingId)).toEqual([meeting.id]);
    const doraOwn = await readJson(await call('GET', `/me/professional-development?schoolYear=${schoolYear}`, 'dora'));
    expect(doraOwn).toEqual({ schoolYear, items: [], totalHours: 0 });
    await expectProblem(await call('GET', '/me/professional-development?schoolYear=2027', 'anna'), 400);
    await expectProblem(await call('GET', '/me/professional-development?schoolYear=2027-2029', 'anna'), 400);
    await expectProblem(await call('GET', '/me/professional-development', 'anna'), 400);
    await expectProblem(await call('GET', '/me/professional-development?schoolYear=0000-0001', 'anna'), 400);

    // The director's CSV: the people of their school, not Cees (another school).
    const csvPath = `/professional-development.csv?schoolYear=${schoolYear}`;
    const directorCsv = await call('GET', csvPath, 'director');
    expect(directorCsv.status).toBe(200);
    expect(directorCsv.headers.get('content-type')).toContain('text/csv');
    const rows = await parseCsv(directorCsv);
    expect(rows[0]).toEqual(['Schooljaar', 'Naam', 'E-mail', 'Themabijeenkomst', 'Datum', 'Delen', 'Aanwezig', 'Uren']);
    const mine = (email: string) => rows.filter((row) => row[2] === email && row[3] === meeting.title);
    expect(mine(people.anna.email)).toEqual([
      [
        schoolYear,
        expect.stringContaining('Anna'),
        people.anna.email,
        'Rekenen; "met" begrip',
        dateInZone(firstStart, 'Europe/Amsterdam'),
        '2',
        '2',
        '3,00',
      ],
    ]);
    expect(mine(people.bram.email).map((row) => row[7])).toEqual(['1,50']);
    expect(mine(people.cees.email)).toEqual([]);
    expect(mine(people.dora.email)).toEqual([]);
    const adminRows = await parseCsv(await call('GET', csvPath, 'admin'));
    const ours = new Set([people.anna, people.bram, people.cees, people.dora].map((person) => person.email));
    const forMeeting = adminRows.filter((row) => ours.has(row[2]) && row[3] === meeting.title);
    expect(forMeeting.map((row) => [row[2], row[7]]).sort()).toEqual(
      [
        [people.anna.email, '3,00'],
        [people.bram.email, '1,50'],
        [people.cees.email, '1,50'],
      ].sort(),
    );

    // A teacher sees only their own rows; another teacher's hours do not exist for them.
    const bramRows = await parseCsv(await call('GET', csvPath, 'bram'));
    expect(new Set(bramRows.slice(1).map((row) => row[2]))).toEqual(new Set([people.bram.email]));
    await expectProblem(await call('GET', `${csvPath}&personId=${people.anna.id}`, 'bram'), 404);
    await expectProblem(await call('GET', `${csvPath}&personId=${people.cees.id}`, 'director'), 404);
    const annaByDirector = await parseCsv(await call('GET', `${csvPath}&personId=${people.anna.id}`, 'director'));
    expect(annaByDirector.slice(1).map((row) => row[2])).toEqual([people.anna.email]);
    await expectProblem(await call('GET', '/professional-development.csv?schoolYear=nope', 'director'), 400);
    await expectProblem(await call('GET', `/theme-meetings/${meeting.id}/sessions/${s0.id}/attendance`, 'bram'), 403);

    // Evaluation after the end: one each, a repeat replaces it.
    const evaluate = (who: string, body: unknown) =>
      call('POST', `/theme-meetings/${meeting.id}/evaluation`, who, body);
    await expectProblem(await evaluate('anna', { score: 6 }), 400);
    await expectProblem(await evaluate('anna', { score: 0 }), 400);
    await expectProblem(await evaluate('anna', { score: 3, comment: 'x'.repeat(2001) }), 400);
    await expectProblem(await evaluate('anna', { score: '4' }), 400);
    await expectProblem(await evaluate('dora', { score: 5 }), 422, 'not_attended');
    await expectProblem(await evaluate('director', { score: 5 }), 404);
    expect((await evaluate('anna', { score: 4, comment: 'Heel nuttig' })).status).toBe(200);
    const replaced = await evaluate('anna', { score: 5, comment: 'Nog beter' });
    expect(replaced.status).toBe(200);
    expect(await readJson(replaced)).toMatchObject({ score: 5, comment: 'Nog beter' });
    expect((await evaluate('bram', { score: 2 })).status).toBe(200);
    expect((await evaluate('cees', { score: 5, comment: 'Top' })).status).toBe(200);

    await expectProblem(await call('GET', `/theme-meetings/${meeting.id}/evaluations`, 'anna'), 403);
    const aggregate = await call('GET', `/theme-meetings/${meeting.id}/evaluations`, 'coach');
    expect(aggregate.status).toBe(200);
    const body = await readJson(aggregate);
    expect(body).toMatchObject({
      meetingId: meeting.id,
      count: 3,
      average: 4,
      distribution: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 2 },
    });
    expect([...body.comments].sort()).toEqual(['Nog beter', 'Top']);
    const raw = JSON.stringify(body);
    for (const person of [people.anna, people.bram, people.cees]) {
      expect(raw).not.toContain(person.id);
      expect(raw).not.toContain(person.email);
    }
  });
});
