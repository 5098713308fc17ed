import type { DataSource } from 'typeorm';
import { JobName, JobQueue, QueueName } from '@leerkring/notifications';
import { ApiTokens } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';

/** What admins see of the queues: the dashboard, the counts in readiness, the failed mails. */
describe('queue dashboard, queue counts and failed mails', () => {
  let api: RunningApi;
  let db: DataSource;
  let admin: Record<string, string>;
  let teacher: Record<string, string>;

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    admin = await signIn(api, (await make.person({ isAdmin: true })).id);
    const school = await make.school();
    teacher = await signIn(
      api,
      (await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] })).id,
    );
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  it('shows the dashboard to admins only: 401 without credentials, 403 for others', async () => {
    const anonymous = await fetch(`${api.url}/api/admin/queues`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    expect(await readJson(anonymous)).toMatchObject({ status: 401, code: 'unauthenticated' });

    const forbidden = await fetch(`${api.url}/api/admin/queues/api/queues`, { headers: teacher });
    expect(forbidden.status).toBe(403);
    expect(await readJson(forbidden)).toMatchObject({ status: 403, code: 'forbidden' });
    const wrongToken = await fetch(`${api.url}/api/admin/queues`, {
      headers: { authorization: 'Bearer lka_nonsense' },
    });
    expect(wrongToken.status).toBe(401);

    const page = await fetch(`${api.url}/api/admin/queues`, { headers: admin });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');

    const queues = await fetch(`${api.url}/api/admin/queues/api/queues`, { headers: admin });
    expect(queues.status).toBe(200);
    const names = ((await readJson(queues)).queues as Array<{ name: string }>).map((queue) => queue.name).sort();
    expect(names).toEqual(Object.values(QueueName).sort());
  });

  it('lets a read-only API token of an admin look, not act', async () => {
    const make = factory(db);
    const person = await make.person({ isAdmin: true });
    const { secret } = await api.app.get(ApiTokens).create(person.id, 'dashboard', ['read'], null);
    const headers = { authorization: `Bearer ${secret}` };
    expect((await fetch(`${api.url}/api/admin/queues/api/queues`, { headers })).status).toBe(200);
    const retry = await fetch(`${api.url}/api/admin/queues/api/queues/${QueueName.Mail}/retry/failed`, {
      method: 'PUT',
      headers,
    });
    expect(retry.status).toBe(403);
    expect((await readJson(retry)).code).toBe('insufficient_scope');
  });

  it('lists waiting, delayed, active and failed jobs per queue in readiness', async () => {
    const jobs = api.app.get(JobQueue);
    const id = `visibility.${Date.now()}`;
    // A delayed job nobody will run in this test (no worker), removed again below.
    await jobs.add(JobName.SendMail, { mailMessageId: id }, { jobId: `mail.${id}`, delay: 3_600_000 });
    try {
      const response = await fetch(`${api.url}/api/health/ready`);
      expect(response.status).toBe(200);
      const { details } = await readJson(response);
      expect(details.queues.status).toBe('up');
      for (const name of Object.values(QueueName)) {
        expect(details.queues[name]).toMatchObject({
          waiting: expect.any(Number),
          delayed: expect.any(Number),
          active: expect.any(Number),
          failed: expect.any(Number),
        });
      }
      expect(details.queues.mail.delayed).toBeGreaterThanOrEqual(1);
    } finally {
      await jobs.queue(QueueName.Mail).remove(`mail.${id}`);
    }
  });

  it('lists failed mails for admins, newest first, paged, without addresses', async () => {
    const make = factory(db);
    const person = await make.person();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const id = `00000000-0000-4000-8000-${String(Date.now() + i)
        .padStart(12, '0')
        .slice(-12)}`;
      ids.push(id);
      await db.query(
        `INSERT INTO mail_message (id, dedupe_key, kind, recipient_person_id, to_address, subject, body_text, status,
           attempts, last_error, message_id, updated_at)
         VALUES (?, ?, 'invitation', ?, ?, 'Onbestelbaar', 'tekst', 'failed', 1, '550 No such user here', ?,
           NOW(3) + INTERVAL ? SECOND)`,
        [id, `test.failure.${id}`, person.id, person.email, `<${id}@leerkring.test>`, 60 + i],
      );
    }

    expect((await fetch(`${api.url}/api/v1/admin/mail-failures`, { headers: teacher })).status).toBe(403);
    const first = await readJson(await fetch(`${api.url}/api/v1/admin/mail-failures?limit=2`, { headers: admin }));
    expect(first.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]).toEqual({
      id: ids[2],
      kind: 'invitation',
      recipientPersonId: person.id,
      reason: '550 No such user here',
      attempts: 1,
      createdAt: expect.any(String),
      failedAt: expect.any(String),
    });
    expect(JSON.stringify(first)).not.toContain(person.email);
    const second = await readJson(
      await fetch(`${api.url}/api/v1/admin/mail-failures?limit=2&cursor=${first.nextCursor}`, { headers: admin }),
    );
    expect(second.items[0].id).toBe(ids[0]);
    await db.query('DELETE FROM mail_message WHERE id IN (?)', [ids]);
  });
});
