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

const MINUTE = 60_000;

/**
 * After a theme meeting, each participant who attended gets one mail with a link to evaluate it
 * (score 1–5 and a comment) without signing in; the organiser sees the aggregate. Real API, the
 * worker as its own process, a real SMTP server.
 */
describe('theme meetings: the evaluation mail after the meeting', () => {
  let api: RunningApi;
  let db: DataSource;
  let smtp: SmtpSink;
  let school: School;
  const people: Record<string, Person> = {};
  const headers: Record<string, Record<string, string>> = {};
  const workers: AppProcess[] = [];

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    db = await openTestDataSource();
    api = await startApi();
    const make = factory(db);
    school = await make.school();
    const at = (fn: 'teacher' | 'intern_begeleider') => [{ schoolId: school.id, function: fn }];
    people.coach = await make.person({ memberships: at('intern_begeleider') });
    people.anna = await make.person({ givenName: 'Anna', memberships: at('teacher') });
    people.bram = await make.person({ givenName: 'Bram', memberships: at('teacher') });
    people.dora = await make.person({ givenName: 'Dora', memberships: at('teacher') });
    for (const [name, person] of Object.entries(people)) {
      headers[name] = { ...(await signIn(api, person.id)), 'content-type': 'application/json' };
    }
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
  });

  afterAll(async () => {
    await api?.close();
    await db?.destroy();
    await smtp?.stop();
  });

  const call = (method: string, path: string, who: string, body?: unknown) =>
    fetch(`${api.url}/api/v1${path}`, {
      method,
      headers: headers[who],
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function startWorker(): Promise<void> {
    const worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    workers.push(worker);
    await worker.waitForOutput(/worker started/, 60_000);
  }

  const mailsTo = (person: Person, subject: RegExp) =>
    smtp.received.filter((mail) => mail.envelopeTo.includes(person.email) && subject.test(mail.parsed.subject ?? ''));

  it('mails those who attended a link to a form, records the answer and shows the organiser the aggregate', async () => {
    const slot = uniqueSlot(90);
    const title = `Begrijpend lezen ${Date.now()}`;
    const created = await call('POST', '/theme-meetings', 'coach', {
      title,
      format: 'on_site',
      schoolId: school.id,
      capacity: 10,
      hoursCredited: 1.5,
      sessions: [slot],
      registrationOpensAt: new Date(Date.now() - MINUTE).toISOString(),
      registrationClosesAt: slot.start,
    });
    expect(created.status).toBe(201);
    const meeting = await readJson(created);
    const registration: Record<string, string> = {};
    for (const name of ['anna', 'bram', 'dora']) {
      const signedUp = await readJson(await call('POST', `/theme-meetings/${meeting.id}/registrations`, name, {}));
      expect(signedUp.status).toBe('confirmed');
      registration[name] = signedUp.id;
    }
    // The meeting took place this morning (nobody can plan in the past, so by SQL).
    const endedAt = new Date(Date.now() - 30 * MINUTE);
    const startedAt = new Date(endedAt.getTime() - 90 * MINUTE);
    await db.query('UPDATE theme_meeting_session SET starts_at = ?, ends_at = ? WHERE meeting_id = ?', [
      startedAt,
      endedAt,
      meeting.id,
    ]);
    await db.query('UPDATE theme_meeting SET starts_at = ?, ends_at = ? WHERE id = ?', [
      startedAt,
      endedAt,
      meeting.id,
    ]);
    // Anna and Bram were there; Dora was not marked (so not asked).
    const marked = await call(
      'PUT',
      `/theme-meetings/${meeting.id}/sessions/${meeting.sessions[0].id}/attendance`,
      'coach',
      {
        items: [
          { registrationId: registration.anna, present: true },
          { registrationId: registration.bram, present: true },
        ],
      },
    );
    expect(marked.status).toBe(200);

    await startWorker();
    const subject = new RegExp(`^Hoe was het\\? Evaluatie van ${title}$`);
    const deadline = Date.now() + 30_000;
    while (
      (mailsTo(people.anna, subject).length === 0 || mailsTo(people.bram, subject).length === 0) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [annaMail] = mailsTo(people.anna, subject);
    expect(annaMail).toBeDefined();
    expect(mailsTo(people.bram, subject)).toHaveLength(1);
    expect(annaMail.parsed.text).toContain('Beste Anna');
    const link = /(http\S+\/api\/v1\/theme-evaluations\/\S+)/.exec(annaMail.parsed.text ?? '')?.[1];
    expect(link).toBeDefined();
    const path = new URL(link as string).pathname;

    // The link opens a form (nothing recorded by opening it), posting it records the evaluation.
    const form = await fetch(`${api.url}${path}`);
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    const html = await form.text();
    expect(html).toContain(title);
    expect(html).toContain('name="score"');
    const before = await readJson(await call('GET', `/theme-meetings/${meeting.id}/evaluations`, 'coach'));
    expect(before.count).toBe(0);

    const post = (target: string, body: string) =>
      fetch(`${api.url}${target}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    expect((await post(path, 'score=9')).status).toBe(400);
    const tampered = path.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    const refused = await post(tampered, 'score=4');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Deze link klopt niet');
    expect((await fetch(`${api.url}${tampered}`)).status).toBe(400);

    const sent = await post(path, `score=4&comment=${encodeURIComponent('Leerzaam, meer voorbeelden graag')}`);
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Bedankt');
    const again = await fetch(`${api.url}${path}`);
    expect(await again.text()).toMatch(/value="4" required checked/); // the form shows the answer given

    const aggregate = await readJson(await call('GET', `/theme-meetings/${meeting.id}/evaluations`, 'coach'));
    expect(aggregate).toMatchObject({ count: 1, average: 4, distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 } });
    expect(aggregate.comments).toEqual(['Leerzaam, meer voorbeelden graag']);

    // Asked once: a worker starting again (its start-up sweep runs at once) mails nobody again.
    const requested = await db.query<Array<{ id: string; evaluation_requested_at: Date | null }>>(
      'SELECT id, evaluation_requested_at FROM theme_registration WHERE meeting_id = ?',
      [meeting.id],
    );
    expect(
      requested
        .filter((row) => row.evaluation_requested_at !== null)
        .map((row) => row.id)
        .sort(),
    ).toEqual([registration.anna, registration.bram].sort());
    for (const worker of workers.splice(0)) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await startWorker();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(mailsTo(people.anna, subject)).toHaveLength(1);
    expect(mailsTo(people.bram, subject)).toHaveLength(1);
    expect(mailsTo(people.dora, subject)).toHaveLength(0);
  }, 120_000);
});
