import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { SmtpSink } from '@leerkring/testing/smtp-sink';
import { mailsTo, parseInvite, waitForMailsTo } from '../appointments/calendar-mail';
import { uniqueSlot } from '@leerkring/testing/slots';

interface OutboxRow {
  id: string;
  payload: string | { appointmentId: string };
  relayed_at: Date | null;
  created_at: Date;
  attempts: number;
  job_id: string | null;
}

/** Longer than any test here may take: relays in this file run on wake-ups (and once at start). */
const POLL_MS = 10 * 60_000;

describe('the transactional outbox and its relay', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let school: School;
  let coachHeaders: Record<string, string>;
  const workers: AppProcess[] = [];

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    school = await make.school({ name: 'obs Het Outbox' });
    const coach = await make.person({ memberships: [{ schoolId: school.id, function: 'werkbegeleider' }] });
    coachHeaders = { ...(await signIn(api, coach.id)), 'content-type': 'application/json' };
  });

  afterAll(async () => {
    for (const worker of workers) {
      worker.child.kill('SIGTERM');
    }
    await Promise.all(workers.map((worker) => worker.exited));
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  async function plan(participant: Person, index: number): Promise<string> {
    const response = await fetch(`${api.url}/api/v1/appointments`, {
      method: 'POST',
      headers: coachHeaders,
      body: JSON.stringify({
        title: `Outbox-overleg ${index}`,
        ...uniqueSlot(),
        schoolId: school.id,
        participants: [{ personId: participant.id }],
      }),
    });
    expect(response.status).toBe(201);
    return (await readJson(response)).id as string;
  }

  async function outboxRowsFor(appointmentIds: string[]): Promise<OutboxRow[]> {
    const wanted = new Set(appointmentIds);
    const rows = await db.query<OutboxRow[]>(
      'SELECT id, payload, relayed_at, created_at, attempts, job_id FROM outbox',
    );
    return rows.filter((row) => {
      const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
      return wanted.has((payload as { appointmentId: string }).appointmentId);
    });
  }

  it('keeps rows while no relay runs, then two racing relays hand each on exactly once', async () => {
    const make = factory(db);
    const participants: Person[] = [];
    for (let i = 0; i < 50; i += 1) {
      participants.push(await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] }));
    }
    const ids: string[] = [];
    for (const [index, participant] of participants.entries()) {
      ids.push(await plan(participant, index));
    }

    // No worker yet: the rows wait and nobody is mailed.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const waiting = await outboxRowsFor(ids);
    expect(waiting).toHaveLength(50);
    expect(waiting.every((row) => row.relayed_at === null)).toBe(true);
    expect(smtp.received.filter((mail) => participants.some((p) => mail.envelopeTo.includes(p.email)))).toHaveLength(0);

    // Two workers start at once and race for the backlog.
    workers.push(
      // Polling only every ten minutes: whatever they relay after starting, a wake-up made them.
      startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info', OUTBOX_POLL_MS: String(POLL_MS) }),
      startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info', OUTBOX_POLL_MS: String(POLL_MS) }),
    );
    await waitForMailsTo(
      smtp,
      participants.map((participant) => participant.email),
      1,
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // a double would arrive by now

    for (const participant of participants) {
      const mails = mailsTo(smtp, participant.email);
      expect(mails).toHaveLength(1);
      expect(parseInvite(mails[0])).toMatchObject({ method: 'REQUEST', sequence: 0 });
    }
    const relayed = await outboxRowsFor(ids);
    expect(relayed.every((row) => row.relayed_at !== null && row.attempts === 1)).toBe(true);
    expect(relayed.map((row) => row.job_id)).toEqual(relayed.map((row) => `notify.${row.id}`));
  });

  it('relays after a commit because the API wakes the relay, not because it polls', async () => {
    await Promise.all(workers.map((worker) => worker.waitForOutput(/worker started/)));
    const make = factory(db);
    const participants: Person[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const participant = await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });
      participants.push(participant);
      ids.push(await plan(participant, 100 + i));
    }
    // The workers' next poll is minutes away (POLL_MS) and the test times out long before: only
    // the wake-up published after each commit can have relayed these.
    await waitForMailsTo(
      smtp,
      participants.map((participant) => participant.email),
      1,
    );
    const rows = await outboxRowsFor(ids);
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.relayed_at !== null)).toBe(true);
  });
});
