import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Person, School } from '@leerkring/people';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { openTestDataSource } from '@leerkring/testing/database';
import { factory } from '@leerkring/testing/factory';
import { FaultSmtp } from './fault-smtp';

interface MailRow {
  recipient_person_id: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

/** Reminders `LEAD_S` seconds before the start, so a reminder is due a few seconds after planning. */
const LEAD_S = 4;

/**
 * Reminders send their own mail, in the reminder job (no mail job in between). Under faults they
 * keep the mail queue's guarantees: a transient refusal hands the mail to the mail queue, which
 * retries it until it arrives, once; a permanent refusal records it failed, at its first attempt.
 * The appointments are written straight into the database, and the worker's start-up rebuild
 * plans their reminders.
 */
describe('reminders under mail faults', () => {
  let db: DataSource;
  let school: School;
  let make: ReturnType<typeof factory>;
  let worker: AppProcess | undefined;
  let smtp: FaultSmtp | undefined;

  beforeAll(async () => {
    db = await openTestDataSource();
    make = factory(db);
    school = await make.school({ name: 'obs De Herinnering' });
  });

  afterEach(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    worker = undefined;
    await smtp?.stop();
    smtp = undefined;
  });

  afterAll(async () => {
    await db?.destroy();
  });

  const teacher = () => make.person({ memberships: [{ schoolId: school.id, function: 'teacher' }] });

  /**
   * An appointment starting `LEAD_S + 50` seconds from now, with these participants: the worker,
   * started after it, must have rebuilt its reminders before they are due, also on a busy machine.
   */
  async function appointmentSoon(title: string, organizer: Person, participants: Person[]): Promise<void> {
    const id = randomUUID();
    const startsAt = new Date(Date.now() + (LEAD_S + 50) * 1000);
    await db.query(
      `INSERT INTO appointment (id, kind, title, starts_at, ends_at, zone, school_id, room, status, version, ical_uid, organizer_person_id)
       VALUES (?, 'meeting', ?, ?, ?, 'Europe/Amsterdam', ?, 'Teamkamer', 'scheduled', 0, ?, ?)`,
      [
        id,
        title,
        startsAt,
        new Date(startsAt.getTime() + 30 * 60_000),
        school.id,
        `${id}@leerkring.test`,
        organizer.id,
      ],
    );
    for (const person of participants) {
      await db.query(
        `INSERT INTO appointment_participant (id, appointment_id, person_id, role, rsvp, added_version)
         VALUES (?, ?, ?, 'required', 'needs_action', 0)`,
        [randomUUID(), id, person.id],
      );
    }
  }

  async function reminderRows(people: Person[]): Promise<MailRow[]> {
    return db.query<MailRow[]>(
      `SELECT recipient_person_id, status, attempts, last_error FROM mail_message
       WHERE kind = 'reminder' AND recipient_person_id IN (?)`,
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

  async function start(): Promise<FaultSmtp> {
    smtp = new FaultSmtp();
    await smtp.start();
    return smtp;
  }

  function startWorker(server: FaultSmtp): void {
    worker = startAppProcess('worker', {
      SMTP_URL: server.url,
      LOG_LEVEL: 'info',
      REMINDER_OFFSETS: JSON.stringify({ '*': [`${LEAD_S}s`] }),
    });
  }

  it('hands a reminder refused with 421 to the mail queue, which delivers it once when the server recovers', async () => {
    const server = await start();
    server.refuseAll(421);
    const [organizer, anna, bram] = [await teacher(), await teacher(), await teacher()];
    await appointmentSoon('Herinnering bij storing', organizer, [anna, bram]);
    startWorker(server);

    // Each reminder was tried in its own job, refused, and given back for the mail queue's retry.
    const refused = await eventually(
      () => reminderRows([anna, bram]),
      (rows) => rows.length === 2 && rows.every((row) => row.status === 'queued' && row.attempts >= 1),
      110_000,
    );
    expect(refused).toHaveLength(2);
    for (const row of refused) {
      expect(row).toMatchObject({ status: 'queued' });
      expect(row.last_error).toContain('421');
    }

    server.acceptAll();
    const sent = await eventually(
      () => reminderRows([anna, bram]),
      (rows) => rows.every((row) => row.status === 'sent'),
      60_000,
    );
    expect(sent.map((row) => row.status)).toEqual(['sent', 'sent']);
    expect(sent.every((row) => row.attempts >= 2)).toBe(true);
    for (const person of [anna, bram]) {
      const mails = server.received.filter((mail) => mail.envelopeTo.includes(person.email));
      expect(mails).toHaveLength(1);
      expect(mails[0].parsed.subject).toMatch(/^Herinnering: Herinnering bij storing/);
    }
  }, 240_000);

  it('records a reminder refused with 550 as failed at its first attempt and sends the others', async () => {
    const server = await start();
    const [organizer, carla, dirk] = [await teacher(), await teacher(), await teacher()];
    server.refuseRecipient(carla.email, 550, 'No such user here');
    await appointmentSoon('Herinnering met 550', organizer, [carla, dirk]);
    startWorker(server);

    const rows = await eventually(
      () => reminderRows([carla, dirk]),
      (found) => found.length === 2 && found.every((row) => row.status === 'sent' || row.status === 'failed'),
      110_000,
    );
    const byPerson = new Map(rows.map((row) => [row.recipient_person_id, row]));
    expect(byPerson.get(carla.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(byPerson.get(carla.id)?.last_error).toContain('550');
    expect(byPerson.get(dirk.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(server.received.filter((mail) => mail.envelopeTo.includes(dirk.email))).toHaveLength(1);
    expect(server.received.filter((mail) => mail.envelopeTo.includes(carla.email))).toHaveLength(0);
  }, 150_000);
});
