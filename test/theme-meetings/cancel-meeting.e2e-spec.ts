import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { uniqueSlot } from '@leerkring/testing/slots';

/**
 * `POST /theme-meetings/{id}/cancel` with people signed up and waiting. (It answered 500 whenever
 * a registration was live: the update named the table's column, not the entity's property; found
 * by the organiser page's browser test.)
 */
describe('theme meetings: the organiser cancels the whole meeting', () => {
  let api: RunningApi;
  let db: DataSource;
  let school: School;
  const people: Record<string, Person> = {};
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    school = await make.school();
    const at = (fn: 'teacher' | 'intern_begeleider') => [{ schoolId: school.id, function: fn }];
    people.coach = await make.person({ memberships: at('intern_begeleider') });
    people.anna = await make.person({ givenName: 'Anna', memberships: at('teacher') });
    people.bram = await make.person({ givenName: 'Bram', memberships: at('teacher') });
    for (const [name, person] of Object.entries(people)) {
      headers[name] = { ...(await signIn(api, person.id)), 'content-type': 'application/json' };
    }
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  const call = (method: string, path: string, who: string, body?: unknown) =>
    fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: headers[who],
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('cancels the meeting, every live registration and the sessions; repeating it changes nothing', async () => {
    const slot = uniqueSlot(90);
    const created = await call('POST', '/theme-meetings', 'coach', {
      title: 'Wordt afgelast',
      tags: ['lezen'],
      format: 'on_site',
      schoolId: school.id,
      capacity: 1,
      sessions: [slot],
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: slot.start,
      audienceSchoolIds: [school.id],
    });
    expect(created.status).toBe(201);
    const sut = await readJson(created);
    await call('POST', `/theme-meetings/${sut.id}/registrations`, 'anna', {});
    await call('POST', `/theme-meetings/${sut.id}/registrations`, 'bram', {});

    const cancelled = await call('POST', `/theme-meetings/${sut.id}/cancel`, 'coach');
    expect(cancelled.status).toBe(200);
    expect((await readJson(cancelled)).status).toBe('cancelled');
    for (const who of ['anna', 'bram']) {
      const mine = await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, who));
      expect(mine).toMatchObject({ status: 'cancelled', offerDeadline: null });
    }
    const [appointment] = await db.query<Array<{ status: string }>>(
      'SELECT a.status FROM appointment a JOIN theme_meeting_session s ON s.appointment_id = a.id WHERE s.meeting_id = ?',
      [sut.id],
    );
    expect(appointment.status).toBe('cancelled');
    expect((await call('POST', `/theme-meetings/${sut.id}/cancel`, 'coach')).status).toBe(200);
    const signUp = await call('POST', `/theme-meetings/${sut.id}/registrations`, 'anna', {});
    expect(signUp.status).toBe(422);
  });
});
