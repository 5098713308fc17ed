import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { signIn } from '@leerkring/testing/auth';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { readJson } from '@leerkring/testing/http';
import { uniqueSlot } from '@leerkring/testing/slots';
import { SmtpSink } from '@leerkring/testing/smtp-sink';

const TEACHERS = 1000;
const SEATS = 100;

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    results.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  }
  return results;
}

describe('theme meetings: 1,000 sign-ups at once for 100 seats, on two API processes', () => {
  let api: RunningApi;
  let second: AppProcess;
  let secondUrl: string;
  let worker: AppProcess;
  let db: DataSource;
  let smtp: SmtpSink;
  let school: School;
  let coach: Person;
  let coachHeaders: Record<string, string>;
  let teachers: Person[];
  const headers = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    second = startAppProcess('api', { LOG_LEVEL: 'info' });
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    const make = factory(db);
    school = await make.school();
    coach = await make.person({ memberships: [{ schoolId: school.id, function: 'schoolopleider' }] });
    coachHeaders = { ...(await signIn(api, coach.id)), 'content-type': 'application/json' };
    teachers = await inBatches(Array.from({ length: TEACHERS }), 20, () =>
      make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] }),
    );
    await inBatches(teachers, 20, async (teacher) => {
      headers.set(teacher.id, { ...(await signIn(api, teacher.id)), 'content-type': 'application/json' });
    });
    secondUrl = `http://127.0.0.1:${(await second.waitForOutput(/API listening on port (\d+)/, 60_000))[1]}`;
    await worker.waitForOutput(/worker started/, 60_000);
  }, 300_000);

  afterAll(async () => {
    second?.child.kill('SIGTERM');
    worker?.child.kill('SIGTERM');
    await Promise.all([second?.exited, worker?.exited]);
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  it('confirms exactly 100, waitlists 900 at positions 1..900, and promotes the first ten in order', async () => {
    const slot = uniqueSlot(120);
    const title = `Rekenen met starters ${Date.now()}`;
    const created = await fetch(`${api.url}/api/v1/theme-meetings`, {
      method: 'POST',
      headers: coachHeaders,
      body: JSON.stringify({
        title,
        tags: ['rekenen'],
        format: 'on_site',
        schoolId: school.id,
        room: 'Aula',
        capacity: SEATS,
        sessions: [slot],
        registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
        registrationClosesAt: slot.start,
        hoursCredited: 2,
      }),
    });
    expect(created.status).toBe(201);
    const meeting = await readJson(created);

    // Every teacher at once, alternating between the two API processes.
    const responses = await Promise.all(
      teachers.map(async (teacher, index) => {
        const base = index % 2 === 0 ? api.url : secondUrl;
        const response = await fetch(`${base}/api/v1/theme-meetings/${meeting.id}/registrations`, {
          method: 'POST',
          headers: headers.get(teacher.id),
          body: '{}',
        });
        return { teacher, status: response.status, body: await readJson(response) };
      }),
    );

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([201]));
    const confirmed = responses.filter((response) => response.body.status === 'confirmed');
    const waitlisted = responses.filter((response) => response.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(SEATS);
    expect(waitlisted).toHaveLength(TEACHERS - SEATS);
    expect(waitlisted.map((response) => response.body.position as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: TEACHERS - SEATS }, (_, i) => i + 1),
    );

    const [rows] = await db.query<Array<{ registrations: string; people: string; confirmed: string }>>(
      `SELECT COUNT(*) AS registrations, COUNT(DISTINCT person_id) AS people,
              SUM(status = 'confirmed') AS confirmed
         FROM theme_registration WHERE meeting_id = ?`,
      [meeting.id],
    );
    expect(Number(rows.registrations)).toBe(TEACHERS);
    expect(Number(rows.people)).toBe(TEACHERS);
    expect(Number(rows.confirmed)).toBe(SEATS);
    const [counter] = await db.query<Array<{ n: number }>>(
      'SELECT confirmed_count AS n FROM theme_meeting WHERE id = ?',
      [meeting.id],
    );
    expect(Number(counter.n)).toBe(SEATS);
    const [participants] = await db.query<Array<{ n: string }>>(
      `SELECT COUNT(*) AS n FROM appointment_participant
        WHERE appointment_id = ? AND role <> 'organizer' AND removed_at IS NULL`,
      [meeting.sessions[0].appointmentId],
    );
    expect(Number(participants.n)).toBe(SEATS);

    // Ten confirmed people cancel, one after the other: positions 1..10 move up, in order.
    const byPosition = [...waitlisted].sort((a, b) => a.body.position - b.body.position);
    for (const leaving of confirmed.slice(0, 10)) {
      const response = await fetch(
        `${api.url}/api/v1/theme-meetings/${meeting.id}/registrations/${leaving.body.id}/cancel`,
        { method: 'POST', headers: headers.get(leaving.teacher.id) },
      );
      expect(response.status).toBe(200);
      expect((await readJson(response)).status).toBe('cancelled');
    }
    for (const [index, waiting] of byPosition.entries()) {
      if (index > 12) {
        break;
      }
      const response = await fetch(`${secondUrl}/api/v1/theme-meetings/${meeting.id}/registration`, {
        headers: headers.get(waiting.teacher.id),
      });
      const body = await readJson(response);
      expect(body.status).toBe(index < 10 ? 'confirmed' : 'waitlisted');
      expect(body.position).toBe(index < 10 ? null : index - 9);
    }

    const promotedSubject = `Je bent ingeschreven: ${title}`;
    const promoted = byPosition.slice(0, 10).map((entry) => entry.teacher.email);
    const deadline = Date.now() + 60_000;
    const promotionMails = () => smtp.received.filter((mail) => mail.parsed.subject?.startsWith(promotedSubject));
    while (promotionMails().length < 10 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // A moment for any duplicate to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const recipients = promotionMails().flatMap((mail) => mail.envelopeTo);
    expect([...recipients].sort()).toEqual([...promoted].sort());

    // Everyone who got a seat, in the burst (seated a batch at a time) or promoted, got the
    // session's calendar invitation exactly once; nobody still waiting got one.
    const invited = [...confirmed.map((entry) => entry.teacher.email), ...promoted];
    const invitations = () =>
      smtp.received
        .filter((mail) => mail.parsed.subject?.startsWith(`Uitnodiging: ${title}`))
        .flatMap((mail) => mail.envelopeTo)
        .filter((address) => address !== coach.email);
    const invitationDeadline = Date.now() + 60_000;
    while (invitations().length < invited.length && Date.now() < invitationDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(invitations().sort()).toEqual(invited.sort());
  }, 300_000);
});
