import type { DataSource } from 'typeorm';
import { AMSTERDAM, dateInZone, isoWeekday, type Person, type School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import { mailsTo, parseInvite, waitForMailsTo } from '../appointments/calendar-mail';

const at = (date: string, time: string) => `${date}T${time}:00+01:00`;

interface VisitAppointment {
  part: string;
  appointmentId: string;
  start: string;
  end: string;
  version: number;
}

describe('classroom visits and observations', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: AppProcess;
  let make: ReturnType<typeof factory>;
  let school: School;
  let admin: Person;
  const headers = new Map<string, Record<string, string>>();

  const call = async (person: Person, method: string, path: string, body?: unknown, extra = {}) => {
    if (!headers.has(person.id)) {
      headers.set(person.id, { ...(await signIn(api, person.id)), 'content-type': 'application/json' });
    }
    return fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: { ...headers.get(person.id), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };

  const people = async () => ({
    observer: await make.person({ memberships: [{ schoolId: school.id, function: 'intern_begeleider' }] }),
    teacher: await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] }),
    otherTeacher: await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] }),
  });

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    make = factory(db);
    school = await make.school({ name: 'obs De Wilgen' });
    admin = await make.person({ isAdmin: true });
    // A study day on the first school day after the visits below: the debrief must skip it.
    const studyDay = await call(admin, 'POST', `/schools/${school.id}/closures`, {
      name: 'Studiedag',
      startDate: '2028-01-20',
    });
    expect(studyDay.status).toBe(201);
    await worker.waitForOutput(/worker started/);
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  it('ships the default lesson-observation form with six domains', async () => {
    const { teacher } = await people();
    const forms = await readJson(await call(teacher, 'GET', '/coaching/forms'));
    const standard = forms.find((form: { isDefault: boolean }) => form.isDefault);
    expect(standard.domains.map((domain: { title: string }) => domain.title)).toEqual([
      'Veilig en stimulerend klimaat',
      'Doelmatig klassenmanagement',
      'Duidelijke instructie',
      'Activerende lesaanpak',
      'Afstemmen op verschillen',
      'Leren leren: leerstrategieën',
    ]);
    expect(standard.scale).toHaveLength(4);
  });

  it('proposes the pre-visit meeting and the debrief on school days around the visit; the teacher is invited to all three', async () => {
    const { observer, teacher, otherTeacher } = await people();
    // Wednesday 19 January 2028; the study day is Thursday the 20th.
    const created = await call(observer, 'POST', '/coaching/visits', {
      teacherPersonId: teacher.id,
      schoolId: school.id,
      groupName: 'groep 6',
      start: at('2028-01-19', '09:00'),
      end: at('2028-01-19', '09:45'),
    });
    expect(created.status).toBe(201);
    const visit = await readJson(created);
    expect(visit).toMatchObject({ assessment: false, status: 'planned', debriefHeld: false });
    const parts: Record<string, VisitAppointment> = Object.fromEntries(
      visit.appointments.map((appointment: VisitAppointment) => [appointment.part, appointment]),
    );
    expect(Object.keys(parts).sort()).toEqual(['debrief', 'pre', 'visit']);
    const day = (part: string) => dateInZone(new Date(parts[part].start), AMSTERDAM);
    expect(day('visit')).toBe('2028-01-19');
    // Five school days before: 12–14 and 17–18 January (the weekend skipped).
    expect(['2028-01-12', '2028-01-13', '2028-01-14', '2028-01-17', '2028-01-18']).toContain(day('pre'));
    // Five school days after: the study day (20th) and the weekend skipped.
    expect(['2028-01-21', '2028-01-24', '2028-01-25', '2028-01-26', '2028-01-27']).toContain(day('debrief'));
    for (const part of ['pre', 'debrief']) {
      expect(isoWeekday(day(part))).toBeLessThanOrEqual(5);
      expect(new Date(parts[part].end).getTime() - new Date(parts[part].start).getTime()).toBe(30 * 60_000);
    }
    const kinds = await db.query<Array<{ id: string; kind: string }>>(
      'SELECT id, kind FROM appointment WHERE id IN (?, ?, ?)',
      [parts.pre.appointmentId, parts.visit.appointmentId, parts.debrief.appointmentId],
    );
    expect(Object.fromEntries(kinds.map((row) => [row.id, row.kind]))).toEqual({
      [parts.pre.appointmentId]: 'visit_pre',
      [parts.visit.appointmentId]: 'visit',
      [parts.debrief.appointmentId]: 'visit_debrief',
    });

    await waitForMailsTo(smtp, [teacher.email], 3);
    const subjects = mailsTo(smtp, teacher.email).map((mail) => mail.parsed.subject ?? '');
    expect(subjects.filter((subject) => subject.startsWith('Uitnodiging: '))).toHaveLength(3);
    expect(subjects.some((subject) => subject.includes('Voorgesprek lesbezoek groep 6'))).toBe(true);
    expect(
      mailsTo(smtp, teacher.email)
        .map(parseInvite)
        .every((invite) => invite.method === 'REQUEST'),
    ).toBe(true);

    // The teacher sees the visit and that it is not an assessment; another teacher does not see it.
    expect(await readJson(await call(teacher, 'GET', `/coaching/visits/${visit.id}`))).toMatchObject({
      assessment: false,
    });
    expect((await call(otherTeacher, 'GET', `/coaching/visits/${visit.id}`)).status).toBe(404);

    // The debrief proposal is editable: move it, with the version.
    const moved = await call(
      observer,
      'PATCH',
      `/coaching/visits/${visit.id}/appointments/debrief`,
      { start: at('2028-01-26', '15:00'), end: at('2028-01-26', '15:30') },
      { 'if-match': '"0"' },
    );
    expect(moved.status).toBe(200);
    const debrief = (await readJson(moved)).appointments.find((a: VisitAppointment) => a.part === 'debrief');
    expect(debrief).toMatchObject({ start: '2028-01-26T14:00:00.000Z', version: 1 });
    expect((await call(teacher, 'PATCH', `/coaching/visits/${visit.id}/appointments/debrief`, {})).status).toBe(400);
    expect(
      (
        await call(teacher, 'PATCH', `/coaching/visits/${visit.id}/appointments/debrief`, {
          start: at('2028-01-27', '15:00'),
          end: at('2028-01-27', '15:30'),
          version: 1,
        })
      ).status,
    ).toBe(403);
    expect((await call(observer, 'PATCH', `/coaching/visits/${visit.id}/appointments/lunch`, {})).status).toBe(400);
    const beforeVisit = await call(observer, 'PATCH', `/coaching/visits/${visit.id}/appointments/debrief`, {
      start: at('2028-01-18', '15:00'),
      end: at('2028-01-18', '15:30'),
      version: 1,
    });
    expect(beforeVisit.status).toBe(422);
    expect(await readJson(beforeVisit)).toMatchObject({ code: 'visit_order' });
  });

  it('shows the observation to the teacher only once the debrief is held; never to another teacher', async () => {
    const { observer, teacher, otherTeacher } = await people();
    const created = await call(observer, 'POST', '/coaching/visits', {
      teacherPersonId: teacher.id,
      schoolId: school.id,
      groupName: 'groep 3',
      start: at('2028-01-19', '11:00'),
      end: at('2028-01-19', '11:45'),
      assessment: true,
    });
    expect(created.status).toBe(201);
    const visit = await readJson(created);
    expect(await readJson(await call(teacher, 'GET', `/coaching/visits/${visit.id}`))).toMatchObject({
      assessment: true,
    });
    const forms = await readJson(await call(observer, 'GET', '/coaching/forms'));
    const form = forms.find((f: { id: string }) => f.id === visit.formId);
    const items: string[] = form.domains.flatMap((d: { items: Array<{ key: string }> }) => d.items.map((i) => i.key));
    const answers = items.map((itemKey, index) => ({ itemKey, score: (index % 4) + 1, comment: `opmerking ${index}` }));

    const wrong = await call(observer, 'PUT', `/coaching/visits/${visit.id}/observation`, {
      answers: [{ itemKey: 'bestaat.niet', score: 9 }],
    });
    expect(wrong.status).toBe(400);
    const filled = await call(observer, 'PUT', `/coaching/visits/${visit.id}/observation`, {
      answers,
      overallComment: 'Sterke instructie; let op de overgang naar zelfstandig werken.',
    });
    expect(filled.status).toBe(200);
    expect(await readJson(await call(observer, 'GET', `/coaching/visits/${visit.id}/observation`))).toMatchObject({
      sharedWithTeacher: false,
    });

    for (const who of [teacher, otherTeacher, admin]) {
      const response = await call(who, 'GET', `/coaching/visits/${visit.id}/observation`);
      expect({ who: who.id, status: response.status }).toEqual({ who: who.id, status: 404 });
    }
    expect((await call(teacher, 'POST', `/coaching/visits/${visit.id}/debrief-held`)).status).toBe(403);
    const history = await readJson(await call(teacher, 'GET', `/coaching/teachers/${teacher.id}/observation-history`));
    expect(history.items).toEqual([]);

    const held = await call(observer, 'POST', `/coaching/visits/${visit.id}/debrief-held`);
    expect(held.status).toBe(200);
    expect(await readJson(held)).toMatchObject({ debriefHeld: true });

    const shared = await call(teacher, 'GET', `/coaching/visits/${visit.id}/observation`);
    expect(shared.status).toBe(200);
    expect(await readJson(shared)).toMatchObject({
      sharedWithTeacher: true,
      overallComment: 'Sterke instructie; let op de overgang naar zelfstandig werken.',
      answers: expect.arrayContaining([{ itemKey: items[0], score: 1, comment: 'opmerking 0' }]),
    });
    expect((await call(otherTeacher, 'GET', `/coaching/visits/${visit.id}/observation`)).status).toBe(404);
    expect((await call(admin, 'GET', `/coaching/visits/${visit.id}/observation`)).status).toBe(404);
    expect((await call(teacher, 'PUT', `/coaching/visits/${visit.id}/observation`, { answers: [] })).status).toBe(403);

    const after = await readJson(await call(teacher, 'GET', `/coaching/teachers/${teacher.id}/observation-history`));
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ visitId: visit.id, date: '2028-01-19', assessment: true });
    // Scores 1..4 repeat over the items: domain 1 has items scored 1, 2, 3 → 2.
    expect(after.items[0].domains).toHaveLength(6);
    expect(after.items[0].domains[0]).toMatchObject({ key: 'climate', average: 2 });
    expect((await call(otherTeacher, 'GET', `/coaching/teachers/${teacher.id}/observation-history`)).status).toBe(404);

    const report = await readJson(await call(admin, 'GET', '/coaching/reports/visits?from=2028-01-01&to=2028-01-31'));
    expect(report.items).toContainEqual(
      expect.objectContaining({ month: '2028-01', schoolId: school.id, visits: expect.any(Number) }),
    );
    expect(JSON.stringify(report)).not.toContain('Sterke instructie');
  });
});
