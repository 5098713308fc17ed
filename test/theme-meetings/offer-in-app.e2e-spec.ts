import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { uniqueSlot } from '@leerkring/testing/slots';

/**
 * `POST /theme-meetings/{id}/registration/offer`: the signed-in way to answer a waitlist offer,
 * for the caller's own registration only, with the mail link's rules (one service method).
 */
describe('theme meetings: answering a waitlist offer in the app', () => {
  let api: RunningApi;
  let db: DataSource;
  let school: School;
  let otherSchool: School;
  const people: Record<string, Person> = {};
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    school = await make.school();
    otherSchool = await make.school();
    const at = (schoolId: string, fn: 'teacher' | 'intern_begeleider') => [{ schoolId, function: fn }];
    people.coach = await make.person({ memberships: at(school.id, 'intern_begeleider') });
    for (const name of ['anna', 'bram', 'cees', 'dora']) {
      people[name] = await make.person({ givenName: name, memberships: at(school.id, 'teacher') });
    }
    people.outsider = await make.person({ memberships: at(otherSchool.id, 'teacher') });
    for (const [name, person] of Object.entries(people)) {
      headers[name] = { ...(await signIn(api, person.id)), 'content-type': 'application/json' };
    }
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  const call = (method: string, path: string, who: string | null, body?: unknown) =>
    fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: who ? headers[who] : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const mine = async (meetingId: string, who: string) =>
    readJson(await call('GET', `/theme-meetings/${meetingId}/registration`, who));
  const answer = (meetingId: string, who: string | null, value: unknown) =>
    call('POST', `/theme-meetings/${meetingId}/registration/offer`, who, { answer: value });

  async function meeting() {
    const slot = uniqueSlot(90);
    const response = await call('POST', '/theme-meetings', 'coach', {
      title: `Aanbod in de app ${Math.random().toString(36).slice(2, 8)}`,
      tags: ['lezen'],
      format: 'on_site',
      schoolId: school.id,
      capacity: 1,
      sessions: [slot],
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: slot.start,
      audienceSchoolIds: [school.id],
      offerMode: 'offer',
      offerHours: 24,
    });
    expect(response.status).toBe(201);
    return readJson(response);
  }

  async function expectProblem(response: Response, status: number, code: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await readJson(response)).code).toBe(code);
  }

  it('accepts my own offer, leaves everyone else untouched, and declining passes the seat on', async () => {
    const sut = await meeting();
    const anna = await readJson(await call('POST', `/theme-meetings/${sut.id}/registrations`, 'anna', {}));
    for (const who of ['bram', 'cees', 'dora']) {
      expect((await readJson(await call('POST', `/theme-meetings/${sut.id}/registrations`, who, {}))).status).toBe(
        'waitlisted',
      );
    }
    // Nothing offered yet.
    await expectProblem(await answer(sut.id, 'bram', 'accept'), 422, 'no_open_offer');

    expect((await call('POST', `/theme-meetings/${sut.id}/registrations/${anna.id}/cancel`, 'anna')).status).toBe(200);
    const offered = await mine(sut.id, 'bram');
    expect(offered.status).toBe('offered');

    // Bram's offer cannot be answered by anyone else: the route only ever acts on the caller's own
    // registration (Cees is waiting, the organiser and the outsider have none, anonymous is refused).
    await expectProblem(await answer(sut.id, 'cees', 'accept'), 422, 'no_open_offer');
    expect((await answer(sut.id, 'coach', 'decline')).status).toBe(404);
    expect((await answer(sut.id, 'outsider', 'accept')).status).toBe(404);
    expect((await answer(sut.id, null, 'accept')).status).toBe(401);
    expect((await answer(sut.id, 'bram', 'maybe')).status).toBe(400);
    expect(await mine(sut.id, 'bram')).toMatchObject({ status: 'offered', offerDeadline: offered.offerDeadline });
    expect((await mine(sut.id, 'cees')).status).toBe('waitlisted');

    const accepted = await answer(sut.id, 'bram', 'accept');
    expect(accepted.status).toBe(200);
    expect(await readJson(accepted)).toMatchObject({ id: offered.id, status: 'confirmed', offerDeadline: null });
    // Repeating the answer changes nothing; changing one's mind afterwards is a cancellation, not a decline.
    expect((await readJson(await answer(sut.id, 'bram', 'accept'))).status).toBe('confirmed');
    await expectProblem(await answer(sut.id, 'bram', 'decline'), 422, 'no_open_offer');
    const [counter] = await db.query<Array<{ n: number }>>(
      'SELECT confirmed_count AS n FROM theme_meeting WHERE id = ?',
      [sut.id],
    );
    expect(Number(counter.n)).toBe(1);
    expect((await readJson(await call('GET', `/theme-meetings/${sut.id}`, 'coach'))).seatsLeft).toBe(0);

    // Bram cancels: Cees is offered the seat and declines it in the app; Dora is offered it next.
    const bramId = offered.id as string;
    expect((await call('POST', `/theme-meetings/${sut.id}/registrations/${bramId}/cancel`, 'bram')).status).toBe(200);
    expect((await mine(sut.id, 'cees')).status).toBe('offered');
    const declined = await answer(sut.id, 'cees', 'decline');
    expect(declined.status).toBe(200);
    expect((await readJson(declined)).status).toBe('declined');
    expect((await readJson(await answer(sut.id, 'cees', 'decline'))).status).toBe('declined');
    expect((await mine(sut.id, 'dora')).status).toBe('offered');
  });

  it('answers 422 offer_expired once the deadline has passed, and the seat goes to the next person', async () => {
    const sut = await meeting();
    const anna = await readJson(await call('POST', `/theme-meetings/${sut.id}/registrations`, 'anna', {}));
    const bram = await readJson(await call('POST', `/theme-meetings/${sut.id}/registrations`, 'bram', {}));
    await call('POST', `/theme-meetings/${sut.id}/registrations`, 'cees', {});
    await call('POST', `/theme-meetings/${sut.id}/registrations/${anna.id}/cancel`, 'anna');
    expect((await mine(sut.id, 'bram')).status).toBe('offered');

    await db.query('UPDATE theme_registration SET offer_deadline = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?', [bram.id]);
    await expectProblem(await answer(sut.id, 'bram', 'accept'), 422, 'offer_expired');
    expect((await mine(sut.id, 'bram')).status).toBe('expired');
    expect((await mine(sut.id, 'cees')).status).toBe('offered');
    // Asking again says the same.
    await expectProblem(await answer(sut.id, 'bram', 'accept'), 422, 'offer_expired');
    expect((await readJson(await call('GET', `/theme-meetings/${sut.id}`, 'coach'))).seatsLeft).toBe(0);
  });
});
