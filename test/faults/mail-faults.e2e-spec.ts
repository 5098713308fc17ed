import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { parseInvite } from '../appointments/calendar-mail';
import { FaultSmtp } from './fault-smtp';
import { uniqueSlot } from '@leerkring/testing/slots';

interface MailRow {
  recipient_person_id: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

/**
 * The mail pipeline under faults, end to end: appointments made through the real API, the real
 * worker as its own process, a real SMTP server that misbehaves.
 */
describe('mail under faults', () => {
  let api: RunningApi;
  let db: DataSource;
  let school: School;
  let coachHeaders: Record<string, string>;
  let adminHeaders: Record<string, string>;
  const workers: AppProcess[] = [];
  const sinks: FaultSmtp[] = [];

  beforeAll(async () => {
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    school = await make.school({ name: 'obs De Storing' });
    const coach = await make.person({ memberships: [{ schoolId: school.id, function: 'intern_begeleider' }] });
    coachHeaders = { ...(await signIn(api, coach.id)), 'content-type': 'application/json' };
    adminHeaders = await signIn(api, (await make.person({ isAdmin: true })).id);
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) {
        worker.child.kill('SIGTERM');
      }
      await worker.exited;
    }
    for (const sink of sinks.splice(0)) {
      await sink.stop();
    }
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
  });

  async function sink(): Promise<FaultSmtp> {
    const smtp = new FaultSmtp();
    await smtp.start();
    sinks.push(smtp);
    return smtp;
  }

  function worker(smtp: FaultSmtp, env: Record<string, string> = {}): AppProcess {
    const started = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info', ...env });
    workers.push(started);
    return started;
  }

