import './notice-env';
import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

const HOUR = 3_600_000;

describe('minimum notice (SCHEDULING_MIN_NOTICE_HOURS=24)', () => {
  let api: RunningApi;
  let db: DataSource;

  beforeAll(async () => {
    api = await startApi();
    db = await openTestDataSource();
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  it('refuses less than 24 hours ahead with too_short_notice and the earliest start; plans and suggests beyond it', async () => {
    const make = factory(db);
    const school = await make.school();
    const coach = await make.person({ memberships: [{ schoolId: school.id, function: 'intern_begeleider' }] });
    const teacher = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const headers = { ...(await signIn(api, coach.id)), 'content-type': 'application/json' };
    const plan = (startsIn: number) =>
      fetch(`${api.url}/api/v1/appointments`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: 'Kort dag',
          start: new Date(Date.now() + startsIn).toISOString(),
          end: new Date(Date.now() + startsIn + HOUR).toISOString(),
          onlineUrl: 'https://meet.example.nl/kort',
          participants: [{ personId: teacher.id }],
        }),
      });

    const tooSoon = await plan(3 * HOUR);
    expect(tooSoon.status).toBe(422);
    const problem = await readJson(tooSoon);
    expect(problem).toMatchObject({ code: 'too_short_notice' });
    expect(Date.parse(problem.earliestStart)).toBeGreaterThan(Date.now() + 23 * HOUR);
    expect((await plan(25 * HOUR)).status).toBe(201);

    const slots = await fetch(
      `${api.url}/api/v1/scheduling/slots?personId=${coach.id},${teacher.id}&duration=30&count=3`,
      { headers },
    );
    expect(slots.status).toBe(200);
    const { items } = await readJson(slots);
    expect(items).toHaveLength(3);
    for (const slot of items as Array<{ start: string }>) {
      expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(Date.parse(problem.earliestStart) - 60_000);
    }
  });
});
