import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import { calendarPart, mailsTo, parseInvite, waitForInvites } from '../appointments/calendar-mail';

/** Amsterdam wall-clock time in March 2029 (CET, +01:00), past the school years other tests import holidays for. */
const at = (date: string, time: string) => `${date}T${time}:00+01:00`;

/** What a participant's calendar shows: the METHOD, SEQUENCE and LOCATION of each invite for this UID. */
interface Invite {
  method: string;
  sequence: number;
  location: string;
  start: string;
}

describe('moving a coaching session or a visit appointment to another place', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: AppProcess;
  let make: ReturnType<typeof factory>;
  let school: School;
  let otherSchool: School;
  let admin: Person;
  const headers = new Map<string, Record<string, string>>();

  const call = async (person: Person, method: string, path: string, body?: unknown) => {
    if (!headers.has(person.id)) {
      headers.set(person.id, { ...(await signIn(api, person.id)), 'content-type': 'application/json' });
    }
    return fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: headers.get(person.id)!,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };

  async function uidOf(appointmentId: string): Promise<string> {
    const [row] = await db.query<Array<{ ical_uid: string }>>('SELECT ical_uid FROM appointment WHERE id = ?', [
      appointmentId,
    ]);
    return row.ical_uid;
  }

  /** The invites for `uid` to `address` once `count` arrived and a moment passed (nothing extra may come). */
  async function invites(address: string, uid: string, count: number): Promise<Invite[]> {
    await waitForInvites(smtp, address, uid, count);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    return mailsTo(smtp, address)
      .filter((mail) => parseInvite(mail).uid === uid)
      .map((mail) => {
        const parsed = parseInvite(mail);
        const event = new ICAL.Component(ICAL.parse(calendarPart(mail))).getFirstSubcomponent('vevent')!;
        return {
          method: parsed.method,
          sequence: parsed.sequence,
          location: String(event.getFirstPropertyValue('location') ?? ''),
          start: parsed.start.toISOString(),
        };
      })
      .sort((a, b) => a.sequence - b.sequence);
  }

  /** A fresh coach (at both schools) and a teacher at `school`, so their agendas are empty. */
  async function coachAndTeacher() {
    const coach = await make.person({
      givenName: 'Carla',
      memberships: [
        { schoolId: school.id, function: 'werkbegeleider' },
        { schoolId: otherSchool.id, function: 'werkbegeleider' },
      ],
    });
    const teacher = await make.person({
      givenName: 'Koen',
      memberships: [{ schoolId: school.id, function: 'teacher' }],
    });
    return { coach, teacher };
  }

  async function trajectoryOf(coach: Person, coachee: Person): Promise<string> {
    const created = await call(coach, 'POST', '/coaching/trajectories', {
      coacheePersonId: coachee.id,
      schoolId: school.id,
      coachingQuestion: 'Hoe houd ik de aandacht vast bij de instructie?',
      goals: 'Een korte instructie met een check.',
      method: 'grow',
      plannedSessions: 4,
      startDate: '2029-03-01',
    });
    expect(created.status).toBe(201);
    return (await readJson(created)).id as string;
  }

  async function plan(coach: Person, trajectoryId: string, body: Record<string, unknown>) {
    const planned = await call(coach, 'POST', `/coaching/trajectories/${trajectoryId}/sessions`, body);
    expect(planned.status).toBe(201);
    return readJson(planned) as Promise<{ id: string; appointmentId: string; version: number }>;
  }

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    make = factory(db);
    school = await make.school({ name: 'obs De Wilgen' });
    otherSchool = await make.school({ name: 'cbs De Akker' });
    admin = await make.person({ isAdmin: true });
    await worker.waitForOutput(/worker started/);
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  it('a new room: the coachee gets one update whose LOCATION names it; a bad place is refused and changes nothing', async () => {
    const { coach, teacher } = await coachAndTeacher();
    const trajectoryId = await trajectoryOf(coach, teacher);
    const times = { start: at('2029-03-13', '10:00'), end: at('2029-03-13', '11:00') };
    const session = await plan(coach, trajectoryId, { ...times, room: 'Lokaal 1' });
    const uid = await uidOf(session.appointmentId);
    expect((await waitForInvites(smtp, teacher.email, uid, 1)).map((i) => i.sequence)).toEqual([0]);

    const moved = await call(coach, 'PATCH', `/coaching/sessions/${session.id}`, {
      ...times,
      room: 'Lokaal 12',
      version: 0,
    });
    expect(moved.status).toBe(200);
    expect(await readJson(moved)).toMatchObject({
      version: 1,
      schoolId: school.id,
      room: 'Lokaal 12',
      onlineUrl: null,
    });

    // Bad places: a link that is not https, a room too long, a school that does not exist, neither school nor link.
    const refusals: Array<[Record<string, unknown>, number, string]> = [
      [{ onlineUrl: 'http://meet.example.nl/abc' }, 400, 'validation_failed'],
      [{ room: 'x'.repeat(101) }, 400, 'validation_failed'],
      [{ schoolId: 'not-a-uuid' }, 400, 'validation_failed'],
      [{ schoolId: randomUUID(), room: 'Lokaal 3' }, 422, 'unknown_school'],
      [{ schoolId: null, room: 'Lokaal 3' }, 400, 'validation_failed'],
    ];
    for (const [place, status, code] of refusals) {
      const refused = await call(coach, 'PATCH', `/coaching/sessions/${session.id}`, {
        ...times,
        ...place,
        version: 1,
      });
      expect({ place, status: refused.status }).toEqual({ place, status });
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(await readJson(refused)).toMatchObject({ code });
    }
    const after = await readJson(await call(coach, 'GET', `/coaching/sessions/${session.id}`));
    expect(after).toMatchObject({
      version: 1,
      schoolId: school.id,
      room: 'Lokaal 12',
      start: new Date(times.start).toISOString(),
    });

    // Exactly one update: REQUEST, SEQUENCE 1, at the same time, in the new room.
    expect(await invites(teacher.email, uid, 2)).toEqual([
      {
        method: 'REQUEST',
        sequence: 0,
        location: 'obs De Wilgen, Lokaal 1',
        start: new Date(times.start).toISOString(),
      },
      {
        method: 'REQUEST',
        sequence: 1,
        location: 'obs De Wilgen, Lokaal 12',
        start: new Date(times.start).toISOString(),
      },
    ]);
  });

  it('the rules apply at the new school (its closures, travel time); online only is a place too', async () => {
    const { coach, teacher } = await coachAndTeacher();
    const trajectoryId = await trajectoryOf(coach, teacher);
    await plan(coach, trajectoryId, { start: at('2029-03-20', '10:00'), end: at('2029-03-20', '11:00') });
    const session = await plan(coach, trajectoryId, {
      start: at('2029-03-20', '11:15'),
      end: at('2029-03-20', '12:15'),
    });
    const uid = await uidOf(session.appointmentId);
    await waitForInvites(smtp, teacher.email, uid, 1);
    const studyDay = await call(admin, 'POST', `/schools/${otherSchool.id}/closures`, {
      name: 'Studiedag De Akker',
      startDate: '2029-03-22',
    });
    expect(studyDay.status).toBe(201);
    const move = (body: Record<string, unknown>) =>
      call(coach, 'PATCH', `/coaching/sessions/${session.id}`, { ...body, version: 0 });

    // The other school is closed that day (the session's own school is not).
    const closed = await move({
      start: at('2029-03-22', '10:00'),
      end: at('2029-03-22', '11:00'),
      schoolId: otherSchool.id,
    });
    expect(closed.status).toBe(422);
    expect(await readJson(closed)).toMatchObject({ code: 'school_closed', date: '2029-03-22' });
    // Only a quarter of an hour after the first session, at the other school: no time to travel.
    const tooSoon = await move({
      start: at('2029-03-20', '11:15'),
      end: at('2029-03-20', '12:15'),
      schoolId: otherSchool.id,
    });
    expect(tooSoon.status).toBe(409);
    expect(await readJson(tooSoon)).toMatchObject({ code: 'travel_time' });
    // At the same time the next day it fits.
    const fits = await move({
      start: at('2029-03-21', '11:15'),
      end: at('2029-03-21', '12:15'),
      schoolId: otherSchool.id,
      room: 'Spreekkamer',
    });
    expect(fits.status).toBe(200);
    expect(await readJson(fits)).toMatchObject({ version: 1, schoolId: otherSchool.id, room: 'Spreekkamer' });
    // Online only: no school, a link.
    const online = await call(coach, 'PATCH', `/coaching/sessions/${session.id}`, {
      start: at('2029-03-21', '11:15'),
      end: at('2029-03-21', '12:15'),
      schoolId: null,
      room: '',
      onlineUrl: 'https://meet.example.nl/carla',
      version: 1,
    });
    expect(online.status).toBe(200);
    expect(await readJson(online)).toMatchObject({
      version: 2,
      schoolId: null,
      room: '',
      onlineUrl: 'https://meet.example.nl/carla',
    });

    const sent = await invites(teacher.email, uid, 3);
    expect(sent.map((invite) => [invite.sequence, invite.location])).toEqual([
      [0, 'obs De Wilgen'],
      [1, 'cbs De Akker, Spreekkamer'],
      [2, 'https://meet.example.nl/carla'],
    ]);
  });

  it('a visit: the lesson gets a new room (not another school); the debrief goes online', async () => {
    const { coach, teacher } = await coachAndTeacher();
    const created = await call(coach, 'POST', '/coaching/visits', {
      teacherPersonId: teacher.id,
      schoolId: school.id,
      groupName: 'groep 5',
      start: at('2029-03-28', '09:00'),
      end: at('2029-03-28', '09:45'),
    });
    expect(created.status).toBe(201);
    const visit = await readJson(created);
    type Part = { part: string; appointmentId: string; start: string; end: string; version: number; room: string };
    const part = (name: string) => (visit.appointments as Part[]).find((appointment) => appointment.part === name)!;
    const lesson = part('visit');
    const debrief = part('debrief');
    expect(lesson).toMatchObject({ schoolId: school.id, room: '', onlineUrl: null });
    const lessonUid = await uidOf(lesson.appointmentId);
    const debriefUid = await uidOf(debrief.appointmentId);
    await waitForInvites(smtp, teacher.email, lessonUid, 1);
    await waitForInvites(smtp, teacher.email, debriefUid, 1);

    const elsewhere = await call(coach, 'PATCH', `/coaching/visits/${visit.id}/appointments/visit`, {
      start: lesson.start,
      end: lesson.end,
      schoolId: otherSchool.id,
      version: 0,
    });
    expect(elsewhere.status).toBe(422);
    expect(await readJson(elsewhere)).toMatchObject({ code: 'visit_school_fixed' });

    const room = await call(coach, 'PATCH', `/coaching/visits/${visit.id}/appointments/visit`, {
      start: lesson.start,
      end: lesson.end,
      schoolId: school.id,
      room: 'Lokaal 7',
      version: 0,
    });
    expect(room.status).toBe(200);
    const online = await call(coach, 'PATCH', `/coaching/visits/${visit.id}/appointments/debrief`, {
      start: debrief.start,
      end: debrief.end,
      schoolId: null,
      onlineUrl: 'https://meet.example.nl/nagesprek',
      version: 0,
    });
    expect(online.status).toBe(200);
    const view = await readJson(online);
    expect((view.appointments as Part[]).map(({ part: name, version, room: r }) => [name, version, r])).toEqual([
      ['pre', 0, ''],
      ['visit', 1, 'Lokaal 7'],
      ['debrief', 1, ''],
    ]);

    expect((await invites(teacher.email, lessonUid, 2)).map((i) => [i.sequence, i.location])).toEqual([
      [0, 'obs De Wilgen'],
      [1, 'obs De Wilgen, Lokaal 7'],
    ]);
    expect((await invites(teacher.email, debriefUid, 2)).map((i) => [i.sequence, i.location])).toEqual([
      [0, 'obs De Wilgen'],
      [1, 'https://meet.example.nl/nagesprek'],
    ]);
  });
});