  async function teachers(count: number): Promise<Person[]> {
    const make = factory(db);
    const people: Person[] = [];
    for (let i = 0; i < count; i += 1) {
      people.push(await make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] }));
    }
    return people;
  }

  async function plan(title: string, participants: Person[]): Promise<{ id: string; icalUid: string }> {
    const response = await fetch(`${api.url}/api/v1/appointments`, {
      method: 'POST',
      headers: coachHeaders,
      body: JSON.stringify({
        title,
        ...uniqueSlot(),
        schoolId: school.id,
        room: 'Teamkamer',
        participants: participants.map((person) => ({ personId: person.id })),
      }),
    });
    expect(response.status).toBe(201);
    return readJson(response);
  }

  async function mailRows(people: Person[]): Promise<MailRow[]> {
    return db.query<MailRow[]>(
      'SELECT recipient_person_id, status, attempts, last_error FROM mail_message WHERE recipient_person_id IN (?)',
      [people.map((person) => person.id)],
    );
  }

  async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (accept(value) || Date.now() > deadline) {
        return value;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('delivers every invitation once after the mail server said 421 for a while', async () => {
    const smtp = await sink();
    smtp.refuseAll(421);
    const people = await teachers(6);
    const appointments = [
      await plan('Storing 421 a', people.slice(0, 2)),
      await plan('Storing 421 b', people.slice(2, 4)),
      await plan('Storing 421 c', people.slice(4, 6)),
    ];
    worker(smtp);

    // Every mail has been refused at least once and is waiting for its retry.
    const refused = await eventually(
      () => mailRows(people),
      (rows) => rows.length === 6 && rows.every((row) => row.last_error?.includes('421') ?? false),
      20_000,
    );
    expect(refused.map((row) => row.status)).not.toContain('sent');
    expect(smtp.received).toHaveLength(0);

    smtp.acceptAll();
    await smtp.waitForEach(
      people.map((person) => person.email),
      1,
      45_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // a double would arrive by now

    for (const [index, person] of people.entries()) {
      const mails = smtp.to(person.email);
      expect(mails).toHaveLength(1);
      expect(parseInvite(mails[0])).toMatchObject({
        method: 'REQUEST',
        sequence: 0,
        uid: appointments[Math.floor(index / 2)].icalUid,
      });
    }
    const rows = await mailRows(people);
    expect(rows.map((row) => row.status)).toEqual(Array(6).fill('sent'));
    expect(rows.every((row) => row.attempts >= 2)).toBe(true);
  }, 90_000);

  it('records a 550 for one recipient as failed with the reason, visible to admins, and delivers the rest', async () => {
    const smtp = await sink();
    const [gone, ...others] = await teachers(3);
    smtp.refuseRecipient(gone.email, 550, 'No such user here');
    const appointment = await plan('Storing 550', [gone, ...others]);
    worker(smtp);

    await smtp.waitForEach(
      others.map((person) => person.email),
      1,
      20_000,
    );
    const [failed] = await eventually(
      () => mailRows([gone]),
      (rows) => rows[0]?.status === 'failed',
      20_000,
    );
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(1); // permanent: not retried
    expect(failed.last_error).toContain('No such user here');
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // no retry comes after all
    expect(smtp.to(gone.email)).toHaveLength(0);
    expect((await mailRows([gone]))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    for (const person of others) {
      expect(smtp.to(person.email)).toHaveLength(1);
      expect(parseInvite(smtp.to(person.email)[0]).uid).toBe(appointment.icalUid);
    }

    const listed = await readJson(
      await fetch(`${api.url}/api/v1/admin/mail-failures?limit=200`, { headers: adminHeaders }),
    );
    expect(listed.items).toContainEqual(
      expect.objectContaining({
        kind: 'invitation',
        recipientPersonId: gone.id,
        reason: expect.stringContaining('No such user here'),
      }),
    );
  }, 60_000);

  it('keeps the claim on a mail whose send outlasts the claim lease, so nobody takes it over and sends it twice', async () => {
    const smtp = await sink();
    smtp.slowDown(4_000); // the server holds its answer far longer than the lease below
    const [person] = await teachers(1);
    await plan('Storing trage server', [person]);
    worker(smtp, { MAIL_CLAIM_LEASE_MS: '1000' });

    await eventually(
      () => Promise.resolve(smtp.holding),
      (holding) => holding >= 1,
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // two leases have passed mid-send
    const [row] = await db.query<Array<{ status: string; claimed_until: Date }>>(
      'SELECT status, claimed_until FROM mail_message WHERE recipient_person_id = ?',
      [person.id],
    );
    expect(row.status).toBe('sending');
    expect(new Date(row.claimed_until).getTime()).toBeGreaterThan(Date.now()); // renewed, not lapsed

    await smtp.waitForEach([person.email], 1, 20_000);
    const [sent] = await eventually(
      () => mailRows([person]),
      (rows) => rows[0]?.status === 'sent',
      10_000,
    );
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smtp.to(person.email)).toHaveLength(1);
  }, 60_000);

  it('delivers every mail once after a worker is killed (SIGKILL) in the middle of a batch', async () => {
    const smtp = await sink();
    smtp.slowDown(300);
    const people = await teachers(30);
    for (const [index, person] of people.entries()) {
      await plan(`Storing kill ${index}`, [person]);
    }
    // A short claim lease, so mails the killed worker had claimed are taken over soon.
    const env = { MAIL_CLAIM_LEASE_MS: '3000' };
    const first = worker(smtp, env);
    // Kill it while sends are in flight: the server has their data and holds every answer back
    // from some moment on, and the mails answered before then are recorded as sent. (Killing it
    // right after a 250, before the worker records it, would resend that mail: the window
    // docs/notifications.md describes, which no SMTP client can close; the resend carries the
    // same Message-ID and calendar UID, so mail and calendar clients fold it into the first.)
    await eventually(
      () => Promise.resolve(smtp.received.length),
      (received) => received >= 3,
      30_000,
    );
    smtp.holdAnswers();
    await eventually(
      () => Promise.resolve(smtp.holding),
      (holding) => holding >= 1,
      30_000,
    );
    const answered = people.filter((person) => smtp.to(person.email).length > 0);
    await eventually(
      () => mailRows(answered),
      (rows) => rows.every((row) => row.status === 'sent'),
      20_000,
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const deliveredBeforeKill = smtp.received.length;
    expect(deliveredBeforeKill).toBeLessThan(30);
    // Give the server a moment to notice the dead connections, then let it answer: the sends in
    // flight are lost (their client is gone), the mails stay claimed by the dead worker.
    await new Promise((resolve) => setTimeout(resolve, 500));
    smtp.releaseAnswers();
    await eventually(
      () => Promise.resolve(smtp.holding),
      (holding) => holding === 0,
      5_000,
    );
    expect(smtp.received.length).toBe(deliveredBeforeKill);
    expect(smtp.abandoned).toBeGreaterThanOrEqual(1);
    const stuck = (await mailRows(people)).filter((row) => row.status === 'sending');
    expect(stuck.length).toBeGreaterThanOrEqual(1);

    worker(smtp, env);
    await smtp.waitForEach(
      people.map((person) => person.email),
      1,
      100_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // a double would arrive by now

    for (const person of people) {
      expect(smtp.to(person.email)).toHaveLength(1);
    }
    const rows = await mailRows(people);
    expect(rows).toHaveLength(30);
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
    // The mails that were mid-send when the worker died were claimed again by the new one.
    expect(rows.filter((row) => row.attempts >= 2).length).toBeGreaterThanOrEqual(stuck.length);
  }, 150_000);
});
