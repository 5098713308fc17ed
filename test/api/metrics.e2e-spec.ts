import { METRICS_TOKEN } from './metrics-env';
import type { DataSource } from 'typeorm';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import { waitForMailsTo } from '../appointments/calendar-mail';

describe('Prometheus metrics', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: AppProcess;
  let workerPort: number;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    api = await startApi();
    db = await openTestDataSource();
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    workerPort = Number((await worker.waitForOutput(/worker health on port (\d+)/))[1]);
    await worker.waitForOutput(/worker started/);
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  const scrape = (headers: Record<string, string> = {}) => fetch(`${api.url}/api/metrics`, { headers });

  it('serves the API metrics to Prometheus with METRICS_TOKEN, or to an admin; 401 and 403 to others', async () => {
    const make = factory(db);
    const teacher = await make.person();
    const admin = await make.person({ isAdmin: true });
    const teacherHeaders = await signIn(api, teacher.id);
    expect((await fetch(`${api.url}/api/v1/me`, { headers: teacherHeaders })).status).toBe(200);

    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect((await scrape({ authorization: 'Bearer not-the-token' })).status).toBe(401);
    expect((await scrape(teacherHeaders)).status).toBe(403);
    expect((await scrape(await signIn(api, admin.id))).status).toBe(200);

    const response = await scrape({ authorization: `Bearer ${METRICS_TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    // Latency by route template, never by id.
    expect(text).toMatch(
      /leerkring_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/me",status="200"\} [1-9]/,
    );
    for (const queue of ['mail', 'notify', 'reminders', 'housekeeping']) {
      expect(text).toContain(`leerkring_queue_jobs{queue="${queue}",state="waiting"}`);
      expect(text).toContain(`leerkring_queue_oldest_waiting_seconds{queue="${queue}"}`);
    }
    expect(text).toContain('leerkring_process_resident_memory_bytes');
    expect(text).not.toContain(teacher.id);
  });

  it("counts a worker's sent mails on its health port, for METRICS_TOKEN only", async () => {
    const person = await factory(db).person();
    const requested = await fetch(`${api.url}/api/v1/auth/login-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: person.email }),
    });
    expect(requested.status).toBe(202);
    await waitForMailsTo(smtp, [person.email], 1);

    const url = `http://127.0.0.1:${workerPort}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    // The worker counts a mail once it has marked it sent, a moment after the server has it.
    const counted = async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      return /leerkring_mails_sent_total\{kind="[a-z_]+"\} [1-9]/.test(await response.text());
    };
    const deadline = Date.now() + 20_000;
    while (!(await counted()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await counted()).toBe(true);

    const apiMetrics = await (await scrape({ authorization: `Bearer ${METRICS_TOKEN}` })).text();
    expect(apiMetrics).toMatch(/leerkring_mail_messages\{status="sent"\} [1-9]/);
  });
});
