import type { DataSource } from 'typeorm';
import { NoteCipher } from '@leerkring/coaching';
import { AMSTERDAM, dateInZone, type Person, type School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource, testConfig } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import { mailsTo, parseInvite, waitForMailsTo } from '../appointments/calendar-mail';

/** Amsterdam wall-clock time in November/December 2027 (CET, +01:00). */
const at = (date: string, time: string) => `${date}T${time}:00+01:00`;

describe('coaching trajectories and sessions', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: AppProcess;
  let make: ReturnType<typeof factory>;
  let school: School;
  let otherSchool: School;
  let admin: Person;
  let director: Person;
  let otherDirector: Person;
  const headers = new Map<string, Record<string, string>>();

  const as = async (person: Person) => {
    if (!headers.has(person.id)) {
      headers.set(person.id, { ...(await signIn(api, person.id)), 'content-type': 'application/json' });
    }
    return headers.get(person.id)!;
  };
  const call = async (person: Person, method: string, path: string, body?: unknown, extra = {}) =>
    fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: { ...(await as(person)), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** A coach (at both schools) and a teacher at `school`, fresh for each test so their agendas are empty. */
  async function coachAndCoachee(coacheeFunction: 'teacher' | 'starter' = 'teacher') {
    const coach = await make.person({
      givenName: 'Carla',
      familyName: 'Coach',
      memberships: [
        { schoolId: school.id, function: 'werkbegeleider' },
        { schoolId: otherSchool.id, function: 'werkbegeleider' },
      ],
    });
    const coachee = await make.person({
      givenName: 'Anna',
      familyName: 'de Vries',
      memberships: [{ schoolId: school.id, function: coacheeFunction }],
    });
    return { coach, coachee };
  }

  async function trajectory(coach: Person, coachee: Person, overrides: Record<string, unknown> = {}) {
    const response = await call(coach, 'POST', '/coaching/trajectories', {
      coacheePersonId: coachee.id,
      schoolId: school.id,
      coachingQuestion: 'Hoe houd ik de rust in groep 7 na de pauze?',
      goals: 'Een vaste start na de pauze; minder tijd kwijt aan orde.',
      method: 'grow',
      plannedSessions: 6,
      startDate: '2027-11-15',
      ...overrides,
    });
    return response;
  }

  async function plannedSession(coach: Person, coachee: Person, start: string, end: string) {
    const created = await trajectory(coach, coachee);
    expect(created.status).toBe(201);
    const { id } = await readJson(created);
    const session = await call(coach, 'POST', `/coaching/trajectories/${id}/sessions`, { start, end });
    expect(session.status).toBe(201);
    return { trajectoryId: id as string, session: await readJson(session) };
  }

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    make = factory(db);
    school = await make.school({ name: 'obs De Regenboog' });
    otherSchool = await make.school({ name: 'cbs Het Kompas' });
    admin = await make.person({ isAdmin: true });
    director = await make.person({ memberships: [{ schoolId: school.id, function: 'director' }] });
    otherDirector = await make.person({ memberships: [{ schoolId: otherSchool.id, function: 'director' }] });
    await worker.waitForOutput(/worker started/);
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  it('plans six sessions from the suggestions, moves one and cancels one; the coachee gets the right mails', async () => {
    const { coach, coachee } = await coachAndCoachee();
    const created = await trajectory(coach, coachee);
    expect(created.status).toBe(201);
    const { id, status, method } = await readJson(created);
    expect({ status, method }).toEqual({ status: 'active', method: 'grow' });

    const suggested = await call(
      coach,
      'GET',
      `/coaching/trajectories/${id}/slot-suggestions?from=2027-11-15&to=2027-12-17&duration=60&count=50`,
    );
    expect(suggested.status).toBe(200);
    const slots: Array<{ start: string; end: string }> = (await readJson(suggested)).items;
    // One session a day, on six different days.
    const perDay = new Map<string, { start: string; end: string }>();
    for (const slot of slots) {
      const day = dateInZone(new Date(slot.start), AMSTERDAM);
      if (!perDay.has(day)) {
        perDay.set(day, slot);
      }
    }
    const chosen = [...perDay.values()].slice(0, 6);
    expect(chosen).toHaveLength(6);
    const sessions: Array<{ id: string; appointmentId: string; status: string }> = [];
    for (const slot of chosen) {
      const response = await call(coach, 'POST', `/coaching/trajectories/${id}/sessions`, slot);
      expect(response.status).toBe(201);
      sessions.push(await readJson(response));
    }
    expect(sessions.map((session) => session.status)).toEqual(Array(6).fill('planned'));
    // The coachee has the six invitations before anything changes (quick successive changes would
    // rightly be mailed as one: an invitation not yet sent goes out as its latest state).
    await waitForMailsTo(smtp, [coachee.email], 6);

    // Move the third to a later free time (suggested anew: the planned ones are busy now).
    const later = await call(
      coach,
      'GET',
      `/coaching/trajectories/${id}/slot-suggestions?from=2027-12-20&to=2027-12-23&duration=60&count=1`,
    );
    const [newTime] = (await readJson(later)).items;
    const stale = await call(coach, 'PATCH', `/coaching/sessions/${sessions[2].id}`, newTime, { 'if-match': '"7"' });
    expect(stale.status).toBe(409);
    expect(await readJson(stale)).toMatchObject({ code: 'stale_version', currentVersion: 0 });
    const moved = await call(coach, 'PATCH', `/coaching/sessions/${sessions[2].id}`, newTime, { 'if-match': '"0"' });
    expect(moved.status).toBe(200);
    expect(await readJson(moved)).toMatchObject({ start: newTime.start, version: 1, status: 'planned' });

    // The coach cancels the fifth, saying why.
    const cancelled = await call(coach, 'POST', `/coaching/sessions/${sessions[4].id}/cancel`, {
      reason: 'Ziek; we plannen een nieuwe afspraak.',
    });
    expect(cancelled.status).toBe(200);
    expect(await readJson(cancelled)).toMatchObject({
      status: 'cancelled',
      cancelledByPersonId: coach.id,
      cancelReason: 'Ziek; we plannen een nieuwe afspraak.',
      version: 1,
    });

    // Six invitations, one update, one cancellation: eight mails, and the coach (organiser) none.
    await waitForMailsTo(smtp, [coachee.email], 8);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // nothing more may arrive
    const uids = new Map<string, string>();
    for (const session of sessions) {
      const [row] = await db.query<Array<{ ical_uid: string }>>('SELECT ical_uid FROM appointment WHERE id = ?', [
        session.appointmentId,
      ]);
      uids.set(session.id, row.ical_uid);
    }
    const invites = mailsTo(smtp, coachee.email).map(parseInvite);
    expect(invites).toHaveLength(8);
    const of = (index: number) =>
      invites
        .filter((invite) => invite.uid === uids.get(sessions[index].id))
        .sort((a, b) => a.sequence - b.sequence)
        .map((invite) => `${invite.method}:${invite.sequence}`);
    expect([0, 1, 3, 5].map(of)).toEqual(Array(4).fill(['REQUEST:0']));
    expect(of(2)).toEqual(['REQUEST:0', 'REQUEST:1']);
    expect(of(4)).toEqual(['REQUEST:0', 'CANCEL:1']);
    const update = invites.find((invite) => invite.uid === uids.get(sessions[2].id) && invite.sequence === 1);
    expect(update?.start.toISOString()).toBe(new Date(newTime.start).toISOString());
    expect(mailsTo(smtp, coach.email)).toHaveLength(0);

    const listed = await readJson(await call(coachee, 'GET', `/coaching/trajectories/${id}/sessions`));
    expect(listed.items.map((session: { status: string }) => session.status).sort()).toEqual([
      'cancelled',
      'planned',
      'planned',
      'planned',
      'planned',
      'planned',
    ]);
  });

  it('refuses a session on a study day, outside working hours, or too soon after a visit at another school', async () => {
    const { coach, coachee } = await coachAndCoachee();
    const { id } = await readJson(await trajectory(coach, coachee));
    const plan = (start: string, end: string) =>
      call(coach, 'POST', `/coaching/trajectories/${id}/sessions`, { start, end });

    const studyDay = await call(admin, 'POST', `/schools/${school.id}/closures`, {
      name: 'Studiedag',
      startDate: '2027-11-24',
    });
    expect(studyDay.status).toBe(201);
    const closed = await plan(at('2027-11-24', '10:00'), at('2027-11-24', '11:00'));
    expect(closed.status).toBe(422);
    expect(await readJson(closed)).toMatchObject({ code: 'school_closed', date: '2027-11-24' });

    // A classroom visit at the other school on Friday 9:00–10:00; a session here at 10:15 leaves no time to travel.
    const teacherThere = await make.person({ memberships: [{ schoolId: otherSchool.id, function: 'teacher' }] });
    const visit = await call(coach, 'POST', '/coaching/visits', {
      teacherPersonId: teacherThere.id,
      schoolId: otherSchool.id,
      groupName: 'groep 4',
      start: at('2027-11-26', '09:00'),
      end: at('2027-11-26', '10:00'),
    });
    expect(visit.status).toBe(201);
    const tooSoon = await plan(at('2027-11-26', '10:15'), at('2027-11-26', '11:00'));
    expect(tooSoon.status).toBe(409);
    expect(await readJson(tooSoon)).toMatchObject({
      code: 'travel_time',
      conflicts: [{ personId: coach.id, kind: 'travel', start: '2027-11-26T08:00:00.000Z' }],
    });

    const pattern = await call(admin, 'PUT', `/people/${coachee.id}/working-pattern`, {
      blocks: [{ weekday: 'thursday', start: '08:30', end: '12:30' }],
    });
    expect(pattern.status).toBe(200);
    const afternoon = await plan(at('2027-11-25', '14:00'), at('2027-11-25', '15:00'));
    expect(afternoon.status).toBe(422);
    expect(await readJson(afternoon)).toMatchObject({ code: 'outside_working_hours', personIds: [coachee.id] });
    expect((await plan(at('2027-11-25', '09:00'), at('2027-11-25', '10:00'))).status).toBe(201);
  });

  it('lets the coachee cancel only before the deadline; the coach may always cancel', async () => {
    const { coach, coachee } = await coachAndCoachee();
    const soon = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / 60_000) * 60_000);
    const { session } = await plannedSession(
      coach,
      coachee,
      soon.toISOString(),
      new Date(soon.getTime() + 30 * 60_000).toISOString(),
    );

    const late = await call(coachee, 'POST', `/coaching/sessions/${session.id}/cancel`, { reason: 'Vergeten' });
    expect(late.status).toBe(422);
    const problem = await readJson(late);
    expect(problem).toMatchObject({ code: 'cancellation_deadline_passed' });
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    const byCoach = await call(coach, 'POST', `/coaching/sessions/${session.id}/cancel`, { reason: 'Overleg' });
    expect(byCoach.status).toBe(200);

    const { session: later } = await plannedSession(
      coach,
      coachee,
      at('2027-12-01', '10:00'),
      at('2027-12-01', '11:00'),
    );
    const inTime = await call(coachee, 'POST', `/coaching/sessions/${later.id}/cancel`, { reason: 'Schoolreisje' });
    expect(inTime.status).toBe(200);
    expect(await readJson(inTime)).toMatchObject({ status: 'cancelled', cancelledByPersonId: coachee.id });
    const again = await call(coach, 'POST', `/coaching/sessions/${later.id}/cancel`, { reason: 'nogmaals' });
    expect(again.status).toBe(422);
    expect(await readJson(again)).toMatchObject({ code: 'session_not_planned' });
    const noReason = await call(coach, 'POST', `/coaching/sessions/${later.id}/cancel`, {});
    expect(noReason.status).toBe(400);
  });

  it('keeps notes for coach and coachee only, encrypted at rest; agreements for both and nobody else', async () => {
    const { coach, coachee } = await coachAndCoachee();
    const outsider = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const { session } = await plannedSession(coach, coachee, at('2027-12-02', '10:00'), at('2027-12-02', '11:00'));
    const text = 'Anna twijfelt of ze het vak wil blijven doen; spreekt over slaapproblemen.';

    const written = await call(coach, 'PUT', `/coaching/sessions/${session.id}/note`, { text });
    expect(written.status).toBe(200);
    expect(await readJson(await call(coachee, 'GET', `/coaching/sessions/${session.id}/note`))).toEqual({ text });
    expect(await readJson(await call(coach, 'GET', `/coaching/sessions/${session.id}/note`))).toEqual({ text });
    for (const other of [admin, director, outsider]) {
      const response = await call(other, 'GET', `/coaching/sessions/${session.id}/note`);
      expect({ who: other.id, status: response.status }).toEqual({ who: other.id, status: 404 });
      const write = await call(other, 'PUT', `/coaching/sessions/${session.id}/note`, { text: 'overschreven' });
      expect({ who: other.id, status: write.status }).toEqual({ who: other.id, status: 404 });
    }
    expect((await call(coachee, 'PUT', `/coaching/sessions/${session.id}/note`, { text: 'x' })).status).toBe(403);

    const [row] = await db.query<Array<{ note_ciphertext: string; note_key_id: string }>>(
      'SELECT note_ciphertext, note_key_id FROM coaching_session WHERE id = ?',
      [session.id],
    );
    expect(row.note_ciphertext).not.toContain('twijfelt');
    expect(Buffer.from(row.note_ciphertext, 'base64').toString('latin1')).not.toContain('twijfelt');
    const cipher = new NoteCipher(testConfig().notesEncryptionKey);
    expect(row.note_key_id).toBe(cipher.currentKeyId);
    expect(cipher.open({ ciphertext: row.note_ciphertext, keyId: row.note_key_id }, session.id)).toBe(text);

    const agreed = await call(coachee, 'PUT', `/coaching/sessions/${session.id}/agreements`, {
      text: 'Anna probeert twee weken de vaste start; volgende keer bespreken.',
    });
    expect(agreed.status).toBe(200);
    expect((await readJson(await call(coach, 'GET', `/coaching/sessions/${session.id}/agreements`))).text).toContain(
      'vaste start',
    );
    for (const other of [admin, director, outsider]) {
      expect((await call(other, 'GET', `/coaching/sessions/${session.id}/agreements`)).status).toBe(404);
    }
    // An admin sees that the session exists, not what was said.
    const seenByAdmin = await readJson(await call(admin, 'GET', `/coaching/sessions/${session.id}`));
    expect(seenByAdmin).toMatchObject({ id: session.id, hasNote: true });
    expect(JSON.stringify(seenByAdmin)).not.toMatch(/twijfelt|vaste start/);
    expect((await call(director, 'GET', `/coaching/sessions/${session.id}`)).status).toBe(404);
  });

  it('exports coaching data without the note, and erasure deletes notes and agreements', async () => {
    const { coach, coachee } = await coachAndCoachee();
    const { session } = await plannedSession(coach, coachee, at('2027-12-06', '10:00'), at('2027-12-06', '11:00'));
    await call(coach, 'PUT', `/coaching/sessions/${session.id}/note`, { text: 'PRIVE-NOTITIE' });
    await call(coachee, 'PUT', `/coaching/sessions/${session.id}/agreements`, { text: 'GEDEELDE-AFSPRAAK' });

    const exported = await call(admin, 'GET', `/people/${coachee.id}/export`);
    expect(exported.status).toBe(200);
    const data = await readJson(exported);
    expect(data.coaching.trajectories).toEqual([
      expect.objectContaining({ role: 'coachee', goals: expect.any(String) }),
    ]);
    expect(data.coaching.sessions).toEqual([
      expect.objectContaining({ id: session.id, hasConfidentialNote: true, sharedAgreements: 'GEDEELDE-AFSPRAAK' }),
    ]);
    expect(JSON.stringify(data)).not.toContain('PRIVE-NOTITIE');

    const erased = await call(admin, 'POST', `/people/${coachee.id}/erase`);
    expect(erased.status).toBe(200);
    const [row] = await db.query<Array<{ note_ciphertext: string | null; shared_agreements: string | null }>>(
      'SELECT note_ciphertext, shared_agreements FROM coaching_session WHERE id = ?',
      [session.id],
    );
    expect(row).toEqual({ note_ciphertext: null, shared_agreements: null });
    const [trajectoryRow] = await db.query<Array<{ goals: string }>>(
      'SELECT goals FROM coaching_trajectory WHERE coachee_person_id = ?',
      [coachee.id],
    );
    expect(trajectoryRow.goals).toBe('');
  });

  it("refuses a starter's line manager as coach, and checks who may start a trajectory", async () => {
    const { coach, coachee: starter } = await coachAndCoachee('starter');
    await db.query('UPDATE person SET line_manager_id = ? WHERE id = ?', [coach.id, starter.id]);
    const refused = await trajectory(coach, starter);
    expect(refused.status).toBe(422);
    expect(await readJson(refused)).toMatchObject({ code: 'coach_is_line_manager' });

    // Without a recorded line manager, the school's director counts as one.
    const directingCoach = await make.person({
      memberships: [
        { schoolId: school.id, function: 'director' },
        { schoolId: school.id, function: 'intern_begeleider' },
      ],
    });
    const unmanaged = await make.person({ memberships: [{ schoolId: school.id, function: 'starter' }] });
    const byDirector = await trajectory(directingCoach, unmanaged);
    expect(await readJson(byDirector)).toMatchObject({ status: 422, code: 'coach_is_line_manager' });
    // A teacher who is not a starter may be coached by them.
    const { coachee: teacher } = await coachAndCoachee('teacher');
    expect((await trajectory(directingCoach, teacher)).status).toBe(201);

    const byTeacher = await trajectory(teacher, starter);
    expect(byTeacher.status).toBe(403);
    const unknownMethod = await trajectory(coach, teacher, { method: 'telepathie' });
    expect(await readJson(unknownMethod)).toMatchObject({ status: 422, code: 'unknown_method' });
    const invalid = await trajectory(coach, teacher, { plannedSessions: 0, startDate: '15-11-2027' });
    expect(invalid.status).toBe(400);
    const methods = await readJson(await call(teacher, 'GET', '/coaching/methods'));
    expect(methods.map((m: { name: string }) => m.name)).toEqual(
      expect.arrayContaining(['Oplossingsgericht coachen', 'GROW', 'Co-teaching']),
    );
  });

  it('lists trajectories by role, and gives directors aggregates (JSON and CSV) without notes', async () => {
    const { coach, coachee } = await coachAndCoachee();
    const { trajectoryId, session } = await plannedSession(
      coach,
      coachee,
      at('2027-12-03', '13:00'),
      at('2027-12-03', '14:30'),
    );
    await call(coach, 'PUT', `/coaching/sessions/${session.id}/note`, { text: 'GEHEIM-VERSLAG' });
    expect((await call(coach, 'POST', `/coaching/sessions/${session.id}/held`)).status).toBe(200);

    const ids = async (person: Person) =>
      (await readJson(await call(person, 'GET', '/coaching/trajectories'))).items.map((t: { id: string }) => t.id);
    expect(await ids(coach)).toEqual([trajectoryId]);
    expect(await ids(coachee)).toEqual([trajectoryId]);
    expect(await ids(admin)).toContain(trajectoryId);
    expect(await ids(director)).not.toContain(trajectoryId);
    expect((await call(director, 'GET', `/coaching/trajectories/${trajectoryId}`)).status).toBe(404);

    const report = await readJson(
      await call(director, 'GET', '/coaching/reports/sessions?from=2027-12-01&to=2027-12-31'),
    );
    expect(report.items).toContainEqual(
      expect.objectContaining({
        month: '2027-12',
        schoolId: school.id,
        coachPersonId: coach.id,
        sessions: 1,
        held: 1,
        hours: 1.5,
      }),
    );
    const elsewhere = await readJson(
      await call(otherDirector, 'GET', '/coaching/reports/sessions?from=2027-12-01&to=2027-12-31'),
    );
    expect(elsewhere.items.filter((line: { schoolId: string }) => line.schoolId === school.id)).toEqual([]);
    const csv = await call(director, 'GET', '/coaching/reports/sessions?from=2027-12-01&to=2027-12-31&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const body = await csv.text();
    expect(body.split('\r\n')[0]).toBe('month,schoolName,coachName,sessions,held,hours,schoolId');
    expect(body).toContain(`2027-12,obs De Regenboog,Carla van Coach`);
    expect(body).not.toContain('GEHEIM');
    expect((await call(coachee, 'GET', '/coaching/reports/sessions')).status).toBe(403);
    expect((await call(director, 'GET', '/coaching/reports/sessions?from=2027-13-01')).status).toBe(400);
  });
});
