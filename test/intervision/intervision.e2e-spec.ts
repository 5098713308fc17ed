import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { isoWeekday, type Person, type School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import { mailsTo, parseInvite, waitForMailsTo, type ParsedInvite } from '../appointments/calendar-mail';

interface Meeting {
  id: string;
  date: string;
  originalDate: string | null;
  status: string;
  start: string;
  end: string;
  appointmentId: string;
  calendarUid: string;
  version: number;
}

const wallClock = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toFormat('HH:mm');

describe('intervision groups', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: AppProcess;
  let make: ReturnType<typeof factory>;
  let schoolA: School;
  let schoolB: School;
  const headers = new Map<string, Record<string, string>>();

  const call = async (person: Person, method: string, path: string, body?: unknown) => {
    if (!headers.has(person.id)) {
      headers.set(person.id, { ...(await signIn(api, person.id)), 'content-type': 'application/json' });
    }
    return fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: headers.get(person.id),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };

  const invitesTo = (person: Person) => mailsTo(smtp, person.email).map(parseInvite);

  /** Waits until `person` has `count` calendar mails that `match`. */
  const waitForInvitesTo = async (person: Person, count: number, match: (invite: ParsedInvite) => boolean) => {
    for (const deadline = Date.now() + 30_000; ;) {
      const invites = invitesTo(person).filter(match);
      if (invites.length >= count || Date.now() > deadline) {
        return invites;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const staff = async () => ({
    facilitator: await make.person({ memberships: [{ schoolId: schoolA.id, function: 'intern_begeleider' }] }),
    members: [
      await make.person({ memberships: [{ schoolId: schoolA.id, function: 'teacher' }] }),
      await make.person({ memberships: [{ schoolId: schoolA.id, function: 'starter' }] }),
      await make.person({ memberships: [{ schoolId: schoolB.id, function: 'teacher' }] }),
      await make.person({ memberships: [{ schoolId: schoolB.id, function: 'teacher' }] }),
    ],
  });

  const createGroup = async (facilitator: Person, members: Person[], name: string) => {
    const response = await call(facilitator, 'POST', '/intervision/groups', {
      name,
      method: 'incident',
      schoolId: schoolA.id,
      room: 'Teamkamer',
      schoolYear: '2027-2028',
      closurePolicy: 'shift',
      memberPersonIds: members.map((member) => member.id),
    });
    expect(response.status).toBe(201);
    return readJson(response);
  };

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    make = factory(db);
    schoolA = await make.school({ name: 'obs De Linde' });
    schoolB = await make.school({ name: 'cbs Het Anker' });
    await worker.waitForOutput(/worker started/);
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  it('plans a series on a suggested slot, at the same wall-clock time, around a closure of one member’s school; membership changes reach future meetings only', async () => {
    const { facilitator, members } = await staff();
    const admin = await make.person({ isAdmin: true });
    // One member works only Tuesday and Thursday afternoons: the suggestion must respect that.
    const pattern = await call(members[0], 'PUT', `/people/${members[0].id}/working-pattern`, {
      blocks: [
        { weekday: 'tuesday', start: '12:30', end: '17:30' },
        { weekday: 'thursday', start: '12:30', end: '17:30' },
      ],
    });
    expect(pattern.status).toBe(200);
    const group = await createGroup(facilitator, members, 'Intervisie starters');
    expect(group.warnings).toEqual([expect.objectContaining({ code: 'fewer_than_3_meetings' })]);

    const slots = await call(facilitator, 'GET', `/intervision/groups/${group.id}/common-slots?duration=90&cadence=3`);
    expect(slots.status).toBe(200);
    const [best] = (await readJson(slots)).items;
    expect(['tuesday', 'thursday']).toContain(best.weekday);
    expect(best.startTime >= '12:30' && best.startTime <= '16:00').toBe(true);
    expect(best).toMatchObject({ cadenceWeeks: 3, conflicts: [] });
    expect(best.freeOccurrences).toBe(best.occurrences);

    // A study day at the school of two members, on the rule's second date: shifted to the next school day.
    const secondDate = DateTime.fromISO(best.firstDate).plus({ weeks: 3 }).toISODate()!;
    const studyDay = await call(admin, 'POST', `/schools/${schoolB.id}/closures`, {
      name: 'Studiedag',
      startDate: secondDate,
    });
    expect(studyDay.status).toBe(201);

    const created = await call(facilitator, 'POST', `/intervision/groups/${group.id}/series`, {
      rrule: best.rrule,
      startsOn: best.firstDate,
      until: '2028-06-30',
      startTime: best.startTime,
      durationMinutes: 90,
    });
    expect(created.status).toBe(201);
    const series = await readJson(created);
    const meetings: Meeting[] = series.meetings;
    expect(meetings.length).toBeGreaterThanOrEqual(8);
    expect(series.warnings).toEqual([]);
    // Same wall-clock time on both sides of the DST change (31 October 2027), never on the study day.
    expect(new Set(meetings.map((meeting) => wallClock(meeting.start)))).toEqual(new Set([best.startTime]));
    expect(meetings.some((meeting) => meeting.start < '2027-10-31')).toBe(true);
    expect(meetings.some((meeting) => meeting.start > '2027-11-01')).toBe(true);
    expect(meetings.map((meeting) => meeting.date)).not.toContain(secondDate);
    expect(meetings.every((meeting) => isoWeekday(meeting.date) <= 5)).toBe(true);
    const skip = series.skipped.find((skipped: { date: string }) => skipped.date === secondDate);
    expect(skip).toMatchObject({ reason: 'closed' });
    if (skip.shiftedTo) {
      expect(meetings.find((meeting) => meeting.date === skip.shiftedTo)).toMatchObject({ originalDate: secondDate });
    }
    const listed = await readJson(await call(members[2], 'GET', `/intervision/groups/${group.id}/skipped-dates`));
    expect(listed.items).toContainEqual(expect.objectContaining({ date: secondDate, reason: 'closed' }));
    // One appointment and calendar UID per occurrence.
    expect(new Set(meetings.map((meeting) => meeting.calendarUid)).size).toBe(meetings.length);

    // The calendar moves on: the first three meetings have taken place.
    const past = meetings.slice(0, 3);
    const future = meetings.slice(3);
    for (const [index, meeting] of past.entries()) {
      await db.query('UPDATE appointment SET starts_at = ?, ends_at = ? WHERE id = ?', [
        new Date(Date.UTC(2026, 10, 2 + 7 * index, 14)),
        new Date(Date.UTC(2026, 10, 2 + 7 * index, 15, 30)),
        meeting.appointmentId,
      ]);
    }

    const newcomer = await make.person({ memberships: [{ schoolId: schoolB.id, function: 'teacher' }] });
    const added = await call(facilitator, 'POST', `/intervision/groups/${group.id}/members`, { personId: newcomer.id });
    expect(added.status).toBe(201);
    expect(await readJson(added)).toMatchObject({ meetingsJoined: future.length });
    const futureUids = new Set(future.map((meeting) => meeting.calendarUid));
    const invitations = await waitForInvitesTo(newcomer, future.length, (invite) => invite.method === 'REQUEST');
    expect(new Set(invitations.map((invite) => invite.uid))).toEqual(futureUids);
    const joined = await db.query<Array<{ appointment_id: string }>>(
      'SELECT appointment_id FROM appointment_participant WHERE person_id = ?',
      [newcomer.id],
    );
    expect(new Set(joined.map((row) => row.appointment_id))).toEqual(new Set(future.map((m) => m.appointmentId)));

    const leaver = members[3];
    const removed = await call(facilitator, 'DELETE', `/intervision/groups/${group.id}/members/${leaver.id}`);
    expect(removed.status).toBe(200);
    expect(await readJson(removed)).toMatchObject({ meetingsLeft: future.length });
    const cancellations = await waitForInvitesTo(leaver, future.length, (invite) => invite.method === 'CANCEL');
    expect(new Set(cancellations.map((invite) => invite.uid))).toEqual(futureUids);
    const rows = await db.query<Array<{ appointment_id: string; removed_at: Date | null }>>(
      'SELECT appointment_id, removed_at FROM appointment_participant WHERE person_id = ?',
      [leaver.id],
    );
    for (const meeting of past) {
      expect(rows.find((row) => row.appointment_id === meeting.appointmentId)?.removed_at).toBeNull();
    }
    for (const meeting of future) {
      expect(rows.find((row) => row.appointment_id === meeting.appointmentId)?.removed_at).not.toBeNull();
    }
    const view = await readJson(await call(facilitator, 'GET', `/intervision/groups/${group.id}`));
    expect(view.members.find((m: { personId: string }) => m.personId === leaver.id).leftAt).not.toBeNull();
    expect(view.members).toHaveLength(5);
  });

  it('moves one occurrence: only that calendar entry gets an update, with a higher SEQUENCE', async () => {
    const { facilitator, members } = await staff();
    const group = await createGroup(facilitator, members, 'Intervisie bovenbouw');
    const created = await call(facilitator, 'POST', `/intervision/groups/${group.id}/series`, {
      rrule: 'FREQ=WEEKLY;INTERVAL=4;BYDAY=WE',
      startsOn: '2027-09-01',
      until: '2027-12-22',
      startTime: '14:00',
      durationMinutes: 90,
    });
    expect(created.status).toBe(201);
    const meetings: Meeting[] = (await readJson(created)).meetings;
    expect(meetings.length).toBeGreaterThanOrEqual(3);
    await waitForMailsTo(
      smtp,
      members.map((member) => member.email),
      meetings.length,
    );

    const target = meetings[1];
    const moved = await call(facilitator, 'PATCH', `/intervision/meetings/${target.id}`, {
      start: DateTime.fromISO(target.start).plus({ minutes: 30 }).toISO(),
      end: DateTime.fromISO(target.end).plus({ minutes: 30 }).toISO(),
      version: target.version,
    });
    expect(moved.status).toBe(200);
    expect(await readJson(moved)).toMatchObject({ version: target.version + 1, calendarUid: target.calendarUid });

    await waitForMailsTo(
      smtp,
      members.map((member) => member.email),
      meetings.length + 1,
    );
    for (const member of members) {
      const invites = invitesTo(member);
      expect(invites).toHaveLength(meetings.length + 1);
      const byUid = new Map<string, ParsedInvite[]>();
      for (const invite of invites) {
        byUid.set(invite.uid, [...(byUid.get(invite.uid) ?? []), invite]);
      }
      for (const meeting of meetings) {
        const sequences = (byUid.get(meeting.calendarUid) ?? []).map((invite) => invite.sequence).sort();
        expect(sequences).toEqual(meeting.id === target.id ? [0, 1] : [0]);
      }
    }
    const versions = await db.query<Array<{ id: string; version: number }>>(
      `SELECT id, version FROM appointment WHERE id IN (${meetings.map(() => '?').join(',')})`,
      meetings.map((meeting) => meeting.appointmentId),
    );
    for (const row of versions) {
      expect(row.version).toBe(row.id === target.appointmentId ? 1 : 0);
    }
  });

  const planSeries = async (facilitator: Person, groupId: string, body: Record<string, unknown>) => {
    const response = await call(facilitator, 'POST', `/intervision/groups/${groupId}/series`, body);
    expect(response.status).toBe(201);
    return (await readJson(response)).meetings as Meeting[];
  };
  const meetingsOf = async (person: Person, groupId: string) =>
    (await readJson(await call(person, 'GET', `/intervision/groups/${groupId}/meetings`))).items as Array<
      Meeting & { casePresenterPersonId: string | null }
    >;
  /** As if the calendar had moved on: these meetings took place in November 2026. */
  const putInThePast = async (meetings: Meeting[]) => {
    for (const [index, meeting] of meetings.entries()) {
      await db.query('UPDATE appointment SET starts_at = ?, ends_at = ? WHERE id = ?', [
        new Date(Date.UTC(2026, 10, 2 + 7 * index, 14)),
        new Date(Date.UTC(2026, 10, 2 + 7 * index, 15, 30)),
        meeting.appointmentId,
      ]);
    }
  };

  it('changes the series from a date onward without touching the meetings before it; cancels one meeting', async () => {
    const { facilitator, members } = await staff();
    const group = await createGroup(facilitator, members.slice(0, 3), 'Intervisie middenbouw');
    const before = await planSeries(facilitator, group.id, {
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startsOn: '2027-09-07',
      until: '2027-12-21',
      startTime: '14:00',
      durationMinutes: 60,
    });
    const from = '2027-11-01';
    const replaced = await call(facilitator, 'POST', `/intervision/groups/${group.id}/series/replace`, {
      from,
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
      startsOn: '2027-09-01',
      until: '2027-12-23',
      startTime: '10:00',
      durationMinutes: 90,
    });
    expect(replaced.status).toBe(201);
    const added: Meeting[] = (await readJson(replaced)).meetings;
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((m) => m.date >= from && isoWeekday(m.date) === 4 && wallClock(m.start) === '10:00')).toBe(true);
    const after = await meetingsOf(facilitator, group.id);
    for (const old of before) {
      const now = after.find((m) => m.id === old.id);
      if ((old.originalDate ?? old.date) < from) {
        expect(now).toMatchObject({ status: 'planned', start: old.start, end: old.end, version: old.version });
      } else {
        expect(now).toMatchObject({ status: 'cancelled', version: old.version + 1 });
      }
    }
    const yesterday = await call(facilitator, 'POST', `/intervision/groups/${group.id}/series/replace`, {
      from: '2026-11-30',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startsOn: '2027-09-01',
      until: '2027-12-23',
      startTime: '10:00',
      durationMinutes: 90,
    });
    expect(yesterday.status).toBe(422);

    const cancelled = await call(facilitator, 'POST', `/intervision/meetings/${added[0].id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(await readJson(cancelled)).toMatchObject({ status: 'cancelled', version: added[0].version + 1 });
    expect((await call(facilitator, 'POST', `/intervision/meetings/${added[0].id}/cancel`)).status).toBe(422);
    expect((await call(members[0], 'POST', `/intervision/meetings/${added[1].id}/cancel`)).status).toBe(403);
  });

  it('rotates the case presenter over members who attended, lets a presenter swap, records and exports attendance', async () => {
    const { facilitator, members } = await staff();
    const group = await createGroup(facilitator, members, 'Intervisie IB-netwerk');
    const meetings = await planSeries(facilitator, group.id, {
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
      startsOn: '2027-09-06',
      until: '2027-12-20',
      startTime: '15:00',
      durationMinutes: 90,
    });
    await putInThePast(meetings.slice(0, 2));
    // ... and the members joined before those meetings.
    await db.query('UPDATE intervision_member SET joined_at = ? WHERE group_id = ?', [
      new Date(Date.UTC(2026, 9, 1)),
      group.id,
    ]);
    const [m0, m1, m2, m3] = members;
    const record = (meetingId: string, items: Array<{ personId: string; status: string }>) =>
      call(facilitator, 'PUT', `/intervision/meetings/${meetingId}/attendance`, { items });
    const recorded = await record(meetings[0].id, [
      { personId: m0.id, status: 'present' },
      { personId: m1.id, status: 'present' },
      { personId: m2.id, status: 'absent' },
      { personId: m3.id, status: 'excused' },
    ]);
    expect(recorded.status).toBe(200);
    expect((await readJson(recorded)).items).toContainEqual({ personId: m2.id, status: 'absent' });
    expect((await record(meetings[1].id, [{ personId: m2.id, status: 'present' }])).status).toBe(200);
    expect((await record(meetings[2].id, [{ personId: m0.id, status: 'present' }])).status).toBe(422);
    expect((await record(meetings[2].id, [{ personId: m0.id, status: 'excused' }])).status).toBe(200);
    expect((await record(meetings[0].id, [{ personId: facilitator.id, status: 'present' }])).status).toBe(422);
    expect((await record(meetings[0].id, [{ personId: m0.id, status: 'maybe' }])).status).toBe(400);

    // Nobody has presented and m3 was never present: the rotation gives each of the three who attended one turn.
    const choose = async (meeting: Meeting) => {
      const response = await call(facilitator, 'PUT', `/intervision/meetings/${meeting.id}/case-presenter`, {});
      expect(response.status).toBe(200);
      return (await readJson(response)).casePresenterPersonId as string;
    };
    const chosen = [await choose(meetings[3]), await choose(meetings[4]), await choose(meetings[5])];
    expect(new Set(chosen)).toEqual(new Set([m0.id, m1.id, m2.id]));
    const [description] = await db.query<Array<{ description: string }>>(
      'SELECT description FROM appointment WHERE id = ?',
      [meetings[3].appointmentId],
    );
    expect(description.description).toMatch(/^Inbrenger: /);

    const bystander = [m0, m1, m2].find((m) => m.id !== chosen[0] && m.id !== chosen[1])!;
    const swapBody = { meetingId: meetings[4].id };
    expect(
      (await call(m3, 'POST', `/intervision/meetings/${meetings[3].id}/case-presenter/swap`, swapBody)).status,
    ).toBe(403);
    expect(bystander.id).toBe(chosen[2]);
    const presenter = [m0, m1, m2].find((m) => m.id === chosen[0])!;
    const swapped = await call(
      presenter,
      'POST',
      `/intervision/meetings/${meetings[3].id}/case-presenter/swap`,
      swapBody,
    );
    expect(swapped.status).toBe(200);
    expect(
      (await readJson(swapped)).items.map((m: { casePresenterPersonId: string }) => m.casePresenterPersonId),
    ).toEqual([chosen[1], chosen[0]]);

    const csv = await call(facilitator, 'GET', `/intervision/groups/${group.id}/attendance?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('name,schoolYear,meetings,present,excused,absent,unrecorded,personId');
    const line = (person: Person) => lines.find((l) => l.endsWith(person.id))?.split(',');
    expect(line(m2)?.slice(1, 7)).toEqual(['2027-2028', '2', '1', '0', '1', '0']);
    expect(line(m3)?.slice(1, 7)).toEqual(['2027-2028', '2', '0', '1', '0', '1']);
    expect((await call(m0, 'GET', `/intervision/groups/${group.id}/attendance`)).status).toBe(403);

    const director = await make.person({ memberships: [{ schoolId: schoolB.id, function: 'director' }] });
    const elsewhere = await make.person({
      memberships: [{ schoolId: (await make.school()).id, function: 'director' }],
    });
    const report = async (person: Person) => call(person, 'GET', '/intervision/reports/groups?schoolYear=2027-2028');
    const seen = (await readJson(await report(director))).items.find(
      (g: { groupId: string }) => g.groupId === group.id,
    );
    expect(seen).toMatchObject({ members: 4, meetingsHeld: 2, meetingsPlanned: meetings.length });
    const notSeen = (await readJson(await report(elsewhere))).items.map((g: { groupId: string }) => g.groupId);
    expect(notSeen).not.toContain(group.id);
    expect((await report(m0)).status).toBe(403);
    expect((await call(director, 'GET', `/intervision/groups/${group.id}`)).status).toBe(404);
    expect((await call(director, 'GET', '/intervision/reports/groups?schoolYear=2027')).status).toBe(400);
  });

  it('answers 404 to a teacher outside the group, 403 to a member who tries to manage, and 400/422 to bad input', async () => {
    const { facilitator, members } = await staff();
    const outsider = await make.person({ memberships: [{ schoolId: schoolA.id, function: 'teacher' }] });
    const group = await createGroup(facilitator, members.slice(0, 3), 'Intervisie onderbouw');
    for (const path of [
      `/intervision/groups/${group.id}`,
      `/intervision/groups/${group.id}/meetings`,
      `/intervision/groups/${group.id}/common-slots`,
    ]) {
      const response = await call(outsider, 'GET', path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(
      (await call(outsider, 'POST', `/intervision/groups/${group.id}/members`, { personId: outsider.id })).status,
    ).toBe(404);
    expect((await call(members[0], 'GET', `/intervision/groups/${group.id}`)).status).toBe(200);
    expect(
      (await call(members[0], 'POST', `/intervision/groups/${group.id}/members`, { personId: outsider.id })).status,
    ).toBe(403);
    expect((await call(members[0], 'POST', '/intervision/groups', { name: 'x' })).status).toBe(403);

    const bad = async (body: Record<string, unknown>) =>
      call(facilitator, 'POST', `/intervision/groups/${group.id}/series`, {
        rrule: 'FREQ=WEEKLY;BYDAY=TU',
        startsOn: '2027-09-07',
        until: '2027-12-21',
        startTime: '15:30',
        durationMinutes: 90,
        ...body,
      });
    expect((await bad({ rrule: 'FREQ=DAILY' })).status).toBe(400);
    expect((await bad({ rrule: 'FREQ=WEEKLY;BYDAY=SU' })).status).toBe(400);
    expect((await bad({ startTime: '25:00' })).status).toBe(400);
    expect((await bad({ until: '2029-01-01' })).status).toBe(400);
    expect((await bad({ startsOn: '2028-02-30' })).status).toBe(400);
    expect(
      (await call(facilitator, 'GET', `/intervision/groups/${group.id}/common-slots?from=2027-09-31`)).status,
    ).toBe(400);
    expect((await call(facilitator, 'GET', `/intervision/groups/${group.id}/common-slots?cadence=7`)).status).toBe(400);
    const ok = await bad({});
    expect(ok.status).toBe(201);
    expect((await bad({})).status).toBe(409);
    const tooMany = await call(facilitator, 'POST', '/intervision/groups', {
      name: 'Te groot',
      method: 'incident',
      onlineUrl: 'https://meet.example.org/x',
      schoolYear: '2027-2028',
      closurePolicy: 'skip',
      memberPersonIds: Array.from({ length: 9 }, (_, index) => `00000000-0000-4000-8000-00000000000${index}`),
    });
    expect(tooMany.status).toBe(422);
    const badYear = await call(facilitator, 'POST', '/intervision/groups', {
      name: 'Verkeerd jaar',
      method: 'incident',
      onlineUrl: 'https://meet.example.org/x',
      schoolYear: '2027-2029',
      closurePolicy: 'skip',
    });
    expect(badYear.status).toBe(400);
    expect((await readJson(tooMany)).code).toBe('group_full');
  });
});
