import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RawRows } from '@leerkring/core';
import { ThemeMeeting } from '@leerkring/theme-meetings';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';

describe('RawRows: entities from hand-written SQL', () => {
  let db: DataSource;
  let sut: RawRows;

  beforeAll(async () => {
    db = await openTestDataSource();
    sut = new RawRows(db);
  });

  afterAll(async () => {
    await db.destroy();
  });

  async function storedMeeting(overrides: Partial<ThemeMeeting>): Promise<string> {
    const make = factory(db);
    const school = await make.school();
    const organiser = await make.person({ memberships: [{ schoolId: school.id, function: 'intern_begeleider' }] });
    const id = randomUUID();
    await db.getRepository(ThemeMeeting).insert({
      id,
      title: 'Rekenen met starters',
      description: null,
      tags: ['rekenen', 'starters'],
      organizerPersonId: organiser.id,
      format: 'hybrid',
      schoolId: school.id,
      room: 'Aula',
      onlineUrl: 'https://meet.example/abc',
      capacity: 20,
      onlineCapacity: 10,
      confirmedCount: 3,
      onlineConfirmedCount: 1,
      waitlistSeq: 7,
      registrationOpensAt: new Date('2026-12-01T08:00:00.123Z'),
      registrationClosesAt: new Date('2027-01-10T16:30:00.000Z'),
      audienceSchoolIds: [school.id],
      audienceFunctions: null,
      hoursCredited: '1.50',
      cancellationDeadline: null,
      offerMode: 'offer',
      offerHours: 12,
      status: 'published',
      startsAt: new Date('2027-01-12T14:00:00.000Z'),
      endsAt: new Date('2027-01-12T16:00:00.000Z'),
      ...overrides,
    });
    return id;
  }

  it('hydrates a row exactly as the query builder does: dates, JSON, decimals, NULLs', async () => {
    for (const overrides of [
      {},
      {
        description: 'Lange tekst',
        cancellationDeadline: new Date('2027-01-11T12:00:00.000Z'),
        audienceSchoolIds: null,
        audienceFunctions: ['starter'],
        onlineCapacity: null,
      },
    ]) {
      const id = await storedMeeting(overrides);
      const [row] = await db.query<Array<Record<string, unknown>>>(
        `SELECT ${sut.selectColumns(ThemeMeeting, 'm')} FROM theme_meeting m WHERE m.id = ?`,
        [id],
      );

      const hydrated = sut.hydrate(ThemeMeeting, 'm', row);

      const expected = await db.getRepository(ThemeMeeting).findOneByOrFail({ id });
      expect(hydrated).toBeInstanceOf(ThemeMeeting);
      expect(hydrated).toStrictEqual(expected);
    }
  });

  it('gives null for an outer join that found nothing', async () => {
    const [row] = await db.query<Array<Record<string, unknown>>>(
      `SELECT ${sut.selectColumns(ThemeMeeting, 'm')} FROM (SELECT 1 AS one) x LEFT JOIN theme_meeting m ON m.id = ?`,
      [randomUUID()],
    );
    expect(sut.hydrate(ThemeMeeting, 'm', row)).toBeNull();
  });
});
