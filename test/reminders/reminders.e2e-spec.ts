import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink, type ReceivedMail } from '@leerkring/testing/smtp-sink';
import { TEST_REDIS_URL } from '@leerkring/testing/test-run';

/** Reminders `LEAD_S` seconds before the start, for every kind, so the tests take seconds, not hours. */
const LEAD_S = 4;
const OFFSETS = JSON.stringify({ '*': [`${LEAD_S}s`] });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isReminder = (mail: ReceivedMail) => /^(Herinnering|Reminder): /.test(mail.parsed.subject ?? '');

describe('reminders: delayed jobs that follow the appointment', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: AppProcess;
  let school: School;
  let make: ReturnType<typeof factory>;
  let organizer: Person;
  let organizerHeaders: Record<string, string>;
  /** When each reminder arrived (ms), by recipient: the sink keeps no arrival times. */
  const arrivals = new Map<string, number[]>();
  let seen = 0;
  let watcher: NodeJS.Timeout;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    watcher = setInterval(() => {
      for (const mail of smtp.received.slice(seen)) {
        if (isReminder(mail)) {
          for (const to of mail.envelopeTo) {
            arrivals.set(to, [...(arrivals.get(to) ?? []), Date.now()]);
          }
        }
      }
      seen = smtp.received.length;
    }, 20);
    db = await openTestDataSource();
    api = await startApi();
    worker = startWorker();
    make = factory(db);
    school = await make.school();
    await worker.waitForOutput(/worker started/);
  });

  // A fresh organiser per test: each test plans minutes from now, and one person is never in two
  // overlapping appointments.
  beforeEach(async () => {
    organizer = await make.person({ memberships: [{ schoolId: school.id, function: 'intern_begeleider' }] });
    organizerHeaders = { ...(await signIn(api, organizer.id)), 'content-type': 'application/json' };
  });

  afterAll(async () => {
    clearInterval(watcher);
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  function startWorker(): AppProcess {
    return startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info', REMINDER_OFFSETS: OFFSETS });
  }

  /** Redis loses the reminder queue: only this test's keys, never the whole server. */
  async function loseReminderQueue(): Promise<void> {
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${process.env.REDIS_PREFIX}:bull:reminders:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  }

  const teacher = () => make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });

  async function call(method: string, path: string, body?: unknown, headers = organizerHeaders, extra = {}) {
    return fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: { ...headers, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** An appointment starting `inSeconds` from now, lasting 30 minutes. */
  async function create(title: string, participants: Person[], inSeconds: number) {
    const start = new Date(Date.now() + inSeconds * 1000);
    const response = await call('POST', '/appointments', {
      title,
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      // Online: in a school holiday (imported into the same test database by the calendar tests) a
      // school would refuse an appointment minutes from now.
      onlineUrl: 'https://meet.example.nl/herinnering',
      participants: participants.map((person) => ({ personId: person.id })),
    });
    expect(response.status).toBe(201);
    return { ...(await readJson(response)), startsAt: start } as { id: string; version: number; startsAt: Date };
  }

  async function waitForReminders(addresses: string[], timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (addresses.some((address) => (arrivals.get(address) ?? []).length === 0)) {
      if (Date.now() > deadline) {
        throw new Error(`no reminder for ${addresses.filter((a) => !arrivals.has(a)).join(', ')}`);
      }
      await sleep(50);
    }
  }

  const remindersTo = (person: Person) =>
    smtp.received.filter((mail) => isReminder(mail) && mail.envelopeTo.includes(person.email));

  it('a rescheduled appointment reminds at the new time only, once per participant', async () => {
    const [anna, bram] = [await teacher(), await teacher()];
    const created = await create('Reminder moved', [anna, bram], LEAD_S + 4); // first due in ~4 s
    const newStart = new Date(created.startsAt.getTime() + 8_000); // due ~8 s later than the first
    const moved = await call(
      'PATCH',
      `/appointments/${created.id}`,
      { start: newStart.toISOString(), end: new Date(newStart.getTime() + 30 * 60_000).toISOString() },
      organizerHeaders,
      { 'if-match': '"0"' },
    );
    expect(moved.status).toBe(200);
    const newDue = newStart.getTime() - LEAD_S * 1000;

    await waitForReminders([anna.email, bram.email]);
    await sleep(1_500); // nothing more may arrive
    for (const person of [anna, bram]) {
      expect(remindersTo(person)).toHaveLength(1);
      expect(remindersTo(person)[0].parsed.subject).toContain('Reminder moved');
      // Not at the old moment (8 s earlier): at the new one, give or take the worker's polling.
      expect(arrivals.get(person.email)![0]).toBeGreaterThanOrEqual(newDue - 500);
    }
  }, 40_000);

  it('a cancelled appointment never reminds, nor does a removed participant get one', async () => {
    const [carla, dirk, eva] = [await teacher(), await teacher(), await teacher()];
    const cancelled = await create('Reminder cancelled', [carla], LEAD_S + 3);
    expect((await call('POST', `/appointments/${cancelled.id}/cancel`, { version: 0 })).status).toBe(200);
    const shrunk = await create('Reminder shrunk', [dirk, eva], LEAD_S + 3);
    const removed = await call(
      'DELETE',
      `/appointments/${shrunk.id}/participants/${dirk.id}`,
      undefined,
      organizerHeaders,
      {
        'if-match': '"0"',
      },
    );
    expect(removed.status).toBe(200);

    await waitForReminders([eva.email]);
    await sleep(LEAD_S * 1000); // well past both moments and both starts
    expect(remindersTo(carla)).toHaveLength(0);
    expect(remindersTo(dirk)).toHaveLength(0);
    expect(remindersTo(eva)).toHaveLength(1);
  }, 40_000);

  it('a person who switched reminders off gets none; the others still do, and invitations still come', async () => {
    const [fleur, gijs] = [await teacher(), await teacher()];
    const fleurHeaders = { ...(await signIn(api, fleur.id)), 'content-type': 'application/json' };
    const patched = await call('PATCH', '/me', { remindersEnabled: false }, fleurHeaders);
    expect(patched.status).toBe(200);
    expect(await readJson(patched)).toMatchObject({ remindersEnabled: false });

    await create('Reminder opted out', [fleur, gijs], LEAD_S + 3);
    await waitForReminders([gijs.email]);
    await sleep(1_500);
    expect(remindersTo(gijs)).toHaveLength(1);
    expect(remindersTo(fleur)).toHaveLength(0);
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes(fleur.email))).toHaveLength(1); // the invitation
  }, 40_000);

  it('switching reminders off after they were planned stops them at send time', async () => {
    const hanna = await teacher();
    const hannaHeaders = { ...(await signIn(api, hanna.id)), 'content-type': 'application/json' };
    await create('Reminder switched off later', [hanna], LEAD_S + 4);
    await sleep(1_000); // planned by now
    expect((await call('PATCH', '/me', { remindersEnabled: false }, hannaHeaders)).status).toBe(200);
    await sleep(LEAD_S * 1000 + 1_000);
    expect(remindersTo(hanna)).toHaveLength(0);
  }, 40_000);

  it('rebuilds lost reminders from the database (reminders:rebuild), once each', async () => {
    const ivo = await teacher();
    await create('Reminder rebuilt', [ivo], LEAD_S + 8);
    await sleep(1_500); // planned by now

    await loseReminderQueue();

    const cli = startAppProcess('cli', { REMINDER_OFFSETS: OFFSETS }, ['reminders:rebuild']);
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toMatch(/reminders:rebuild: [1-9]\d* reminders/);
    await waitForReminders([ivo.email]);
    await sleep(1_500);
    expect(remindersTo(ivo)).toHaveLength(1);
  }, 40_000);

  it('rebuilds lost reminders when the worker starts', async () => {
    const jan = await teacher();
    worker.child.kill('SIGTERM');
    await worker.exited;
    await create('Reminder rebuilt on start', [jan], LEAD_S + 10); // the notify job waits for a worker
    await sleep(500);
    worker = startWorker();
    await worker.waitForOutput(/worker started/);
    await sleep(1_500); // planned by the notify pipeline by now
    await loseReminderQueue();
    worker.child.kill('SIGTERM');
    await worker.exited;
    worker = startWorker();
    await worker.waitForOutput(/reminders rebuilt/);

    await waitForReminders([jan.email]);
    await sleep(1_500);
    expect(remindersTo(jan)).toHaveLength(1);
  }, 60_000);
});
