import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { uniqueSlot } from '@leerkring/testing/slots';
import { SmtpSink, type ReceivedMail } from '@leerkring/testing/smtp-sink';

/** The accept or decline link in a plain-text offer mail. */
function offerLink(mail: ReceivedMail, answer: 'accept' | 'decline'): string {
  const match = new RegExp(`(http\\S+/api/v1/theme-offers/\\S+)\\?answer=${answer}`).exec(mail.parsed.text ?? '');
  if (!match) {
    throw new Error(`no ${answer} link in:\n${mail.parsed.text}`);
  }
  return match[1].replace('http://leerkring.test', apiUrl);
}

let apiUrl = '';

describe('theme meetings: sign-up rules, the waitlist offer and who sees what', () => {
  let api: RunningApi;
  let worker: AppProcess;
  let db: DataSource;
  let smtp: SmtpSink;
  let school: School;
  let otherSchool: School;
  const people: Record<string, Person> = {};
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    apiUrl = api.url;
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    const make = factory(db);
    school = await make.school();
    otherSchool = await make.school();
    const at = (schoolId: string, fn: 'teacher' | 'starter' | 'intern_begeleider') => [{ schoolId, function: fn }];
    people.coach = await make.person({ memberships: at(school.id, 'intern_begeleider') });
    people.anna = await make.person({ givenName: 'Anna', memberships: at(school.id, 'teacher') });
    people.bram = await make.person({ givenName: 'Bram', memberships: at(school.id, 'teacher') });
    people.cees = await make.person({ givenName: 'Cees', language: 'en', memberships: at(school.id, 'teacher') });
    people.dora = await make.person({ givenName: 'Dora', memberships: at(school.id, 'starter') });
    people.outsider = await make.person({ memberships: at(otherSchool.id, 'teacher') });
    for (const [name, person] of Object.entries(people)) {
      headers[name] = { ...(await signIn(api, person.id)), 'content-type': 'application/json' };
    }
    await worker.waitForOutput(/worker started/, 60_000);
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  const call = (method: string, path: string, who: string, body?: unknown, extra: Record<string, string> = {}) =>
    fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: { ...headers[who], ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function meeting(overrides: Record<string, unknown> = {}) {
    const slot = uniqueSlot(90);
    const response = await call('POST', '/theme-meetings', 'coach', {
      title: `Themabijeenkomst ${Math.random().toString(36).slice(2, 8)}`,
      tags: ['lezen'],
      format: 'on_site',
      schoolId: school.id,
      capacity: 1,
      sessions: [slot],
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: slot.start,
      audienceSchoolIds: [school.id],
      ...overrides,
    });
    expect(response.status).toBe(201);
    return readJson(response);
  }

  it("tells which of a meeting's sessions clash with my own appointments, and still signs me up", async () => {
    const first = uniqueSlot(90);
    const second = uniqueSlot(90);
    const sut = await meeting({ capacity: 5, sessions: [first, second], registrationClosesAt: first.start });
    // Bram has a conversation with another coach (the organiser is busy with the meeting) overlapping the second session only.
    const otherCoach = await factory(db).person({
      memberships: [{ schoolId: school.id, function: 'intern_begeleider' }],
    });
    headers.otherCoach = { ...(await signIn(api, otherCoach.id)), 'content-type': 'application/json' };
    const busyStart = new Date(new Date(second.start).getTime() + 30 * 60_000).toISOString();
    const busyEnd = new Date(new Date(second.start).getTime() + 120 * 60_000).toISOString();
    const planned = await call('POST', '/appointments', 'otherCoach', {
      title: 'Gesprek',
      start: busyStart,
      end: busyEnd,
      schoolId: school.id,
      room: 'Teamkamer',
      participants: [{ personId: people.bram.id }],
    });
    expect(planned.status).toBe(201);

    const signedUp = await call('POST', `/theme-meetings/${sut.id}/registrations`, 'bram', {});
    expect(signedUp.status).toBe(201);
    const registration = await readJson(signedUp);
    expect(registration.status).toBe('confirmed');
    expect(registration.clashes).toEqual([
      { sessionId: sut.sessions[1].id, kind: 'overlap', start: busyStart, end: busyEnd },
    ]);
    // Confirmed means on both sessions' appointments: the meeting's own sessions never count as clashes.
    const again = await call('POST', `/theme-meetings/${sut.id}/registrations`, 'bram', {});
    expect(again.status).toBe(200);
    const other = await call('POST', `/theme-meetings/${sut.id}/registrations`, 'anna', {});
    expect((await readJson(other)).clashes).toEqual([]);
  });

  it('returns the existing registration for a repeated sign-up and honours an Idempotency-Key', async () => {
    const sut = await meeting({ capacity: 5 });
    const first = await call(
      'POST',
      `/theme-meetings/${sut.id}/registrations`,
      'anna',
      {},
      { 'idempotency-key': 'k-1' },
    );
    expect(first.status).toBe(201);
    const registration = await readJson(first);
    expect(registration.status).toBe('confirmed');

    const again = await call('POST', `/theme-meetings/${sut.id}/registrations`, 'anna', {});
    expect(again.status).toBe(200);
    expect((await readJson(again)).id).toBe(registration.id);
    const replay = await call(
      'POST',
      `/theme-meetings/${sut.id}/registrations`,
      'anna',
      {},
      { 'idempotency-key': 'k-1' },
    );
    expect(replay.status).toBe(200);
    expect((await readJson(replay)).id).toBe(registration.id);

    const other = await meeting({ capacity: 5 });
    const reused = await call(
      'POST',
      `/theme-meetings/${other.id}/registrations`,
      'anna',
      {},
      { 'idempotency-key': 'k-1' },
    );
    expect(reused.status).toBe(422);
    expect((await readJson(reused)).code).toBe('idempotency_key_reused');

    const [rows] = await db.query<Array<{ n: string }>>(
      'SELECT COUNT(*) AS n FROM theme_registration WHERE meeting_id = ? AND person_id = ?',
      [sut.id, people.anna.id],
    );
    expect(Number(rows.n)).toBe(1);
    const detail = await readJson(await call('GET', `/theme-meetings/${sut.id}`, 'anna'));
    expect(detail.seatsLeft).toBe(4);
  });

  it('gives one registration per person when clicks arrive together: repeated clicks, a return after cancelling, first come first seated', async () => {
    const sut = await meeting({ capacity: 2 });
    const signUp = (who: string) => call('POST', `/theme-meetings/${sut.id}/registrations`, who, {});
    // Cees signed up and cancelled earlier: his sign-up below takes up that registration again.
    const earlier = await readJson(await signUp('cees'));
    const cancelled = await call('POST', `/theme-meetings/${sut.id}/registrations/${earlier.id}/cancel`, 'cees');
    expect(cancelled.status).toBe(200);

    // Sent together, so they reach the API while one another's sign-ups are being seated.
    const who = ['anna', 'anna', 'bram', 'anna', 'cees', 'dora', 'anna', 'bram'];
    const responses = await Promise.all(who.map((name) => signUp(name)));
    const answers = await Promise.all(
      responses.map(async (response) => ({ status: response.status, body: await readJson(response) })),
    );
    expect(answers.every((answer) => answer.status === 201 || answer.status === 200)).toBe(true);

    const byPerson = new Map<
      string,
      Array<{ status: number; body: { id: string; status: string; position: number | null } }>
    >();
    who.forEach((name, index) => byPerson.set(name, [...(byPerson.get(name) ?? []), answers[index]]));
    for (const [name, own] of byPerson) {
      // Every click of one person answers with the same registration, and exactly one of them made it.
      expect(new Set(own.map((answer) => answer.body.id)).size).toBe(1);
      expect(own.filter((answer) => answer.status === 201)).toHaveLength(1);
      expect(own.every((answer) => answer.body.status === own[0].body.status)).toBe(true);
      void name;
    }
    expect(byPerson.get('cees')?.[0].body.id).toBe(earlier.id);

    const rows = await db.query<Array<{ person_id: string; status: string; waitlist_seq: number | null }>>(
      'SELECT person_id, status, waitlist_seq FROM theme_registration WHERE meeting_id = ? ORDER BY person_id',
      [sut.id],
    );
    expect(rows).toHaveLength(4);
    expect(rows.filter((row) => row.status === 'confirmed')).toHaveLength(2);
    const waiting = answers
      .map((answer) => answer.body)
      .filter(
        (body, index, all) => body.status === 'waitlisted' && all.findIndex((other) => other.id === body.id) === index,
      );
    expect(waiting.map((body) => body.position).sort()).toEqual([1, 2]);
    const detail = await readJson(await call('GET', `/theme-meetings/${sut.id}`, 'coach'));
    expect(detail.seatsLeft).toBe(0);
    expect(detail.waitlistLength).toBe(2);
  });

  it('passes an expired offer to the next person, whose accept link confirms them', async () => {
    const sut = await meeting({ offerMode: 'offer', offerHours: 24 });
    const anna = await readJson(await call('POST', `/theme-meetings/${sut.id}/registrations`, 'anna', {}));
    const bram = await readJson(await call('POST', `/theme-meetings/${sut.id}/registrations`, 'bram', {}));
    const cees = await readJson(await call('POST', `/theme-meetings/${sut.id}/registrations`, 'cees', {}));
    expect([anna.status, bram.status, cees.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    expect([bram.position, cees.position]).toEqual([1, 2]);

    const cancelled = await call('POST', `/theme-meetings/${sut.id}/registrations/${anna.id}/cancel`, 'anna');
    expect(cancelled.status).toBe(200);
    const offered = await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'bram'));
    expect(offered.status).toBe('offered');
    expect(Date.parse(offered.offerDeadline)).toBeGreaterThan(Date.now());
    expect((await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'cees'))).position).toBe(1);
    const bramMail = await waitForMail(people.bram.email, /^Er is een plek vrij/);
    expect(bramMail.envelopeTo).toEqual([people.bram.email]);

    // Bram lets the deadline pass.
    await db.query('UPDATE theme_registration SET offer_deadline = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?', [bram.id]);
    const detail = await readJson(await call('GET', `/theme-meetings/${sut.id}`, 'coach'));
    expect(detail.seatsLeft).toBe(0);
    expect((await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'bram'))).status).toBe(
      'expired',
    );
    expect((await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'cees'))).status).toBe(
      'offered',
    );

    const ceesMail = await waitForMail(people.cees.email, /A seat is free/);
    const expiredLink = offerLink(bramMail, 'accept');
    const late = await fetch(expiredLink, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'answer=accept',
    });
    expect(late.status).toBe(410);

    const page = await fetch(`${offerLink(ceesMail, 'accept')}?answer=accept`);
    expect(page.status).toBe(200);
    const accepted = await fetch(offerLink(ceesMail, 'accept'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'answer=accept',
    });
    expect(accepted.status).toBe(200);
    expect((await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'cees'))).status).toBe(
      'confirmed',
    );
    const [counter] = await db.query<Array<{ n: number }>>(
      'SELECT confirmed_count AS n FROM theme_meeting WHERE id = ?',
      [sut.id],
    );
    expect(Number(counter.n)).toBe(1);

    const tampered = await fetch(`${offerLink(ceesMail, 'accept').slice(0, -2)}xx?answer=accept`);
    expect(tampered.status).toBe(400);
  });

  it('never un-confirms anyone when capacity is lowered, and fills new seats from the waitlist at once', async () => {
    const sut = await meeting({ capacity: 2 });
    for (const who of ['anna', 'bram', 'cees']) {
      await call('POST', `/theme-meetings/${sut.id}/registrations`, who, {});
    }
    const lowered = await call('PATCH', `/theme-meetings/${sut.id}`, 'coach', { capacity: 1 });
    expect(lowered.status).toBe(200);
    expect((await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'bram'))).status).toBe(
      'confirmed',
    );
    const annaReg = await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'anna'));
    await call('POST', `/theme-meetings/${sut.id}/registrations/${annaReg.id}/cancel`, 'anna');
    // Still one confirmed for one seat: Cees keeps waiting.
    expect((await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'cees'))).status).toBe(
      'waitlisted',
    );
    const raised = await call('PATCH', `/theme-meetings/${sut.id}`, 'coach', { capacity: 3 });
    expect(raised.status).toBe(200);
    expect((await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'cees'))).status).toBe(
      'confirmed',
    );
  });

  it('fills new seats of an online-only meeting from its waitlist too', async () => {
    const sut = await meeting({ format: 'online', schoolId: undefined, onlineUrl: 'https://meet.example.test/lezen' });
    for (const who of ['anna', 'bram']) {
      await call('POST', `/theme-meetings/${sut.id}/registrations`, who, {});
    }
    const waiting = await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'bram'));
    expect(waiting).toMatchObject({ status: 'waitlisted', mode: 'online', position: 1 });
    expect((await call('PATCH', `/theme-meetings/${sut.id}`, 'coach', { capacity: 2 })).status).toBe(200);
    expect((await readJson(await call('GET', `/theme-meetings/${sut.id}/registration`, 'bram'))).status).toBe(
      'confirmed',
    );
  });

  it('refuses sign-ups outside the window, after the deadline only the organiser cancels', async () => {
    const slot = uniqueSlot(60);
    const notYet = await meeting({
      registrationOpensAt: new Date(Date.now() + 3_600_000).toISOString(),
      registrationClosesAt: slot.start,
    });
    const early = await call('POST', `/theme-meetings/${notYet.id}/registrations`, 'anna', {});
    expect(early.status).toBe(422);
    expect((await readJson(early)).code).toBe('registration_not_open');

    const strict = await meeting({ capacity: 3, cancellationDeadline: new Date(Date.now() + 2_000).toISOString() });
    const registration = await readJson(await call('POST', `/theme-meetings/${strict.id}/registrations`, 'anna', {}));
    await db.query('UPDATE theme_meeting SET cancellation_deadline = NOW(3) - INTERVAL 1 SECOND WHERE id = ?', [
      strict.id,
    ]);
    const tooLate = await call('POST', `/theme-meetings/${strict.id}/registrations/${registration.id}/cancel`, 'anna');
    expect(tooLate.status).toBe(422);
    expect((await readJson(tooLate)).code).toBe('cancellation_deadline_passed');
    const byOrganiser = await call(
      'POST',
      `/theme-meetings/${strict.id}/registrations/${registration.id}/cancel`,
      'coach',
    );
    expect(byOrganiser.status).toBe(200);
    expect((await readJson(byOrganiser)).status).toBe('cancelled');
  });

  it('shows a meeting only to its audience and a registration only to its person and the organiser', async () => {
    const sut = await meeting({ capacity: 3, audienceFunctions: ['teacher'] });
    expect((await call('GET', `/theme-meetings/${sut.id}`, 'outsider')).status).toBe(404);
    expect((await call('POST', `/theme-meetings/${sut.id}/registrations`, 'outsider', {})).status).toBe(404);
    expect((await call('GET', `/theme-meetings/${sut.id}`, 'dora')).status).toBe(404); // a starter, not a teacher

    const catalogue = await readJson(await call('GET', '/theme-meetings?limit=200', 'outsider'));
    expect(catalogue.items.map((item: { id: string }) => item.id)).not.toContain(sut.id);
    const own = await readJson(await call('GET', `/theme-meetings?theme=lezen&limit=200`, 'anna'));
    expect(own.items.map((item: { id: string }) => item.id)).toContain(sut.id);

    const registration = await readJson(await call('POST', `/theme-meetings/${sut.id}/registrations`, 'anna', {}));
    const path = `/theme-meetings/${sut.id}/registrations/${registration.id}`;
    expect((await call('GET', path, 'bram')).status).toBe(404);
    expect((await call('POST', `${path}/cancel`, 'bram')).status).toBe(404);
    expect((await call('GET', path, 'coach')).status).toBe(200);
    expect((await call('GET', path, 'anna')).status).toBe(200);
    expect((await call('PATCH', `/theme-meetings/${sut.id}`, 'anna', { capacity: 9 })).status).toBe(403);
    expect((await call('POST', '/theme-meetings', 'anna', {})).status).toBe(403);
  });

  it('answers bad input with 4xx problems, never a 500', async () => {
    const bad = await call('POST', '/theme-meetings', 'coach', {
      title: '',
      format: 'nope',
      capacity: 0,
      sessions: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await call('GET', '/theme-meetings?month=2027-13', 'anna')).status).toBe(400);
    expect((await call('GET', '/theme-meetings?cursor=bm9wZQ', 'anna')).status).toBe(400);
    const sut = await meeting({ capacity: 3 });
    const badKey = await call(
      'POST',
      `/theme-meetings/${sut.id}/registrations`,
      'anna',
      {},
      { 'idempotency-key': 'ä ö' },
    );
    expect(badKey.status).toBe(400);
    expect((await call('POST', `/theme-meetings/${sut.id}/registrations`, 'anna', { mode: 'online' })).status).toBe(
      400,
    );
  });

  async function waitForMail(to: string, subject: RegExp): Promise<ReceivedMail> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = smtp.received.find(
        (mail) => mail.envelopeTo.includes(to) && subject.test(mail.parsed.subject ?? ''),
      );
      if (found) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(`no mail ${subject} to ${to}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
