import { REAL_REDIS_URL } from '../notifications/dead-redis-env';
import type { DataSource } from 'typeorm';
import type { Person } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { parseInvite } from '../appointments/calendar-mail';
import { FaultSmtp } from './fault-smtp';
import { uniqueSlot } from '@leerkring/testing/slots';

/**
 * The API runs against a Redis where nothing listens (dead-redis-env; the shared Redis of the
 * other tests stays up). test/notifications/redis-down covers one invitation; this covers a
 * burst with a change in between, and readiness while Redis is gone.
 */
describe('appointments and readiness while Redis is down', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: FaultSmtp;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    smtp = new FaultSmtp();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  it('reports not ready (503) quickly, without queue counts', async () => {
    const started = Date.now();
    const response = await fetch(`${api.url}/api/health/ready`);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(response.status).toBe(503);
    const body = await readJson(response);
    expect(body.checks.redis.status).toBe('down');
    expect(body.checks.queues).toEqual({ status: 'up', message: 'unknown while Redis is unreachable' });
  });

  it('answers 2xx to every change, and mails each participant the latest state once Redis is back', async () => {
    const make = factory(db);
    const school = await make.school();
    const coach = await make.person({ memberships: [{ schoolId: school.id, function: 'werkbegeleider' }] });
    const headers = { ...(await signIn(api, coach.id)), 'content-type': 'application/json' };
    const people: Person[] = [];
    for (let i = 0; i < 10; i += 1) {
      people.push(await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] }));
    }

    const created: Array<{ id: string; icalUid: string }> = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await fetch(`${api.url}/api/v1/appointments`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: `Zonder Redis ${i}`,
          ...uniqueSlot(),
          schoolId: school.id,
          participants: people.slice(2 * i, 2 * i + 2).map((person) => ({ personId: person.id })),
        }),
      });
      expect(response.status).toBe(201);
      created.push(await readJson(response));
    }
    const moved = await fetch(`${api.url}/api/v1/appointments/${created[0].id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ start: '2027-02-03T09:00:00+01:00', end: '2027-02-03T10:00:00+01:00', version: 0 }),
    });
    expect(moved.status).toBe(200);

    // Redis is back (for the worker): the relay finds the waiting rows by polling.
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, REDIS_URL: REAL_REDIS_URL });
    await smtp.waitForEach(
      people.map((person) => person.email),
      1,
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // a double would arrive by now

    for (const [index, person] of people.entries()) {
      const mails = smtp.to(person.email);
      expect(mails).toHaveLength(1);
      const appointment = created[Math.floor(index / 2)];
      // The first appointment changed before anything was sent: only its latest version goes out.
      expect(parseInvite(mails[0])).toMatchObject({
        method: 'REQUEST',
        uid: appointment.icalUid,
        sequence: appointment === created[0] ? 1 : 0,
      });
    }
  }, 60_000);
});
