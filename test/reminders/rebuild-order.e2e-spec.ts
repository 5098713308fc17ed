import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RemindersRepository } from '@leerkring/scheduling/reminders/reminders.repository';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';

/**
 * A rebuild after Redis lost its reminders walks the upcoming appointments soonest first, so the
 * reminders due first are back first, also when there are thousands to plan. The appointments
 * here lie in a year no other test uses, so the pages hold only them.
 */
describe('rebuilding reminders: the upcoming appointments, soonest first', () => {
  let db: DataSource;
  let repository: RemindersRepository;

  beforeAll(async () => {
    db = await openTestDataSource();
    repository = new RemindersRepository(db);
  });

  afterAll(async () => {
    await db?.destroy();
  });

  async function appointment(startsAt: string, status = 'scheduled'): Promise<string> {
    const make = factory(db);
    const school = await make.school({ name: 'obs De Volgorde' });
    const organizer = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const id = randomUUID();
    const starts = new Date(startsAt);
    await db.query(
      `INSERT INTO appointment (id, kind, title, starts_at, ends_at, zone, school_id, room, status, version, ical_uid, organizer_person_id)
       VALUES (?, 'meeting', 'Volgorde', ?, ?, 'Europe/Amsterdam', ?, 'Teamkamer', ?, 0, ?, ?)`,
      [id, starts, new Date(starts.getTime() + 3_600_000), school.id, status, `${id}@leerkring.test`, organizer.id],
    );
    return id;
  }

  it('pages by start time, then id, and skips cancelled ones and those already begun', async () => {
    const now = new Date('2093-03-01T08:00:00.000Z');
    await appointment('2093-03-01T07:00:00.000Z'); // already begun at `now`
    const third = await appointment('2093-03-03T09:00:00.000Z');
    const [tiedA, tiedB] = [
      await appointment('2093-03-02T09:00:00.500Z'),
      await appointment('2093-03-02T09:00:00.500Z'),
    ];
    await appointment('2093-03-01T12:00:00.000Z', 'cancelled');
    const first = await appointment('2093-03-01T08:00:00.001Z');
    const tied = [tiedA, tiedB].sort();

    const seen: string[] = [];
    let after = null;
    for (;;) {
      const page = await repository.upcoming(now, after, 2);
      if (page.length === 0) {
        break;
      }
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page.map((row) => row.id));
      after = page[page.length - 1];
    }
    expect(seen).toEqual([first, ...tied, third]);
  });
});
