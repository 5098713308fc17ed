import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { availableBlocks, isAvailable, WorkingPatterns, type Person, type School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

// A part-timer: Monday 08:15–15:00, Tuesday morning, Thursday in two blocks, a late Thursday meeting slot.
const PART_TIME_WEEK = [
  { weekday: 'thursday', start: '12:30', end: '15:00' },
  { weekday: 'monday', start: '08:15', end: '15:00' },
  { weekday: 'tuesday', start: '08:15', end: '12:30' },
  { weekday: 'thursday', start: '08:15', end: '12:00' },
  { weekday: 'thursday', start: '15:30', end: '17:00' },
];

describe('working patterns and unavailability', () => {
  let sut: RunningApi;
  let db: DataSource;
  let school: School;
  let otherSchool: School;
  const people: Record<string, Person> = {};
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await openTestDataSource();
    sut = await startApi();
    const make = factory(db);
    school = await make.school({ name: 'obs Werktijden' });
    otherSchool = await make.school({ name: 'obs Elders' });
    people.teacher = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    people.colleague = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    people.director = await make.person({ memberships: [{ schoolId: school.id, function: 'director' }] });
    people.otherDirector = await make.person({ memberships: [{ schoolId: otherSchool.id, function: 'director' }] });
    people.coach = await make.person({ memberships: [{ schoolId: school.id, function: 'intern_begeleider' }] });
    people.admin = await make.person({ isAdmin: true });
    for (const [role, person] of Object.entries(people)) {
      headers[role] = await signIn(sut, person.id);
    }
  });

  afterAll(async () => {
    await sut?.close();
    await db?.destroy();
  });

  const url = (personId: string, path: string) => `${sut.url}/api/v1/people/${personId}${path}`;
  const get = (personId: string, path: string, role: string) => fetch(url(personId, path), { headers: headers[role] });
  const send = (method: string, personId: string, path: string, role: string, body?: unknown) =>
    fetch(url(personId, path), {
      method,
      headers: { ...headers[role], 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  describe('weekly pattern', () => {
    it('starts empty, and a person sets their own week', async () => {
      const empty = await readJson(await get(people.teacher.id, '/working-pattern', 'teacher'));
      expect(empty).toEqual({ personId: people.teacher.id, zone: 'Europe/Amsterdam', blocks: [], updatedAt: null });

      const response = await send('PUT', people.teacher.id, '/working-pattern', 'teacher', { blocks: PART_TIME_WEEK });

      expect(response.status).toBe(200);
      const pattern = await readJson(response);
      expect(pattern.blocks).toEqual([
        { weekday: 'monday', start: '08:15', end: '15:00' },
        { weekday: 'tuesday', start: '08:15', end: '12:30' },
        { weekday: 'thursday', start: '08:15', end: '12:00' },
        { weekday: 'thursday', start: '12:30', end: '15:00' },
        { weekday: 'thursday', start: '15:30', end: '17:00' },
      ]);
      expect(pattern.updatedAt).toEqual(expect.any(String));
      expect(await readJson(await get(people.teacher.id, '/working-pattern', 'teacher'))).toEqual(pattern);
    });

    it('replaces the whole week on every save', async () => {
      await send('PUT', people.colleague.id, '/working-pattern', 'colleague', { blocks: PART_TIME_WEEK });
      const response = await send('PUT', people.colleague.id, '/working-pattern', 'colleague', {
        zone: 'Europe/Amsterdam',
        blocks: [{ weekday: 'friday', start: '08:30', end: '24:00' }],
      });

      expect((await readJson(response)).blocks).toEqual([{ weekday: 'friday', start: '08:30', end: '24:00' }]);
      const [row] = await db.query<Array<{ n: string }>>(
        'SELECT COUNT(*) AS n FROM working_pattern_block b JOIN working_pattern p ON p.id = b.pattern_id WHERE p.person_id = ?',
        [people.colleague.id],
      );
      expect(Number(row.n)).toBe(1);
    });

    it('survives two saves at the same moment: one of them wins whole', async () => {
      const person = await factory(db).person();
      const weeks = [PART_TIME_WEEK, [{ weekday: 'wednesday', start: '08:30', end: '14:00' }]];

      const responses = await Promise.all(
        weeks.map((blocks) => send('PUT', person.id, '/working-pattern', 'admin', { blocks })),
      );

      expect(responses.map((response) => response.status)).toEqual([200, 200]);
      const stored = await readJson(await get(person.id, '/working-pattern', 'admin'));
      expect([PART_TIME_WEEK.length, 1]).toContain(stored.blocks.length);
    });

    it('lets an admin read and set anyone’s, a director read those at their school, and nobody else', async () => {
      expect((await get(people.teacher.id, '/working-pattern', 'admin')).status).toBe(200);
      expect(
        (await send('PUT', people.teacher.id, '/working-pattern', 'admin', { blocks: PART_TIME_WEEK })).status,
      ).toBe(200);
      expect((await get(people.teacher.id, '/working-pattern', 'director')).status).toBe(200);

      const directorWrite = await send('PUT', people.teacher.id, '/working-pattern', 'director', { blocks: [] });
      expect(directorWrite.status).toBe(403);
      expect((await readJson(directorWrite)).code).toBe('forbidden');

      for (const role of ['otherDirector', 'colleague', 'coach']) {
        const read = await get(people.teacher.id, '/working-pattern', role);
        expect({ role, status: read.status }).toEqual({ role, status: 404 });
        expect((await readJson(read)).code).toBe('not_found');
        const write = await send('PUT', people.teacher.id, '/working-pattern', role, { blocks: [] });
        expect({ role, status: write.status }).toEqual({ role, status: 404 });
      }
      expect((await get(randomUUID(), '/working-pattern', 'admin')).status).toBe(404);
      expect((await fetch(url(people.teacher.id, '/working-pattern'))).status).toBe(401);
    });

    it('refuses overlapping blocks, an end before the start, bad times and unknown zones with 400', async () => {
      const overlapping = await send('PUT', people.teacher.id, '/working-pattern', 'teacher', {
        blocks: [
          { weekday: 'monday', start: '08:15', end: '15:00' },
          { weekday: 'monday', start: '14:00', end: '16:00' },
          { weekday: 'tuesday', start: '12:00', end: '08:00' },
        ],
      });
      expect(overlapping.status).toBe(400);
      expect((await readJson(overlapping)).errors).toEqual([
        { field: 'blocks.2.end', messages: ['end must be after start'] },
      ]);

      const overlapOnly = await send('PUT', people.teacher.id, '/working-pattern', 'teacher', {
        blocks: [
          { weekday: 'monday', start: '08:15', end: '15:00' },
          { weekday: 'monday', start: '14:00', end: '16:00' },
        ],
      });
      expect((await readJson(overlapOnly)).errors).toEqual([
        { field: 'blocks.1.start', messages: ['overlaps block 0 (08:15–15:00)'] },
      ]);

      const malformed = await send('PUT', people.teacher.id, '/working-pattern', 'teacher', {
        zone: 'Mars/Olympus',
        blocks: [{ weekday: 'maandag', start: '8:15', end: '25:00' }],
      });
      expect(malformed.status).toBe(400);
      expect((await readJson(malformed)).errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'blocks.0.end',
        'blocks.0.start',
        'blocks.0.weekday',
        'zone',
      ]);

      const stored = await readJson(await get(people.teacher.id, '/working-pattern', 'teacher'));
      expect(stored.blocks).toHaveLength(PART_TIME_WEEK.length);
    });

    it('records every save in the audit log', async () => {
      const rows = await db.query<Array<{ actor_person_id: string }>>(
        "SELECT actor_person_id FROM audit_event WHERE entity_type = 'working_pattern' AND entity_id = ? ORDER BY id",
        [people.teacher.id],
      );
      expect(rows.map((row) => row.actor_person_id)).toEqual([people.teacher.id, people.admin.id]);
    });
  });

  describe('unavailability', () => {
    it('lets a person add, list and remove their own', async () => {
      const created = await send('POST', people.teacher.id, '/unavailability', 'teacher', {
        startsAt: '2026-12-07T09:00:00+01:00',
        endsAt: '2026-12-07T16:00:00+01:00',
        reason: 'Cursus',
      });

      expect(created.status).toBe(201);
      const item = await readJson(created);
      expect(item).toEqual({
        id: expect.any(String),
        personId: people.teacher.id,
        startsAt: '2026-12-07T08:00:00.000Z',
        endsAt: '2026-12-07T15:00:00.000Z',
        zone: 'Europe/Amsterdam',
        reason: 'Cursus',
      });

      const list = await readJson(
        await get(people.teacher.id, '/unavailability?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z', 'teacher'),
      );
      expect(list.items).toEqual([item]);
      expect((await get(people.teacher.id, '/unavailability?from=2026-12-01T00:00:00Z', 'director')).status).toBe(200);

      expect((await send('DELETE', people.teacher.id, `/unavailability/${item.id}`, 'teacher')).status).toBe(204);
      expect((await send('DELETE', people.teacher.id, `/unavailability/${item.id}`, 'teacher')).status).toBe(404);
    });

    it('keeps others out: 403 for a director writing, 404 for anyone else', async () => {
      const body = { startsAt: '2026-12-08T09:00:00+01:00', endsAt: '2026-12-08T10:00:00+01:00' };
      expect((await send('POST', people.teacher.id, '/unavailability', 'director', body)).status).toBe(403);
      for (const role of ['colleague', 'otherDirector', 'coach']) {
        expect((await send('POST', people.teacher.id, '/unavailability', role, body)).status).toBe(404);
        expect((await get(people.teacher.id, '/unavailability', role)).status).toBe(404);
      }
      const byAdmin = await readJson(await send('POST', people.teacher.id, '/unavailability', 'admin', body));
      expect((await send('DELETE', people.teacher.id, `/unavailability/${byAdmin.id}`, 'colleague')).status).toBe(404);
      expect((await send('DELETE', people.colleague.id, `/unavailability/${byAdmin.id}`, 'colleague')).status).toBe(
        404,
      );
      expect((await send('DELETE', people.teacher.id, `/unavailability/${byAdmin.id}`, 'admin')).status).toBe(204);
    });

    it.each([
      [
        'an end before the start',
        { startsAt: '2026-12-08T10:00:00+01:00', endsAt: '2026-12-08T09:00:00+01:00' },
        'endsAt',
      ],
      ['a time without offset', { startsAt: '2026-12-08T09:00:00', endsAt: '2026-12-08T10:00:00+01:00' }, 'startsAt'],
      ['an unknown zone', { startsAt: '2026-12-08T09:00:00Z', endsAt: '2026-12-08T10:00:00Z', zone: 'CEST' }, 'zone'],
      ['more than a year', { startsAt: '2026-12-08T09:00:00Z', endsAt: '2028-12-08T10:00:00Z' }, 'endsAt'],
    ])('refuses %s with 400', async (_what, body, field) => {
      const response = await send('POST', people.teacher.id, '/unavailability', 'teacher', body);

      expect(response.status).toBe(400);
      expect((await readJson(response)).errors.map((error: { field: string }) => error.field)).toEqual([field]);
    });
  });

  describe('privacy', () => {
    it('puts the week and unavailability in the person’s export and deletes them when the person is erased', async () => {
      const person = await factory(db).person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
      await send('PUT', person.id, '/working-pattern', 'admin', { blocks: PART_TIME_WEEK.slice(0, 2) });
      await send('POST', person.id, '/unavailability', 'admin', {
        startsAt: '2027-03-01T09:00:00+01:00',
        endsAt: '2027-03-01T12:00:00+01:00',
        reason: 'Cursus',
      });

      const exported = await readJson(
        await fetch(`${sut.url}/api/v1/people/${person.id}/export`, { headers: headers.admin }),
      );
      expect(exported.workingPattern).toMatchObject({
        zone: 'Europe/Amsterdam',
        blocks: [
          { weekday: 'monday', start: '08:15', end: '15:00' },
          { weekday: 'thursday', start: '12:30', end: '15:00' },
        ],
        unavailability: [{ startsAt: '2027-03-01T08:00:00.000Z', reason: 'Cursus' }],
      });

      const erased = await fetch(`${sut.url}/api/v1/people/${person.id}/erase`, {
        method: 'POST',
        headers: headers.admin,
      });
      expect(erased.status).toBe(200);
      const [row] = await db.query<Array<{ patterns: string; unavailable: string }>>(
        'SELECT (SELECT COUNT(*) FROM working_pattern WHERE person_id = ?) AS patterns, (SELECT COUNT(*) FROM unavailability WHERE person_id = ?) AS unavailable',
        [person.id, person.id],
      );
      expect([Number(row.patterns), Number(row.unavailable)]).toEqual([0, 0]);
    });
  });

  describe('for scheduling', () => {
    it('gives the stored week and unavailability to the pure availability functions, across the end of summer time', async () => {
      await send('PUT', people.director.id, '/working-pattern', 'director', {
        blocks: [{ weekday: 'sunday', start: '15:30', end: '17:00' }],
      });
      await send('POST', people.director.id, '/unavailability', 'director', {
        startsAt: '2026-11-01T15:00:00+01:00',
        endsAt: '2026-11-01T16:00:00+01:00',
      });
      const service = sut.app.get(WorkingPatterns);

      const { zone, pattern } = await service.weeklyPattern(people.director.id);
      const unavailability = await service.unavailabilityBetween(
        people.director.id,
        new Date('2026-10-17T00:00:00Z'),
        new Date('2026-11-02T00:00:00Z'),
      );
      const blocks = availableBlocks(pattern, unavailability, { from: '2026-10-17', to: '2026-11-01' }, zone);

      expect(
        blocks.map((block) => {
          const start = DateTime.fromJSDate(block.start, { zone });
          return `${start.toISODate()} ${start.toFormat('HH:mm')}–${DateTime.fromJSDate(block.end, { zone }).toFormat('HH:mm')} (${block.start.toISOString().slice(11, 16)}Z)`;
        }),
      ).toEqual([
        '2026-10-18 15:30–17:00 (13:30Z)',
        '2026-10-25 15:30–17:00 (14:30Z)',
        '2026-11-01 16:00–17:00 (15:00Z)',
      ]);
      expect(
        isAvailable(pattern, unavailability, new Date('2026-10-25T14:30:00Z'), new Date('2026-10-25T16:00:00Z'), zone),
      ).toBe(true);
      expect(
        isAvailable(pattern, unavailability, new Date('2026-10-25T13:30:00Z'), new Date('2026-10-25T14:30:00Z'), zone),
      ).toBe(false);
    });
  });
});
