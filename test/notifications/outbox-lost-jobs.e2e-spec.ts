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

interface OutboxRow {
  id: string;
  payload: string | { appointmentId: string };
  relayed_at: Date | null;
  handled_at: Date | null;
  attempts: number;
}

/**
 * Two gaps of the notify pipeline, set up while no worker runs, then checked with a real worker:
 * a notify job that Redis lost after its outbox row was marked relayed, and a person added and
 * removed again before any invitation went out.
 */
describe('outbox rows whose job was lost, and people removed before their invitation', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let school: School;
  let coachHeaders: Record<string, string>;
  let worker: AppProcess | undefined;
  let make: ReturnType<typeof factory>;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    make = factory(db);
    school = await make.school({ name: 'obs De Verloren Taak' });
    const coach = await make.person({ memberships: [{ schoolId: school.id, function: 'werkbegeleider' }] });
    coachHeaders = { ...(await signIn(api, coach.id)), 'content-type': 'application/json' };
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  const teacher = () => make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });

  async function call(method: string, path: string, body?: unknown) {
    return fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: coachHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Each on its own day (14, 15, 16 December), so no one is booked twice at once. */
  let day = 13;
  async function plan(title: string, participants: Person[]): Promise<{ id: string; icalUid: string }> {
    day += 1;
    const response = await call('POST', '/appointments', {
      title,
      start: `2026-12-${day}T14:00:00+01:00`,
      end: `2026-12-${day}T15:00:00+01:00`,
      schoolId: school.id,
      participants: participants.map((person) => ({ personId: person.id })),
    });
    expect(response.status).toBe(201);
    return (await readJson(response)) as { id: string; icalUid: string };
  }

  async function outboxRowsFor(appointmentId: string): Promise<OutboxRow[]> {
    const rows = await db.query<OutboxRow[]>(
      'SELECT id, payload, relayed_at, handled_at, attempts FROM outbox ORDER BY id',
    );
    return rows.filter((row) => {
      const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
      return (payload as { appointmentId: string }).appointmentId === appointmentId;
    });
  }

  /** The sent-log rows of a person: stored in the same transaction as the other mails of a change. */
  async function mailRowsOf(person: Person): Promise<number> {
    const [row] = await db.query<Array<{ n: string | number }>>(
      'SELECT COUNT(*) AS n FROM mail_message WHERE recipient_person_id = ?',
      [person.id],
    );
    return Number(row.n);
  }

  /** The state a relay leaves behind when Redis then loses the job: relayed ten minutes ago, no job. */
  async function markRelayedLongAgo(appointmentId: string, handled: boolean): Promise<void> {
    const [row] = await outboxRowsFor(appointmentId);
    await db.query(
      `UPDATE outbox SET relayed_at = NOW(3) - INTERVAL 10 MINUTE, attempts = 1, job_id = CONCAT('notify.', id),
         handled_at = ${handled ? 'NOW(3) - INTERVAL 9 MINUTE' : 'NULL'}
       WHERE id = ?`,
      [row.id],
    );
  }

  let lost: { appointment: { id: string; icalUid: string }; person: Person };
  let handled: { appointment: { id: string; icalUid: string }; person: Person };
  let shortLived: { appointment: { id: string; icalUid: string }; stays: Person; removed: Person; later: Person };

  it('relays again a row whose notify job was lost, once, and leaves handled rows alone', async () => {
    // No worker runs while the scenarios are set up.
    const lostPerson = await teacher();
    lost = { appointment: await plan('Verloren taak', [lostPerson]), person: lostPerson };
    await markRelayedLongAgo(lost.appointment.id, false);
    const handledPerson = await teacher();
    handled = { appointment: await plan('Afgehandelde taak', [handledPerson]), person: handledPerson };
    await markRelayedLongAgo(handled.appointment.id, true);

    const [stays, removed, later] = [await teacher(), await teacher(), await teacher()];
    const appointment = await plan('Kort ingedeeld', [stays, later]);
    expect(
      (await call('POST', `/appointments/${appointment.id}/participants`, { participants: [{ personId: removed.id }] }))
        .status,
    ).toBe(200);
    expect((await call('DELETE', `/appointments/${appointment.id}/participants/${removed.id}`)).status).toBe(200);
    shortLived = { appointment, stays, removed, later };

    // The worker's start-up sweep finds the lost row; its relay takes the unrelayed ones.
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    await waitForMailsTo(smtp, [lost.person.email, stays.email, later.email], 1, 60_000);

    const invites = mailsTo(smtp, lost.person.email).map(parseInvite);
    expect(invites).toHaveLength(1);
    expect(invites[0]).toMatchObject({ method: 'REQUEST', sequence: 0, uid: lost.appointment.icalUid });
    const [row] = await outboxRowsFor(lost.appointment.id);
    expect(row.attempts).toBe(2);
    expect(row.handled_at).not.toBeNull();

    // The sweep's one query left the handled row alone: not relayed again, nothing mailed.
    const [handledRow] = await outboxRowsFor(handled.appointment.id);
    expect(handledRow.attempts).toBe(1);
    expect(await mailRowsOf(handled.person)).toBe(0);
  }, 90_000);

  it('sends no CANCEL to someone removed before any invitation went out, but does to someone invited', async () => {
    const { appointment, stays, removed, later } = shortLived;
    // The others' mails are in (previous test); the notify job stores all of a change's mails in one
    // transaction, so the removed person's CANCEL would be in the sent-log by now.
    expect(await mailRowsOf(removed)).toBe(0);
    expect(mailsTo(smtp, removed.email)).toHaveLength(0);
    expect(mailsTo(smtp, stays.email).map(parseInvite)).toMatchObject([{ method: 'REQUEST', sequence: 2 }]);

    // Someone who did get the invitation gets the CANCEL when removed.
    expect((await call('DELETE', `/appointments/${appointment.id}/participants/${later.id}`)).status).toBe(200);
    await waitForMailsTo(smtp, [later.email], 2, 60_000);
    expect(mailsTo(smtp, later.email).map(parseInvite)).toMatchObject([
      { method: 'REQUEST', sequence: 2 },
      { method: 'CANCEL', sequence: 3, attendees: [`mailto:${later.email}`] },
    ]);
    // Someone else leaving changes nothing for the one who stays: no update (the notify job stores
    // a change's mails in one transaction, so one would be in the sent-log with the CANCEL).
    expect(mailsTo(smtp, stays.email)).toHaveLength(1);
    expect(await mailRowsOf(removed)).toBe(0);
    expect(mailsTo(smtp, lost.person.email)).toHaveLength(1);
  }, 90_000);
});
