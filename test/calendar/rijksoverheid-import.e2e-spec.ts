import type { DataSource } from 'typeorm';
import { SHIPPED_RIJKSOVERHEID_DOCUMENTS, type HolidayRegion, type School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

interface StoredClosure {
  id: string;
  source_key: string;
  start_date: string;
  end_date: string;
  updated_at: string;
}

describe('POST /api/v1/closures/import/rijksoverheid', () => {
  let sut: RunningApi;
  let db: DataSource;
  let asAdmin: Record<string, string>;
  let asTeacher: Record<string, string>;
  const schools = {} as Record<HolidayRegion, School>;

  beforeAll(async () => {
    db = await openTestDataSource();
    sut = await startApi();
    const make = factory(db);
    for (const region of ['north', 'middle', 'south'] as const) {
      schools[region] = await make.school({ name: `obs Vakantie ${region}`, holidayRegion: region });
    }
    asAdmin = await signIn(sut, (await make.person({ isAdmin: true })).id);
    asTeacher = await signIn(
      sut,
      (await make.person({ memberships: [{ schoolId: schools.middle.id, function: 'teacher' }] })).id,
    );
    // National and regional closures are shared by every test file of this worker: start clean.
    await db.query("DELETE FROM closure WHERE source = 'rijksoverheid'");
  });

  afterAll(async () => {
    await sut?.close();
    await db?.destroy();
  });

  const importHolidays = (body?: string, headers = asAdmin) =>
    fetch(`${sut.url}/api/v1/closures/import/rijksoverheid`, {
      method: 'POST',
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body,
    });
  const closedOn = async (school: School, date: string) => {
    const response = await fetch(`${sut.url}/api/v1/schools/${school.id}/closed?date=${date}`, { headers: asTeacher });
    expect(response.status).toBe(200);
    return readJson(response);
  };
  const snapshot = () =>
    db.query<StoredClosure[]>(
      "SELECT id, source_key, CAST(start_date AS CHAR) AS start_date, CAST(end_date AS CHAR) AS end_date, CAST(updated_at AS CHAR) AS updated_at FROM closure WHERE source = 'rijksoverheid' ORDER BY source_key",
    );

  it('loads the shipped fixture when there is no body: holidays of both school years and their public holidays', async () => {
    const response = await importHolidays();

    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({
      schoolYears: ['2026-2027', '2027-2028'],
      holidays: { created: 22, updated: 0, unchanged: 0, removed: 0 },
      publicHolidays: { created: 20, updated: 0, unchanged: 0, removed: 0 },
    });
    const [audit] = await db.query<Array<{ action: string; details: string | object }>>(
      "SELECT action, details FROM audit_event WHERE entity_type = 'closure' ORDER BY id DESC LIMIT 1",
    );
    expect(audit.action).toBe('import');
  });

  it('says closed on a date in each region’s autumn holiday, and open there in the other regions', async () => {
    // Herfstvakantie 2026: noord 10–18 October, midden and zuid 17–25 October.
    const northOnly = '2026-10-13';
    const middleAndSouth = '2026-10-21';

    const north = await closedOn(schools.north, northOnly);
    expect(north).toMatchObject({
      date: northOnly,
      closed: true,
      closure: { kind: 'holiday', name: 'Herfstvakantie', scope: 'region', region: 'north', startDate: '2026-10-10' },
    });
    expect(await closedOn(schools.middle, northOnly)).toEqual({ date: northOnly, closed: false, closure: null });
    expect(await closedOn(schools.south, northOnly)).toEqual({ date: northOnly, closed: false, closure: null });

    expect(await closedOn(schools.north, middleAndSouth)).toMatchObject({ closed: false, closure: null });
    for (const region of ['middle', 'south'] as const) {
      expect(await closedOn(schools[region], middleAndSouth)).toMatchObject({
        closed: true,
        closure: { name: 'Herfstvakantie', region, startDate: '2026-10-17', endDate: '2026-10-25' },
      });
    }
  });

  it('counts both ends of a holiday and applies heel Nederland to every region', async () => {
    expect((await closedOn(schools.middle, '2026-10-17')).closed).toBe(true);
    expect((await closedOn(schools.middle, '2026-10-25')).closed).toBe(true);
    expect((await closedOn(schools.middle, '2026-10-26')).closed).toBe(false);
    for (const region of ['north', 'middle', 'south'] as const) {
      expect(await closedOn(schools[region], '2026-12-28')).toMatchObject({
        closed: true,
        closure: { name: 'Kerstvakantie', scope: 'national', region: null },
      });
      expect(await closedOn(schools[region], '2027-03-26')).toMatchObject({
        closed: true,
        closure: { kind: 'public_holiday', name: 'Goede Vrijdag' },
      });
    }
  });

  it('changes nothing when the same holidays are imported again, with or without a body', async () => {
    const before = await snapshot();

    const again = await readJson(await importHolidays());
    const asBody = await readJson(await importHolidays(JSON.stringify(SHIPPED_RIJKSOVERHEID_DOCUMENTS)));

    for (const report of [again, asBody]) {
      expect(report).toEqual({
        schoolYears: ['2026-2027', '2027-2028'],
        holidays: { created: 0, updated: 0, unchanged: 22, removed: 0 },
        publicHolidays: { created: 0, updated: 0, unchanged: 20, removed: 0 },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('updates a moved holiday and removes one the file no longer lists, for the school years in the file only', async () => {
    const [year] = structuredClone(SHIPPED_RIJKSOVERHEID_DOCUMENTS) as Array<{
      content: Array<{ vacations: Array<{ type: string; regions: Array<Record<string, string>> }> }>;
    }>;
    const vacations = year.content[0].vacations;
    vacations[0].regions[0] = {
      region: 'noord',
      startdate: '2026-10-16T22:00:00.000Z',
      enddate: '2026-10-25T00:00:00.000Z',
    };
    vacations.splice(
      vacations.findIndex((vacation) => vacation.type === 'Meivakantie'),
      1,
    );

    const report = await readJson(await importHolidays(JSON.stringify(year)));

    expect(report).toEqual({
      schoolYears: ['2026-2027'],
      holidays: { created: 0, updated: 1, unchanged: 9, removed: 1 },
      publicHolidays: { created: 0, updated: 0, unchanged: 10, removed: 0 },
    });
    expect(await closedOn(schools.north, '2026-10-13')).toMatchObject({ closed: false });
    expect(await closedOn(schools.north, '2026-10-21')).toMatchObject({ closed: true });
    expect((await snapshot()).filter((row) => row.source_key.startsWith('2027-2028/'))).toHaveLength(11);

    const restored = await readJson(await importHolidays());
    expect(restored.holidays).toEqual({ created: 1, updated: 1, unchanged: 20, removed: 0 });
  });

  it.each([
    ['malformed JSON', '{"content": [', 'malformed_body'],
    ['a document without content', '{"title": "Schoolvakanties"}', 'validation_failed'],
    [
      'an unknown region and a bad date',
      JSON.stringify({
        content: [
          {
            schoolyear: '2026-2027',
            vacations: [
              {
                type: 'Herfstvakantie',
                regions: [
                  { region: 'oost', startdate: '2026-10-17T00:00:00.000Z', enddate: '2026-10-25T00:00:00.000Z' },
                  { region: 'noord', startdate: '17 oktober', enddate: '2026-10-25T00:00:00.000Z' },
                ],
              },
            ],
          },
        ],
      }),
      'validation_failed',
    ],
  ])('answers %s with 400 problem+json and stores nothing', async (_what, body, code) => {
    const before = await snapshot();

    const response = await importHolidays(body);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await readJson(response);
    expect(problem.code).toBe(code);
    if (code === 'validation_failed') {
      expect(problem.errors.length).toBeGreaterThan(0);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('names the offending fields of a bad document', async () => {
    const response = await importHolidays(
      JSON.stringify({
        content: [
          {
            schoolyear: '2026-2027',
            vacations: [
              { type: 'Herfstvakantie', regions: [{ region: 'oost', startdate: '2026-10-17', enddate: 'x' }] },
            ],
          },
        ],
      }),
    );

    expect((await readJson(response)).errors.map((error: { field: string }) => error.field)).toEqual([
      'content.0.vacations.0.regions.0.region',
      'content.0.vacations.0.regions.0.enddate',
    ]);
  });

  it('is for admins only', async () => {
    expect((await importHolidays(undefined, asTeacher)).status).toBe(403);
    expect((await importHolidays(undefined, {})).status).toBe(401);
  });
});
