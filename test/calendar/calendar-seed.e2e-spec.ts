import type { DataSource } from 'typeorm';
import { seedSchoolCalendar, type School } from '@leerkring/people';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';

describe('seedSchoolCalendar (for the demo seed)', () => {
  let db: DataSource;
  let schools: School[];

  beforeAll(async () => {
    db = await openTestDataSource();
    schools = [
      await factory(db).school({ holidayRegion: 'middle' }),
      await factory(db).school({ holidayRegion: 'south' }),
    ];
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('loads holidays, public holidays and four study days per school and year; a second run changes nothing', async () => {
    const first = await db.transaction((manager) => seedSchoolCalendar(manager, schools));

    expect(first.schoolYears).toEqual(['2026-2027', '2027-2028']);
    expect(first.studyDays).toEqual({ created: 16, updated: 0, unchanged: 0, removed: 0 });
    expect(first.holidays.created + first.holidays.unchanged + first.holidays.updated).toBe(22);

    const second = await db.transaction((manager) => seedSchoolCalendar(manager, schools));

    expect(second).toEqual({
      schoolYears: ['2026-2027', '2027-2028'],
      holidays: { created: 0, updated: 0, unchanged: 22, removed: 0 },
      publicHolidays: { created: 0, updated: 0, unchanged: 20, removed: 0 },
      studyDays: { created: 0, updated: 0, unchanged: 16, removed: 0 },
    });
    const [row] = await db.query<Array<{ n: string }>>(
      "SELECT COUNT(*) AS n FROM closure WHERE school_id IN (?, ?) AND kind = 'study_day'",
      [schools[0].id, schools[1].id],
    );
    expect(Number(row.n)).toBe(16);
  });
});
