import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import { mailsTo, parseInvite, waitForInvites, waitForMailsTo } from './calendar-mail';

/** The accept or decline link in a plain-text invitation. */
function rsvpLink(text: string, answer: 'accept' | 'decline'): string {
  const match = new RegExp(`(http\\S+/api/v1/rsvp/\\S+\\?answer=${answer})`).exec(text);
  if (!match) {
    throw new Error(`no ${answer} link in:\n${text}`);
  }
  return match[1];
}

describe('appointments: invitations, updates and cancellations by mail', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: AppProcess;
  let school: School;
  const people: Record<string, Person> = {};
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    const make = factory(db);
    school = await make.school({ name: 'obs De Regenboog' });
    const at = (fn: 'teacher' | 'intern_begeleider') => [{ schoolId: school.id, function: fn }];
    people.coach = await make.person({ givenName: 'Carla', familyName: 'Coach', memberships: at('intern_begeleider') });
    people.anna = await make.person({ givenName: 'Anna', familyName: 'de Vries', memberships: at('teacher') });
    people.bram = await make.person({ givenName: 'Bram', familyName: 'Jansen', memberships: at('teacher') });
    people.emma = await make.person({
      givenName: 'Emma',
      familyName: 'Smith',
      language: 'en',
      memberships: at('teacher'),
    });
    people.dirk = await make.person({ givenName: 'Dirk', familyName: 'Bakker', memberships: at('teacher') });
    people.outsider = await make.person({ memberships: at('teacher') });
    for (const [name, person] of Object.entries(people)) {
      headers[name] = { ...(await signIn(api, person.id)), 'content-type': 'application/json' };
    }
    await worker.waitForOutput(/worker started/);
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

  async function create(title: string, participants: Person[], start: string, end: string) {
    const response = await call('POST', '/appointments', 'coach', {
      title,
      start,
      end,
      schoolId: school.id,
      room: 'Teamkamer',
      participants: participants.map((person) => ({ personId: person.id })),
    });
    expect(response.status).toBe(201);
    return readJson(response);
  }

  it('mails each participant an invitation, an update and a cancellation that update one calendar entry', async () => {
    const invited = [people.anna, people.bram, people.emma];
    const addresses = invited.map((person) => person.email);
    // The Monday after the October 2027 DST change: 10:00 in Amsterdam is 09:00Z (CET, +01:00).
    const created = await create('Overleg groep 5', invited, '2027-11-01T10:00:00+01:00', '2027-11-01T11:00:00+01:00');
    expect(created).toMatchObject({ version: 0, status: 'scheduled', start: '2027-11-01T09:00:00.000Z' });
    await waitForMailsTo(smtp, addresses, 1);

    // Moved to the Tuesday 15:30–16:30, with the version the client saw in If-Match.
    const moved = await call(
      'PATCH',
      `/appointments/${created.id}`,
      'coach',
      { start: '2027-11-02T15:30:00+01:00', end: '2027-11-02T16:30:00+01:00' },
      { 'if-match': '"0"' },
    );
    expect(moved.status).toBe(200);
    expect((await readJson(moved)).version).toBe(1);
    await waitForMailsTo(smtp, addresses, 2);

    const cancelled = await call('POST', `/appointments/${created.id}/cancel`, 'coach', { version: 1 });
    expect(cancelled.status).toBe(200);
    expect(await readJson(cancelled)).toMatchObject({ status: 'cancelled', version: 2 });
    await waitForMailsTo(smtp, addresses, 3);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // nothing more may arrive

    for (const person of invited) {
      const mails = mailsTo(smtp, person.email);
      expect(mails).toHaveLength(3);
      const invites = mails.map(parseInvite).sort((a, b) => a.sequence - b.sequence);
      expect(invites.map((invite) => invite.uid)).toEqual(Array(3).fill(created.icalUid));
      expect(invites.map((invite) => invite.sequence)).toEqual([0, 1, 2]);
      expect(invites.map((invite) => invite.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
      expect(invites[2].status).toBe('CANCELLED');
      expect(invites.map((invite) => invite.startTzid)).toEqual(Array(3).fill('Europe/Amsterdam'));
      expect(invites[0].start.toISOString()).toBe('2027-11-01T09:00:00.000Z');
      expect(invites[0].end.toISOString()).toBe('2027-11-01T10:00:00.000Z');
      expect(invites[1].start.toISOString()).toBe('2027-11-02T14:30:00.000Z');
      expect(invites[0].attendees).toEqual(expect.arrayContaining(addresses.map((address) => `mailto:${address}`)));
      expect(invites[0].organizer).toBe(`mailto:${people.coach.email}`);
    }

    const [anna] = mailsTo(smtp, people.anna.email).filter((mail) => parseInvite(mail).sequence === 0);
    expect(anna.parsed.subject).toBe('Uitnodiging: Overleg groep 5 (maandag 1 november 2027, 10:00–11:00)');
    expect(anna.parsed.text).toContain('Wanneer: maandag 1 november 2027, 10:00–11:00');
    expect(anna.parsed.text).toContain('Waar: obs De Regenboog, Teamkamer');
    expect(anna.parsed.text).toMatch(/Met: .*Bram .*Jansen/);
    expect(anna.parsed.html).toContain('Ja, ik kom');
    const [emmaUpdate] = mailsTo(smtp, people.emma.email).filter((mail) => parseInvite(mail).sequence === 1);
    expect(emmaUpdate.parsed.subject).toBe('Changed: Overleg groep 5 (Tuesday 2 November 2027, 15:30–16:30)');
    const [bramCancel] = mailsTo(smtp, people.bram.email).filter((mail) => parseInvite(mail).method === 'CANCEL');
    expect(bramCancel.parsed.subject).toBe('Afgezegd: Overleg groep 5 (dinsdag 2 november 2027, 15:30–16:30)');
    expect(mailsTo(smtp, people.coach.email)).toHaveLength(0);
  });

  it('answers 409 stale_version to an update based on an old version', async () => {
    const created = await create(
      'Versiecheck',
      [people.dirk],
      '2027-11-08T09:00:00+01:00',
      '2027-11-08T10:00:00+01:00',
    );
    expect((await call('PATCH', `/appointments/${created.id}`, 'coach', { title: 'Nieuw', version: 0 })).status).toBe(
      200,
    );
    const stale = await call('PATCH', `/appointments/${created.id}`, 'coach', { title: 'Anders', version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(await readJson(stale)).toMatchObject({ code: 'stale_version', currentVersion: 1 });
    await waitForInvites(smtp, people.dirk.email, created.icalUid, (invites) => invites.some((i) => i.sequence === 1));
  });

  it('shows an appointment to its participants and the organiser only', async () => {
    const created = await create(
      'Alleen voor ons',
      [people.dirk],
      '2027-11-09T09:00:00+01:00',
      '2027-11-09T10:00:00+01:00',
    );
    expect((await call('GET', `/appointments/${created.id}`, 'dirk')).status).toBe(200);
    expect((await call('GET', `/appointments/${created.id}`, 'coach')).status).toBe(200);
    const outsider = await call('GET', `/appointments/${created.id}`, 'outsider');
    expect(outsider.status).toBe(404);
    expect((await call('PATCH', `/appointments/${created.id}`, 'outsider', { title: 'x', version: 0 })).status).toBe(
      404,
    );
    expect((await call('PATCH', `/appointments/${created.id}`, 'dirk', { title: 'x', version: 0 })).status).toBe(403);
    expect((await call('POST', '/appointments', 'dirk', { title: 'x' })).status).toBe(403);

    const agenda = await readJson(
      await call('GET', '/me/appointments?from=2027-11-09T00:00:00Z&to=2027-11-10T00:00:00Z', 'dirk'),
    );
    expect(agenda.items.map((item: { id: string }) => item.id)).toContain(created.id);
    const outsiderAgenda = await readJson(
      await call('GET', '/me/appointments?from=2027-11-09T00:00:00Z&to=2027-11-10T00:00:00Z', 'outsider'),
    );
    expect(outsiderAgenda.items).toEqual([]);
  });

  it('sends a removed participant a CANCEL and an added one a REQUEST', async () => {
    const created = await create(
      'Wisselende groep',
      [people.anna, people.bram],
      '2027-11-10T13:00:00+01:00',
      '2027-11-10T14:00:00+01:00',
    );
    await waitForInvites(smtp, people.anna.email, created.icalUid, 1);
    await waitForInvites(smtp, people.bram.email, created.icalUid, 1);

    const removed = await call('DELETE', `/appointments/${created.id}/participants/${people.bram.id}`, 'coach');
    expect(removed.status).toBe(200);
    const added = await call('POST', `/appointments/${created.id}/participants`, 'coach', {
      participants: [{ personId: people.dirk.id, role: 'optional' }],
    });
    expect(added.status).toBe(200);
    expect((await readJson(added)).version).toBe(2);

    const bram = await waitForInvites(smtp, people.bram.email, created.icalUid, 2);
    expect(bram.map((invite) => invite.method)).toEqual(['REQUEST', 'CANCEL']);
    expect(bram[1].attendees).toEqual([`mailto:${people.bram.email}`]);
    const dirk = await waitForInvites(smtp, people.dirk.email, created.icalUid, 1);
    expect(dirk.map((invite) => [invite.method, invite.sequence])).toEqual([['REQUEST', 2]]);
    const dirkMail = mailsTo(smtp, people.dirk.email).find((mail) => parseInvite(mail).uid === created.icalUid);
    expect(dirkMail?.parsed.subject).toMatch(/^Uitnodiging: Wisselende groep/);
    // Anna still takes part, and nothing about it changed for her: people coming and going do
    // not mail everyone else again (a theme session or an intervision group would flood them).
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a stray update would arrive by now
    expect(await waitForInvites(smtp, people.anna.email, created.icalUid, 1)).toHaveLength(1);

    // The next change she does see carries the attendee list as it is now.
    const retitled = await call('PATCH', `/appointments/${created.id}`, 'coach', { title: 'Vaste groep', version: 2 });
    expect(retitled.status).toBe(200);
    const anna = await waitForInvites(smtp, people.anna.email, created.icalUid, 2);
    expect(anna.map((invite) => [invite.method, invite.sequence])).toEqual([
      ['REQUEST', 0],
      ['REQUEST', 3],
    ]);
    expect(anna[1].attendees).not.toContain(`mailto:${people.bram.email}`);
    expect(anna[1].attendees).toContain(`mailto:${people.dirk.email}`);
    // Dirk gets that update too; Bram, removed, nothing more.
    expect(
      (await waitForInvites(smtp, people.dirk.email, created.icalUid, 2)).map((invite) => invite.sequence),
    ).toEqual([2, 3]);
    expect(await waitForInvites(smtp, people.bram.email, created.icalUid, 2)).toHaveLength(2);
  });

  it('sets the RSVP from the mail link once, and refuses a tampered or outdated link', async () => {
    const created = await create(
      'Teamoverleg',
      [people.emma],
      '2027-11-11T15:30:00+01:00',
      '2027-11-11T16:30:00+01:00',
    );
    await waitForInvites(smtp, people.emma.email, created.icalUid, 1);
    const mail = mailsTo(smtp, people.emma.email).find((received) => parseInvite(received).uid === created.icalUid);
    const link = rsvpLink(String(mail?.parsed.text), 'accept').replace('http://leerkring.test', api.url);
    const token = new URL(link).pathname.split('/').at(-1) as string;

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');

    const answer = () =>
      fetch(`${api.url}/api/v1/rsvp/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'answer=accept',
      });
    const first = await answer();
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Teamoverleg');
    const [row] = await db.query<Array<{ rsvp: string; rsvp_at: Date }>>(
      'SELECT rsvp, rsvp_at FROM appointment_participant WHERE appointment_id = ? AND person_id = ?',
      [created.id, people.emma.id],
    );
    expect(row.rsvp).toBe('accepted');
    expect((await answer()).status).toBe(200);
    const [again] = await db.query<Array<{ rsvp_at: Date }>>(
      'SELECT rsvp_at FROM appointment_participant WHERE appointment_id = ? AND person_id = ?',
      [created.id, people.emma.id],
    );
    expect(again.rsvp_at).toEqual(row.rsvp_at);
    const events = await db.query<Array<{ n: number }>>(
      "SELECT COUNT(*) AS n FROM audit_event WHERE entity_id = ? AND action = 'rsvp'",
      [created.id],
    );
    expect(Number(events[0].n)).toBe(1);
    expect((await readJson(await call('GET', `/appointments/${created.id}`, 'coach'))).version).toBe(0);

    const tampered = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const bad of [tampered, 'not-a-token', `${created.id}.${people.emma.id}.0.x`]) {
      const refused = await fetch(`${api.url}/api/v1/rsvp/${bad}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answer: 'decline' }),
      });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('text/html');
      expect((await fetch(`${api.url}/api/v1/rsvp/${bad}?answer=decline`)).status).toBe(400);
    }

    await call('PATCH', `/appointments/${created.id}`, 'coach', { room: 'Aula', version: 0 });
    const outdated = await fetch(`${api.url}/api/v1/rsvp/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer: 'decline' }),
    });
    expect(outdated.status).toBe(409);
    const [still] = await db.query<Array<{ rsvp: string }>>(
      'SELECT rsvp FROM appointment_participant WHERE appointment_id = ? AND person_id = ?',
      [created.id, people.emma.id],
    );
    expect(still.rsvp).toBe('accepted');
    await waitForInvites(smtp, people.emma.email, created.icalUid, (invites) => invites.some((i) => i.sequence === 1));
  });
});
