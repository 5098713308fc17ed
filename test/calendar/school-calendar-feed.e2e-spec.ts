import './allow-private-calendar-feeds';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { SchoolCalendarFeeds, type Person, type School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

/** A school week in March 2027 with no holidays in any region. */
const at = (date: string, time: string) => `${date}T${time}:00+01:00`;

const calendar = (...events: Array<{ uid: string; date: string; summary: string }>) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Basisschool De Linde//Schoolkalender//NL',
    ...events.flatMap((event) => [
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      'DTSTAMP:20261001T080000Z',
      `DTSTART;VALUE=DATE:${event.date.replace(/-/g, '')}`,
      `SUMMARY:${event.summary}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

/**
 * A school's calendar by feed URL: the admin sets the URL, the worker (its own process) fetches
 * it from a local HTTP server and imports it with the same parser as an upload; each sync
 * replaces the feed's study days, failures are recorded and keep them. Real API, MariaDB, Redis.
 */
describe('school calendar: a feed URL kept in sync by the worker', () => {
  let api: RunningApi;
  let db: DataSource;
  let worker: AppProcess;
  let feedServer: Server;
  let feedBase: string;
  let school: School;
  let teacher: Person;
  const headers: Record<'admin' | 'coach', Record<string, string>> = { admin: {}, coach: {} };
  /** What the feed server answers next (after `delayMs`: a slow feed server). */
  const served = { status: 200, body: '', contentType: 'text/calendar; charset=utf-8', delayMs: 0 };
  let feedRequests = 0;

  beforeAll(async () => {
    feedServer = createServer((request, response) => {
      feedRequests += 1;
      // What is served is decided when the request arrives, even when it is answered later.
      const { status, contentType, body, delayMs } = served;
      setTimeout(() => {
        response.statusCode = status;
        response.setHeader('content-type', contentType);
        response.end(body);
      }, delayMs);
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    school = await make.school();
    teacher = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const coach = await make.person({ memberships: [{ schoolId: school.id, function: 'werkbegeleider' }] });
    const admin = await make.person({ isAdmin: true });
    headers.admin = { ...(await signIn(api, admin.id)), 'content-type': 'application/json' };
    headers.coach = { ...(await signIn(api, coach.id)), 'content-type': 'application/json' };
    worker = startAppProcess('worker', { CALENDAR_FEED_ALLOW_PRIVATE: 'true', LOG_LEVEL: 'info' });
    await worker.waitForOutput(/worker started/, 60_000);
  }, 90_000);

  afterAll(async () => {
    if (worker) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await api?.close();
    await db?.destroy();
    feedServer?.closeAllConnections();
    await new Promise((resolve) => feedServer?.close(resolve));
    delete process.env.CALENDAR_FEED_ALLOW_PRIVATE;
  });

  const call = (method: string, path: string, who: 'admin' | 'coach' = 'admin', body?: unknown) =>
    fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: headers[who],
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const feedPath = () => `/schools/${school.id}/calendar-feed`;

  /** Waits for the worker to finish the sync asked for, and returns the feed as admins see it. */
  async function synced(): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const feed = await readJson(await call('GET', feedPath()));
      if (!feed.syncPending) {
        return feed;
      }
      if (Date.now() > deadline) {
        throw new Error(`the sync did not finish; worker output:\n${worker.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const closedOn = async (date: string) =>
    readJson(await call('GET', `/schools/${school.id}/closed?date=${date}`)) as Promise<{
      closed: boolean;
      closure: { name: string; source: string } | null;
    }>;

  const feedStudyDays = async () =>
    (
      await db.query<Array<{ name: string; start_date: string }>>(
        "SELECT name, DATE_FORMAT(start_date, '%Y-%m-%d') AS start_date FROM closure WHERE school_id = ? AND source = 'ical_feed' ORDER BY start_date",
        [school.id],
      )
    ).map((row) => `${row.start_date} ${row.name}`);

  const plan = (date: string) =>
    call('POST', '/appointments', 'coach', {
      title: 'Coachgesprek',
      start: at(date, '10:00'),
      end: at(date, '11:00'),
      schoolId: school.id,
      participants: [{ personId: teacher.id }],
    });

  it('imports the feed after the URL is set: study days the scheduling rules respect', async () => {
    served.body = calendar(
      { uid: 'studiedag-1@delinde', date: '2027-03-10', summary: 'Studiedag team' },
      { uid: 'studiedag-2@delinde', date: '2027-04-14', summary: 'Studiedag rekenen' },
    );
    // webcal:// is how calendar apps publish subscriptions; it is read (and stored) as https://.
    const webcal = await call('PUT', feedPath(), 'admin', { url: 'webcal://127.0.0.1:9/x.ics' });
    expect(webcal.status).toBe(200);
    expect(await readJson(webcal)).toMatchObject({ url: 'https://127.0.0.1:9/x.ics' });

    const set = await call('PUT', feedPath(), 'admin', { url: `${feedBase}/studiedagen.ics` });
    expect(set.status).toBe(200);
    expect(await readJson(set)).toMatchObject({
      schoolId: school.id,
      url: `${feedBase}/studiedagen.ics`,
      syncPending: true,
      lastSyncStatus: null,
    });

    const feed = await synced();
    expect(feed).toMatchObject({ lastSyncStatus: 'ok', lastSyncError: null, lastEventCount: 2 });
    expect(feed.lastSuccessAt).toBe(feed.lastSyncAt);
    expect(await feedStudyDays()).toEqual(['2027-03-10 Studiedag team', '2027-04-14 Studiedag rekenen']);
    expect(await closedOn('2027-03-10')).toMatchObject({
      closed: true,
      closure: { name: 'Studiedag team', source: 'ical_feed' },
    });

    const refused = await plan('2027-03-10');
    expect(refused.status).toBe(422);
    expect(await readJson(refused)).toMatchObject({ code: 'school_closed' });
    expect((await plan('2027-03-09')).status).toBe(201);
  });

  it('replaces the feed’s study days at the next sync, without duplicates', async () => {
    served.body = calendar(
      { uid: 'studiedag-1@delinde', date: '2027-03-11', summary: 'Studiedag team (verplaatst)' },
      { uid: 'studiedag-3@delinde', date: '2027-05-19', summary: 'Studiedag lezen' },
    );
    const sync = await call('POST', `${feedPath()}/sync`);
    expect(sync.status).toBe(202);
    expect(await readJson(sync)).toMatchObject({ syncPending: true });
    expect(await synced()).toMatchObject({ lastSyncStatus: 'ok', lastEventCount: 2 });
    expect(await feedStudyDays()).toEqual(['2027-03-11 Studiedag team (verplaatst)', '2027-05-19 Studiedag lezen']);
    expect((await closedOn('2027-03-10')).closed).toBe(false);
    expect((await closedOn('2027-04-14')).closed).toBe(false);

    // The same feed again changes nothing.
    expect((await call('POST', `${feedPath()}/sync`)).status).toBe(202);
    expect(await synced()).toMatchObject({ lastSyncStatus: 'ok', lastEventCount: 2 });
    expect(await feedStudyDays()).toEqual(['2027-03-11 Studiedag team (verplaatst)', '2027-05-19 Studiedag lezen']);
  });

  it.each([
    ['an error status', { status: 500, body: 'Internal Server Error' }, 'the feed server answered HTTP 500'],
    ['something that is not a calendar', { status: 200, body: '<html>Inloggen</html>' }, 'iCalendar'],
    [
      'a feed over 5 MB',
      { status: 200, body: `BEGIN:VCALENDAR\r\n${'X'.repeat(6 * 1024 * 1024)}` },
      'larger than 5 MB',
    ],
  ])('records %s as a failed sync and keeps the study days', async (_what, answer, message) => {
    const before = (await readJson(await call('GET', feedPath()))) as { lastSuccessAt: string };
    served.status = answer.status;
    served.body = answer.body;
    try {
      expect((await call('POST', `${feedPath()}/sync`)).status).toBe(202);
      const feed = await synced();
      expect(feed).toMatchObject({ lastSyncStatus: 'failed', lastSuccessAt: before.lastSuccessAt, lastEventCount: 2 });
      expect(feed.lastSyncError).toContain(message);
      expect(await feedStudyDays()).toEqual(['2027-03-11 Studiedag team (verplaatst)', '2027-05-19 Studiedag lezen']);
      expect((await closedOn('2027-03-11')).closed).toBe(true);
    } finally {
      served.status = 200;
    }
    expect(worker.child.exitCode).toBeNull();
  });

  it.each([
    ['a file URL', { url: 'file:///etc/passwd' }, /https:\/\//],
    ['an ftp URL', { url: 'ftp://agenda.example.org/a.ics' }, /https:\/\//],
    ['no URL at all', { url: 'geen adres' }, /absolute/],
    ['a password in the URL', { url: 'https://jan:geheim@agenda.example.org/a.ics' }, /password/],
    ['a number', { url: 42 }, /string/],
  ])('refuses %s with 400 problem+json naming url', async (_what, body, message) => {
    const response = await call('PUT', feedPath(), 'admin', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await readJson(response);
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'url' })]);
    expect(problem.errors[0].messages.join(' ')).toMatch(message);
    expect((await readJson(await call('GET', feedPath()))).url).toBe(`${feedBase}/studiedagen.ics`);
  });

  it('lets a sync asked for while a slow one runs land after it: the newer feed wins', async () => {
    const feeds = api.app.get(SchoolCalendarFeeds);
    // The slow sync fetches the old feed; while its server takes its time, the feed changes and a
    // second sync is asked for. Both worker processes of a deployment could run these at once.
    served.body = calendar({ uid: 'oud@delinde', date: '2027-06-02', summary: 'Studiedag (oude versie)' });
    served.delayMs = 1_500;
    const before = feedRequests;
    const slow = feeds.sync(school.id);
    const fetching = Date.now() + 10_000;
    while (feedRequests === before) {
      if (Date.now() > fetching) {
        throw new Error('the slow sync never fetched the feed');
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    served.body = calendar(
      { uid: 'nieuw@delinde', date: '2027-06-03', summary: 'Studiedag (nieuwe versie)' },
      { uid: 'studiedag-3@delinde', date: '2027-05-19', summary: 'Studiedag lezen' },
    );
    served.delayMs = 0;
    try {
      expect(await Promise.all([slow, feeds.sync(school.id)])).toEqual([true, true]);
    } finally {
      served.delayMs = 0;
    }
    expect(await feedStudyDays()).toEqual(['2027-05-19 Studiedag lezen', '2027-06-03 Studiedag (nieuwe versie)']);
    expect(await readJson(await call('GET', feedPath()))).toMatchObject({ lastSyncStatus: 'ok', lastEventCount: 2 });

    // Put back what the tests after this one expect.
    served.body = calendar(
      { uid: 'studiedag-1@delinde', date: '2027-03-11', summary: 'Studiedag team (verplaatst)' },
      { uid: 'studiedag-3@delinde', date: '2027-05-19', summary: 'Studiedag lezen' },
    );
    expect(await feeds.sync(school.id)).toBe(true);
  });

  it('is for admins only', async () => {
    expect((await call('GET', feedPath(), 'coach')).status).toBe(403);
    expect((await call('PUT', feedPath(), 'coach', { url: `${feedBase}/x.ics` })).status).toBe(403);
    expect((await call('POST', `${feedPath()}/sync`, 'coach')).status).toBe(403);
    expect((await call('DELETE', feedPath(), 'coach')).status).toBe(403);
    expect((await readJson(await call('GET', feedPath()))).url).toBe(`${feedBase}/studiedagen.ics`);
  });

  it('removes the URL and keeps the study days it imported; then there is nothing to sync', async () => {
    expect((await call('DELETE', feedPath())).status).toBe(204);
    expect(await readJson(await call('GET', feedPath()))).toMatchObject({
      url: null,
      lastSyncAt: null,
      syncPending: false,
    });
    expect(await feedStudyDays()).toHaveLength(2);
    const sync = await call('POST', `${feedPath()}/sync`);
    expect(sync.status).toBe(404);
    expect(sync.headers.get('content-type')).toContain('application/problem+json');
    expect((await call('DELETE', feedPath())).status).toBe(404);
  });
});
