import { REAL_REDIS_URL } from './dead-redis-env';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { REDIS } from '@leerkring/core';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import { parseInvite, mailsTo, waitForMailsTo } from '../appointments/calendar-mail';

describe('appointments while Redis is down', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    smtp = new SmtpSink();
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

  it('answers 2xx, keeps the invitation in the outbox, and mails it once a relay reaches Redis', async () => {
    const make = factory(db);
    const school = await make.school();
    const coach = await make.person({ memberships: [{ schoolId: school.id, function: 'intern_begeleider' }] });
    const teacher = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
    const headers = { ...(await signIn(api, coach.id)), 'content-type': 'application/json' };

    expect(api.app.get<Redis>(REDIS).options.port).toBe(1);
    const started = Date.now();
    const response = await fetch(`${api.url}/api/v1/appointments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: 'Overleg zonder Redis',
        start: '2026-12-08T09:00:00+01:00',
        end: '2026-12-08T10:00:00+01:00',
        schoolId: school.id,
        participants: [{ personId: teacher.id }],
      }),
    });
    expect(response.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(5_000);
    const created = await readJson(response);
    const [row] = await db.query<Array<{ relayed_at: Date | null }>>(
      "SELECT relayed_at FROM outbox WHERE JSON_UNQUOTE(JSON_EXTRACT(payload, '$.appointmentId')) = ?",
      [created.id],
    );
    expect(row.relayed_at).toBeNull();

    // Redis is back (for the worker): its relay finds the row by polling.
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, REDIS_URL: REAL_REDIS_URL });
    await waitForMailsTo(smtp, [teacher.email], 1, 30_000);
    const [mail] = mailsTo(smtp, teacher.email);
    expect(parseInvite(mail)).toMatchObject({ method: 'REQUEST', uid: created.icalUid, sequence: 0 });
  });
});
