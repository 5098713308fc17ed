import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { SchoolCalendar, type School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

const EXAMPLE_ICS = readFileSync(
  join(__dirname, '../../libs/people/src/calendar/fixtures/studiedagen-voorbeeld.ics'),
  'utf8',
);

describe('school closures: study days, iCalendar import and queries', () => {
  let sut: RunningApi;
  let db: DataSource;
  let school: School;
  let neighbour: School;
  let asAdmin: Record<string, string>;
  let asTeacher: Record<string, string>;

  beforeAll(async () => {
    db = await openTestDataSource();
    sut = await startApi();
    const make = factory(db);
    school = await make.school({ name: 'obs De Regenboog (test)', holidayRegion: 'middle' });
    neighbour = await make.school({ name: 'cbs De Buren (test)', holidayRegion: 'middle' });
    asAdmin = await signIn(sut, (await make.person({ isAdmin: true })).id);
    // A teacher of another school: the calendar is readable for anyone signed in.
    asTeacher = await signIn(
      sut,
      (await make.person({ memberships: [{ schoolId: neighbour.id, function: 'teacher' }] })).id,
    );
    await sut.app.get(SchoolCalendar).importRijksoverheid(null);
  });

  afterAll(async () => {
    await sut?.close();
    await db?.destroy();
  });

  const url = (path: string) => `${sut.url}/api/v1${path}`;
  const importIcal = (schoolId: string, body: string, contentType = 'text/calendar; charset=utf-8') =>
    fetch(url(`/schools/${schoolId}/closures/import/ical`), {
      method: 'POST',
      headers: { ...asAdmin, 'content-type': contentType },
      body,
    });
  const send = (method: string, path: string, body: unknown, headers = asAdmin) =>
    fetch(url(path), {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = (path: string, headers = asTeacher) => fetch(url(path), { headers });
  const closedOn = async (target: School, date: string) =>
    readJson(await get(`/schools/${target.id}/closed?date=${date}`));
  const countClosures = async (schoolId: string) =>
    Number(
      (await db.query<Array<{ n: string }>>('SELECT COUNT(*) AS n FROM closure WHERE school_id = ?', [schoolId]))[0].n,
    );

  describe('iCalendar import', () => {
    it('imports the study days of one school, and again changes nothing', async () => {
      const first = await importIcal(school.id, EXAMPLE_ICS);

      expect(first.status).toBe(200);
      expect(await readJson(first)).toEqual({ created: 4, updated: 0, unchanged: 0, removed: 0 });
      expect(await closedOn(school, '2026-11-13')).toMatchObject({
        closed: true,
        closure: { kind: 'study_day', name: 'Studiedag team', scope: 'school', schoolId: school.id, source: 'ical' },
      });
      expect(await closedOn(neighbour, '2026-11-13')).toMatchObject({ closed: false });
      expect((await closedOn(school, '2027-02-02')).closure.name).toBe('Studiedagen, teamscholing');
      expect((await closedOn(school, '2027-02-03')).closed).toBe(false);

      const again = await importIcal(school.id, EXAMPLE_ICS);
      expect(await readJson(again)).toEqual({ created: 0, updated: 0, unchanged: 4, removed: 0 });
      expect(await countClosures(school.id)).toBe(4);
    });

    it('imports the same file twice at the same moment without duplicates', async () => {
      const other = await factory(db).school({ holidayRegion: 'south' });

      const responses = await Promise.all([importIcal(other.id, EXAMPLE_ICS), importIcal(other.id, EXAMPLE_ICS)]);

      expect(responses.map((response) => response.status)).toEqual([200, 200]);
      const reports = await Promise.all(responses.map((response) => readJson(response)));
      expect(reports.map((report) => report.created).sort()).toEqual([0, 4]);
      expect(await countClosures(other.id)).toBe(4);
    });

    it('updates a changed event and removes a cancelled one', async () => {
      const changed = EXAMPLE_ICS.replace('DTSTART;VALUE=DATE:20261113', 'DTSTART;VALUE=DATE:20261112')
        .replace('DTEND;VALUE=DATE:20261114', 'DTEND;VALUE=DATE:20261113')
        .replace(
          'UID:studiedag-2027-06-14@regenboog.example',
          'UID:studiedag-2027-06-14@regenboog.example\r\nSTATUS:CANCELLED',
        );

      expect(await readJson(await importIcal(school.id, changed))).toEqual({
        created: 0,
        updated: 1,
        unchanged: 2,
        removed: 1,
      });
      expect((await closedOn(school, '2026-11-12')).closed).toBe(true);
      expect((await closedOn(school, '2026-11-13')).closed).toBe(false);
      expect((await closedOn(school, '2027-06-14')).closed).toBe(false);

      expect(await readJson(await importIcal(school.id, EXAMPLE_ICS))).toMatchObject({ created: 1, updated: 1 });
    });

    it.each([
      ['plain text', 'Studiedag op maandag 12 oktober', 'malformed_body'],
      ['an unfinished calendar', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nEND:VCALENDAR', 'malformed_body'],
      [
        'an event without UID',
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Studiedag\r\nDTSTART;VALUE=DATE:20261012\r\nEND:VEVENT\r\nEND:VCALENDAR',
        'validation_failed',
      ],
    ])('answers %s with 400 problem+json and stores nothing', async (_what, body, code) => {
      const before = await countClosures(school.id);

      const response = await importIcal(school.id, body);

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = await readJson(response);
      expect(problem.code).toBe(code);
      expect(problem.errors?.[0].messages[0] ?? problem.detail).toMatch(/iCalendar|VCALENDAR|UID/);
      expect(await countClosures(school.id)).toBe(before);
    });

    it('wants text/calendar, a known school and an admin', async () => {
      expect((await importIcal(school.id, '{}', 'application/json')).status).toBe(415);
      expect((await importIcal(randomUUID(), EXAMPLE_ICS)).status).toBe(404);
      const tooLarge = await importIcal(school.id, `${EXAMPLE_ICS}${'X-FILLER:0123456789\r\n'.repeat(60_000)}`);
      expect(tooLarge.status).toBe(413);
      expect((await readJson(tooLarge)).code).toBe('payload_too_large');
      const asTeacherResponse = await fetch(url(`/schools/${school.id}/closures/import/ical`), {
        method: 'POST',
        headers: { ...asTeacher, 'content-type': 'text/calendar' },
        body: EXAMPLE_ICS,
      });
      expect(asTeacherResponse.status).toBe(403);
    });
  });

  describe('study days added by hand', () => {
    it('lets an admin add, change and remove a study day', async () => {
      const created = await send('POST', `/schools/${school.id}/closures`, {
        name: '  Studiedag rekenen ',
        startDate: '2027-01-18',
      });
      expect(created.status).toBe(201);
      const closure = await readJson(created);
      expect(closure).toMatchObject({
        kind: 'study_day',
        name: 'Studiedag rekenen',
        startDate: '2027-01-18',
        endDate: '2027-01-18',
        scope: 'school',
        schoolId: school.id,
        schoolYear: '2026-2027',
        source: 'manual',
      });
      expect((await closedOn(school, '2027-01-18')).closure.id).toBe(closure.id);

      const changed = await send('PATCH', `/schools/${school.id}/closures/${closure.id}`, { startDate: '2027-01-19' });
      expect(changed.status).toBe(200);
      expect(await readJson(changed)).toMatchObject({ startDate: '2027-01-19', endDate: '2027-01-19' });
      expect((await closedOn(school, '2027-01-18')).closed).toBe(false);
      expect(await readJson(await get(`/schools/${school.id}/closures/${closure.id}`))).toMatchObject({
        startDate: '2027-01-19',
      });

      expect((await send('DELETE', `/schools/${school.id}/closures/${closure.id}`, undefined)).status).toBe(204);
      expect((await closedOn(school, '2027-01-19')).closed).toBe(false);
      expect((await get(`/schools/${school.id}/closures/${closure.id}`)).status).toBe(404);

      const audit = await db.query<Array<{ action: string }>>(
        "SELECT action FROM audit_event WHERE entity_type = 'closure' AND entity_id = ? ORDER BY id",
        [closure.id],
      );
      expect(audit.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
    });

    it('refuses bad dates and unknown fields with 400, another school’s closure with 404', async () => {
      const bad = await send('POST', `/schools/${school.id}/closures`, {
        name: 'Studiedag',
        startDate: '2027-02-30',
        kind: 'public_holiday',
        colour: 'red',
      });
      expect(bad.status).toBe(400);
      expect((await readJson(bad)).errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'colour',
        'kind',
        'startDate',
      ]);

      const backwards = await send('POST', `/schools/${school.id}/closures`, {
        name: 'Studiedag',
        startDate: '2027-02-10',
        endDate: '2027-02-09',
      });
      expect((await readJson(backwards)).errors).toEqual([
        { field: 'endDate', messages: ['endDate must not be before startDate'] },
      ]);

      const other = await readJson(
        await send('POST', `/schools/${neighbour.id}/closures`, { name: 'Studiedag', startDate: '2027-02-10' }),
      );
      expect((await send('PATCH', `/schools/${school.id}/closures/${other.id}`, { name: 'x' })).status).toBe(404);
      expect((await send('DELETE', `/schools/${school.id}/closures/${other.id}`, undefined)).status).toBe(404);
      expect(
        (await send('POST', `/schools/${randomUUID()}/closures`, { name: 'x', startDate: '2027-02-10' })).status,
      ).toBe(404);
    });

    it('refuses to change an imported closure by hand (422), and a non-admin (403)', async () => {
      const { items } = await readJson(await get(`/schools/${school.id}/closures?from=2026-11-13&to=2026-11-13`));
      const imported = items.find((item: { source: string }) => item.source === 'ical');

      const response = await send('PATCH', `/schools/${school.id}/closures/${imported.id}`, { name: 'Anders' });
      expect(response.status).toBe(422);
      expect((await readJson(response)).code).toBe('business_rule');
      expect(
        (await send('POST', `/schools/${school.id}/closures`, { name: 'x', startDate: '2027-02-10' }, asTeacher))
          .status,
      ).toBe(403);
    });
  });

  describe('queries', () => {
    it('lists what closes the school between two dates: its region, heel Nederland, public holidays, its own days', async () => {
      const response = await get(`/schools/${school.id}/closures?from=2026-10-01&to=2027-01-31`);

      expect(response.status).toBe(200);
      const body = await readJson(response);
      expect(body.from).toBe('2026-10-01');
      expect(body.items.map((item: { name: string; startDate: string }) => `${item.startDate} ${item.name}`)).toEqual([
        '2026-10-17 Herfstvakantie',
        '2026-11-13 Studiedag team',
        '2026-12-19 Kerstvakantie',
        '2026-12-25 Eerste Kerstdag',
        '2026-12-26 Tweede Kerstdag',
        '2027-01-01 Nieuwjaarsdag',
      ]);
      expect(body.items[0]).toMatchObject({ region: 'middle', scope: 'region', source: 'rijksoverheid' });
    });

    it('answers the same through the SchoolCalendar service', async () => {
      const calendar = sut.app.get(SchoolCalendar);

      expect((await calendar.isClosed(school.id, '2026-10-20'))?.name).toBe('Herfstvakantie');
      expect(await calendar.isClosed(school.id, '2026-10-14')).toBeNull();
      expect((await calendar.closuresBetween(school.id, '2026-11-01', '2026-11-30')).map((item) => item.name)).toEqual([
        'Studiedag team',
      ]);
    });

    it.each([
      ['a bad date', '/closed?date=2026-13-01', 'date'],
      ['no date', '/closed', 'date'],
      ['an impossible range', '/closures?from=2027-01-01&to=2026-01-01', 'to'],
      ['too long a range', '/closures?from=2020-01-01&to=2027-01-01', 'to'],
      ['an unknown parameter', '/closures?from=2026-01-01&to=2026-02-01&region=north', 'region'],
    ])('answers %s with 400', async (_what, path, field) => {
      const response = await get(`/schools/${school.id}${path}`);

      expect(response.status).toBe(400);
      expect((await readJson(response)).errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('answers an unknown school with 404 and a caller without credentials with 401', async () => {
      expect((await get(`/schools/${randomUUID()}/closed?date=2026-10-20`)).status).toBe(404);
      expect((await get(`/schools/${randomUUID()}/closures?from=2026-10-01&to=2026-10-31`)).status).toBe(404);
      expect((await get(`/schools/${school.id}/closed?date=2026-10-20`, {})).status).toBe(401);
    });
  });
});
