import ICAL from 'ical.js';
import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

interface FeedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  start: Date;
  tzid: string | null;
}

/** The feed, read with ical.js (a real RFC 5545 parser). */
function parseFeed(text: string): { method: string; timezones: string[]; events: FeedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezones = calendar.getAllSubcomponents('vtimezone');
  const zones = new Map(
    vtimezones.map((vtimezone) => [String(vtimezone.getFirstPropertyValue('tzid')), new ICAL.Timezone(vtimezone)]),
  );
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    timezones: [...zones.keys()],
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const property = vevent.getFirstProperty('dtstart');
      const tzid = (property?.getParameter('tzid') as string | undefined) ?? null;
      const time = property?.getFirstValue() as ICAL.Time;
      const zone = tzid ? zones.get(tzid) : undefined;
      if (zone) {
        time.zone = zone;
      }
      return {
        uid: String(vevent.getFirstPropertyValue('uid')),
        sequence: Number(vevent.getFirstPropertyValue('sequence')),
        status: String(vevent.getFirstPropertyValue('status')),
        summary: String(vevent.getFirstPropertyValue('summary')),
        start: time.toJSDate(),
        tzid,
      };
    }),
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('the personal calendar feed', () => {
  let api: RunningApi;
  let db: DataSource;
  let school: School;
  let coach: Person;
  let anna: Person;
  let bram: Person;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    school = await make.school({ name: 'obs De Feedboom' });
    coach = await make.person({ memberships: [{ schoolId: school.id, function: 'intern_begeleider' }] });
    anna = await make.person({ givenName: 'Anna', memberships: [{ schoolId: school.id, function: 'teacher' }] });
    bram = await make.person({ givenName: 'Bram', memberships: [{ schoolId: school.id, function: 'teacher' }] });
    for (const [name, person] of Object.entries({ coach, anna, bram })) {
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

  /** The URL the API shows uses PUBLIC_URL; the test reaches the same path on the test server. */
  const local = (url: string) => url.replace(process.env.PUBLIC_URL as string, api.url);

  async function plan(title: string, start: string, end: string, participants: Person[]) {
    const response = await call('POST', '/appointments', 'coach', {
      title,
      start,
      end,
      // Online: a school's holidays (imported into the same test database by the calendar tests)
      // would otherwise refuse dates a few days or weeks from now, depending on when the test runs.
      onlineUrl: 'https://meet.example.nl/feed',
      participants: participants.map((person) => ({ personId: person.id })),
    });
    expect({ status: response.status, body: response.status === 201 ? null : await readJson(response) }).toEqual({
      status: 201,
      body: null,
    });
    return readJson(response);
  }

  let pastPlans = 0;

  /** Nobody can plan in the past: plan it ahead, then let time pass by moving it back in the database. */
  async function planPast(title: string, start: string, end: string, participants: Person[]) {
    pastPlans += 1;
    const ahead = Date.now() + 30 * DAY + pastPlans * 2 * 3_600_000;
    const appointment = await plan(title, iso(ahead), iso(ahead + 3_600_000), participants);
    await db.query('UPDATE appointment SET starts_at = ?, ends_at = ? WHERE id = ?', [
      new Date(start),
      new Date(end),
      appointment.id,
    ]);
    return appointment;
  }

  it('shows the URL once, and serves every current appointment of the person as METHOD:PUBLISH', async () => {
    const now = Math.floor(Date.now() / 60_000) * 60_000; // whole minutes: iCalendar has no milliseconds
    // The Tuesday after the March 2027 DST change (the Monday is Easter Monday: schools are closed): 10:00 in Amsterdam is 08:00Z (CEST, +02:00).
    const dst = await plan('Feed: na de zomertijd', '2027-03-30T10:00:00+02:00', '2027-03-30T11:00:00+02:00', [
      anna,
      bram,
    ]);
    const moved = await plan('Feed: verzet', iso(now + 3 * DAY), iso(now + 3 * DAY + 3_600_000), [anna]);
    expect(
      (
        await call('PATCH', `/appointments/${moved.id}`, 'coach', {
          start: iso(now + 4 * DAY),
          end: iso(now + 4 * DAY + 3_600_000),
          version: 0,
        })
      ).status,
    ).toBe(200);
    const cancelled = await plan('Feed: afgezegd', iso(now + 5 * DAY), iso(now + 5 * DAY + 3_600_000), [anna]);
    expect((await call('POST', `/appointments/${cancelled.id}/cancel`, 'coach', { version: 0 })).status).toBe(200);
    const recent = await planPast('Feed: vorige week', iso(now - 7 * DAY), iso(now - 7 * DAY + 3_600_000), [anna]);
    const old = await planPast('Feed: lang geleden', iso(now - 40 * DAY), iso(now - 40 * DAY + 3_600_000), [anna]);
    const removed = await plan('Feed: eraf gehaald', iso(now + 6 * DAY), iso(now + 6 * DAY + 3_600_000), [anna, bram]);
    expect((await call('DELETE', `/appointments/${removed.id}/participants/${anna.id}`, 'coach')).status).toBe(200);
    const others = await plan('Feed: niet van Anna', iso(now + 2 * DAY), iso(now + 2 * DAY + 3_600_000), [bram]);

    const before = await call('GET', '/me/calendar-feed', 'anna');
    expect(await readJson(before)).toEqual({ exists: false, createdAt: null, lastUsedAt: null });
    const created = await call('POST', '/me/calendar-feed', 'anna');
    expect(created.status).toBe(201);
    const { url, webcalUrl } = await readJson(created);
    expect(url).toMatch(/^http:\/\/leerkring\.test\/api\/v1\/calendar\/lkf_[A-Za-z0-9_-]{43}\.ics$/);
    expect(webcalUrl).toBe(url.replace(/^http:/, 'webcal:'));
    const status = await readJson(await call('GET', '/me/calendar-feed', 'anna'));
    expect(status).toEqual({ exists: true, createdAt: expect.any(String), lastUsedAt: null });
    expect(JSON.stringify(status)).not.toContain('lkf_');

    const response = await fetch(local(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=900');
    const text = await response.text();
    expect(text).not.toContain('METHOD:REQUEST');
    expect(text).not.toContain(anna.email); // no attendee list in a URL that can leak
    const feed = parseFeed(text);
    expect(feed.method).toBe('PUBLISH');
    expect(feed.timezones).toEqual(['Europe/Amsterdam']);
    const byUid = new Map(feed.events.map((event) => [event.uid, event]));
    expect([...byUid.keys()].sort()).toEqual([dst.icalUid, moved.icalUid, cancelled.icalUid, recent.icalUid].sort());
    expect(byUid.get(dst.icalUid)).toMatchObject({ sequence: 0, status: 'CONFIRMED', tzid: 'Europe/Amsterdam' });
    expect(byUid.get(dst.icalUid)?.start.toISOString()).toBe('2027-03-30T08:00:00.000Z');
    expect(byUid.get(moved.icalUid)).toMatchObject({ sequence: 1, status: 'CONFIRMED' });
    expect(byUid.get(moved.icalUid)?.start.toISOString()).toBe(iso(now + 4 * DAY));
    expect(byUid.get(cancelled.icalUid)).toMatchObject({ sequence: 1, status: 'CANCELLED' });
    expect(byUid.has(old.icalUid)).toBe(false);
    expect(byUid.has(removed.icalUid)).toBe(false);
    expect(byUid.has(others.icalUid)).toBe(false);

    // Unchanged: the same body and ETag, so a calendar app's revalidation gets a 304.
    const etag = response.headers.get('etag') as string;
    expect(etag).toBeTruthy();
    // (fetch adds `Cache-Control: no-cache` unless told otherwise, which forbids a 304.)
    const again = await fetch(local(url), { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    const used = await readJson(await call('GET', '/me/calendar-feed', 'anna'));
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('stops the old URL when a new one is made, and every URL when revoked', async () => {
    const first = (await readJson(await call('POST', '/me/calendar-feed', 'bram'))).url as string;
    expect((await fetch(local(first))).status).toBe(200);
    const second = (await readJson(await call('POST', '/me/calendar-feed', 'bram'))).url as string;
    expect(second).not.toBe(first);

    const old = await fetch(local(first));
    expect(old.status).toBe(404);
    expect(old.headers.get('content-type')).toContain('application/problem+json');
    expect((await readJson(old)).code).toBe('not_found');
    expect((await fetch(local(second))).status).toBe(200);

    expect((await call('DELETE', '/me/calendar-feed', 'bram')).status).toBe(204);
    expect((await fetch(local(second))).status).toBe(404);
    expect(await readJson(await call('GET', '/me/calendar-feed', 'bram'))).toMatchObject({ exists: false });
    expect((await call('DELETE', '/me/calendar-feed', 'bram')).status).toBe(204);
  });

  it('answers 404 for made-up, malformed and extension-less tokens, and 401 to manage without signing in', async () => {
    const madeUp = `lkf_${'A'.repeat(43)}`;
    for (const path of [`${madeUp}.ics`, 'lkf_short.ics', 'nonsense', `${madeUp}`]) {
      expect((await fetch(`${api.url}/api/v1/calendar/${path}`)).status).toBe(404);
    }
    expect((await fetch(`${api.url}/api/v1/me/calendar-feed`)).status).toBe(401);
    expect((await fetch(`${api.url}/api/v1/me/calendar-feed`, { method: 'POST' })).status).toBe(401);
  });

  it('is part of the data export, and erasure deletes it', async () => {
    const make = factory(db);
    const admin = await make.person({ isAdmin: true });
    const asAdmin = await signIn(api, admin.id);
    const person = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    headers.person = await signIn(api, person.id);
    const url = (await readJson(await call('POST', '/me/calendar-feed', 'person'))).url as string;

    const exported = await readJson(await fetch(`${api.url}/api/v1/people/${person.id}/export`, { headers: asAdmin }));
    expect(exported.calendarFeed).toEqual({ exists: true, createdAt: expect.any(String), lastUsedAt: null });
    expect(JSON.stringify(exported)).not.toContain('lkf_');

    const erased = await fetch(`${api.url}/api/v1/people/${person.id}/erase`, { method: 'POST', headers: asAdmin });
    expect(erased.status).toBeLessThan(300);
    expect((await fetch(local(url))).status).toBe(404);
    const [{ count }] = await db.query<Array<{ count: string }>>(
      'SELECT COUNT(*) AS count FROM calendar_feed_token WHERE person_id = ?',
      [person.id],
    );
    expect(Number(count)).toBe(0);
  });
});
