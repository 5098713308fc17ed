import type { Pool, RowDataPacket } from 'mysql2/promise';
import { sleep, type Checks } from '../../bench/lib';
import { DRILL_REMINDER_OFFSET_SECONDS, type Load } from './load';
import type { MailRecorder } from './mail-recorder';

/** A stretch of time in which a fault was on, plus its grace (Date.now() clock). */
export interface FaultWindow {
  name: string;
  from: number;
  to: number;
}

export interface MailFigures {
  expected: number;
  received: number;
  duplicated: number;
  missing: number;
  remindersSent: number;
  remindersExpected: number;
}

/** A query on the drill's database that tries again while its connections are being killed. */
export async function query<T extends RowDataPacket>(pool: Pool, sql: string, params: unknown[] = []): Promise<T[]> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const [rows] = await pool.query<T[]>(sql, params);
      return rows;
    } catch (error) {
      if (attempt >= 20) {
        throw error;
      }
      await sleep(500);
    }
  }
}

/**
 * Waits until the work the load caused has run its course: every outbox row handled, no mail
 * queued or mid-send, every soon appointment's last reminder moment past by 20 s, and no new mail
 * at the sink for 5 s. Resolves with whether that happened within `timeoutMs`.
 */
export async function drain(
  pool: Pool,
  recorder: MailRecorder,
  log: (message: string) => void,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let lastCount = -1;
  let stableSince = Date.now();
  let lastLog = 0;
  while (Date.now() < deadline) {
    const [[outbox], [mail], [soon]] = await Promise.all([
      query(pool, 'SELECT COUNT(*) AS n FROM outbox WHERE handled_at IS NULL'),
      query(pool, "SELECT COUNT(*) AS n FROM mail_message WHERE status IN ('queued', 'sending')"),
      query(
        pool,
        "SELECT MAX(starts_at) AS last FROM appointment WHERE status = 'scheduled' AND starts_at < UTC_TIMESTAMP(3) + INTERVAL 1 HOUR",
      ),
    ]);
    const lastReminder = soon.last ? (soon.last as Date).getTime() - 30_000 : 0;
    if (recorder.mails.length !== lastCount) {
      lastCount = recorder.mails.length;
      stableSince = Date.now();
    }
    const pending = Number(outbox.n) + Number(mail.n);
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      const reminderWait = Math.max(0, Math.round((lastReminder + 20_000 - Date.now()) / 1000));
      log(
        `draining: ${outbox.n} outbox rows, ${mail.n} mails pending, last reminder in ${reminderWait} s, ${lastCount} mails received`,
      );
    }
    if (pending === 0 && Date.now() > lastReminder + 20_000 && Date.now() - stableSince > 5_000) {
      return true;
    }
    await sleep(1_000);
  }
  return false;
}

interface MailRow extends RowDataPacket {
  dedupe_key: string;
  kind: string;
  status: string;
  message_id: string;
  to_address: string;
}

const inWindow = (at: number, windows: FaultWindow[]) => windows.some((w) => at >= w.from && at <= w.to);

/**
 * The checks every drill ends with: no overbooking, no double booking, every expected mail
 * received exactly once, no reminder for a cancelled or moved appointment.
 */
export async function verify(
  pool: Pool,
  recorder: MailRecorder,
  load: Load,
  checks: Checks,
  faultWindows: FaultWindow[] = [],
): Promise<MailFigures> {
  // --- Theme meetings: no overbooking, waitlist positions 1..n, seats = participants.
  const overbooked: string[] = [];
  const badWaitlist: string[] = [];
  const seatMismatch: string[] = [];
  for (const meeting of load.meetings) {
    const [row] = await query(
      pool,
      `SELECT m.capacity, m.confirmed_count AS counter,
              SUM(r.status IN ('confirmed', 'offered')) AS seated, SUM(r.status = 'waitlisted') AS waiting,
              COUNT(DISTINCT CASE WHEN r.status = 'waitlisted' THEN r.waitlist_seq END) AS tickets
         FROM theme_meeting m LEFT JOIN theme_registration r ON r.meeting_id = m.id
        WHERE m.id = ? GROUP BY m.id`,
      [meeting.id],
    );
    const seated = Number(row.seated ?? 0);
    if (seated > Number(row.capacity) || Number(row.counter) !== seated) {
      overbooked.push(`${meeting.id}: ${seated} seated, counter ${row.counter}, capacity ${row.capacity}`);
    }
    if (Number(row.tickets) !== Number(row.waiting ?? 0)) {
      badWaitlist.push(`${meeting.id}: ${row.waiting} waiting on ${row.tickets} tickets`);
    }
    // The positions the API shows the waiting people themselves: exactly 1..n.
    const waiting = await query(
      pool,
      "SELECT person_id FROM theme_registration WHERE meeting_id = ? AND status = 'waitlisted'",
      [meeting.id],
    );
    const positions = await Promise.all(
      waiting.map(async ({ person_id }) => {
        const answer = await load.request(
          'check: my registration',
          'GET',
          `/theme-meetings/${meeting.id}/registration`,
          String(person_id),
        );
        return Number(answer.body.position);
      }),
    );
    positions.sort((a, b) => a - b);
    if (positions.some((position, index) => position !== index + 1)) {
      badWaitlist.push(`${meeting.id}: positions ${positions.join(',')}`);
    }
    // Every seated person is a participant of the session's appointment, and nobody else is.
    const [diff] = await query(
      pool,
      `SELECT
         (SELECT COUNT(*) FROM theme_registration r WHERE r.meeting_id = ? AND r.status = 'confirmed'
            AND NOT EXISTS (SELECT 1 FROM theme_meeting_session s JOIN appointment_participant p
                              ON p.appointment_id = s.appointment_id AND p.person_id = r.person_id AND p.removed_at IS NULL
                             WHERE s.meeting_id = r.meeting_id)) AS seated_not_invited,
         (SELECT COUNT(*) FROM theme_meeting_session s JOIN appointment_participant p
             ON p.appointment_id = s.appointment_id AND p.removed_at IS NULL AND p.role <> 'organizer'
           WHERE s.meeting_id = ?
             AND NOT EXISTS (SELECT 1 FROM theme_registration r WHERE r.meeting_id = s.meeting_id
                               AND r.person_id = p.person_id AND r.status = 'confirmed')) AS invited_not_seated`,
      [meeting.id, meeting.id],
    );
    if (Number(diff.seated_not_invited) + Number(diff.invited_not_seated) > 0) {
      seatMismatch.push(`${meeting.id}: ${JSON.stringify(diff)}`);
    }
  }
  checks.check(
    'no overbooking (seated <= capacity, counter = seated)',
    overbooked.length === 0,
    overbooked.length ? overbooked.slice(0, 3).join('; ') : `${load.meetings.length} meetings`,
  );
  checks.check('waitlist positions 1..n', badWaitlist.length === 0, badWaitlist.slice(0, 3).join('; '));
  checks.check('seated people = session participants', seatMismatch.length === 0, seatMismatch.slice(0, 3).join('; '));

  // --- No person in two overlapping scheduled appointments (theme sessions may clash by design).
  const doubles = await query(
    pool,
    `SELECT p1.person_id, a1.id AS a, a2.id AS b, a1.starts_at, a2.starts_at AS b_starts_at
       FROM appointment_participant p1
       JOIN appointment_participant p2 ON p2.person_id = p1.person_id AND p2.appointment_id > p1.appointment_id
       JOIN appointment a1 ON a1.id = p1.appointment_id
       JOIN appointment a2 ON a2.id = p2.appointment_id
      WHERE p1.removed_at IS NULL AND p2.removed_at IS NULL
        AND a1.status = 'scheduled' AND a2.status = 'scheduled'
        AND a1.kind <> 'theme_session' AND a2.kind <> 'theme_session'
        AND a1.starts_at < a2.ends_at AND a2.starts_at < a1.ends_at`,
  );
  const [{ scheduled }] = await query(pool, "SELECT COUNT(*) AS scheduled FROM appointment WHERE status = 'scheduled'");
  checks.check(
    'no double booking (one SQL self-join)',
    doubles.length === 0,
    doubles.length ? JSON.stringify(doubles.slice(0, 2)) : `${scheduled} scheduled appointments`,
  );

  // --- Mail: the sent-log against what the sink acknowledged.
  const rows = await query<MailRow>(pool, 'SELECT dedupe_key, kind, status, message_id, to_address FROM mail_message');
  const byMessageId = new Map(rows.map((row) => [row.message_id, row]));
  const arrivals = new Map<string, number>();
  const semantic = new Map<string, number>();
  const perKey = new Map<string, number>();
  let unknown = 0;
  for (const mail of recorder.mails) {
    arrivals.set(mail.messageId, (arrivals.get(mail.messageId) ?? 0) + 1);
    const row = byMessageId.get(mail.messageId);
    if (!row) {
      unknown += 1;
    }
    for (const recipient of mail.recipients) {
      if (row) {
        const key = `${row.dedupe_key}|${recipient}`;
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
      }
      if (mail.calendarKey) {
        const key = `${mail.calendarKey}|${recipient}`;
        semantic.set(key, (semantic.get(key) ?? 0) + 1);
      }
    }
  }
  const sent = rows.filter((row) => row.status === 'sent');
  const notSent = rows.filter((row) => row.status !== 'sent');
  const missing = sent.filter((row) => !arrivals.has(row.message_id));
  const duplicatedIds = [...arrivals.entries()].filter(([, n]) => n > 1);
  const duplicatedKeys = [...perKey.entries()].filter(([, n]) => n > 1);
  const duplicatedCalendar = [...semantic.entries()].filter(([, n]) => n > 1);
  const duplicated =
    duplicatedIds.reduce((sum, [, n]) => sum + n - 1, 0) + duplicatedCalendar.reduce((sum, [, n]) => sum + n - 1, 0);
  checks.check(
    'every mail in the sent-log is sent',
    notSent.length === 0,
    notSent.length
      ? `${notSent.length} not sent: ${notSent
          .slice(0, 3)
          .map((row) => `${row.dedupe_key} ${row.status}`)
          .join(', ')}`
      : `${rows.length} rows`,
  );
  checks.check(
    'every sent mail received',
    missing.length === 0,
    missing.length ? `${missing.length} missing, e.g. ${missing[0].dedupe_key}` : `${sent.length} of ${sent.length}`,
  );
  // For a duplicate, when each copy arrived and which fault (if any) was on: the evidence.
  const describe = (messageId: string) => {
    const times = recorder.mails.filter((mail) => mail.messageId === messageId).map((mail) => mail.at);
    const faults = faultWindows.filter((w) => times.some((t) => t >= w.from - 60_000 && t <= w.to)).map((w) => w.name);
    return `${byMessageId.get(messageId)?.dedupe_key ?? messageId} at ${times
      .map((t) => new Date(t).toISOString().slice(11, 23))
      .join(' and ')}${faults.length ? ` (${faults.join(', ')})` : ''}`;
  };
  checks.check(
    'no mail received twice (Message-ID)',
    duplicatedIds.length === 0,
    duplicatedIds.length ? `${duplicatedIds.length}: ${duplicatedIds.map(([id]) => describe(id)).join('; ')}` : '',
  );
  checks.check(
    'no mail received twice (key, recipient)',
    duplicatedKeys.length === 0 && duplicatedCalendar.length === 0,
    duplicatedKeys.length || duplicatedCalendar.length
      ? `${duplicatedKeys[0]?.[0] ?? ''} ${duplicatedCalendar[0]?.[0] ?? ''}`
      : 'also by calendar UID, SEQUENCE, METHOD',
  );
  checks.check('no mail the sent-log does not know', unknown === 0, unknown ? `${unknown} unknown` : '');

  // --- Every participant's latest invitation, update or cancellation was sent and received.
  const participants = await query(
    pool,
    `SELECT a.id, a.version, a.content_version, a.status, p.person_id, p.added_version, p.removed_at, p.removed_version,
            LOWER(per.email) AS email
       FROM appointment a
       JOIN appointment_participant p ON p.appointment_id = a.id
       JOIN person per ON per.id = p.person_id
      WHERE p.role <> 'organizer'`,
  );
  const live = new Set(rows.filter((row) => row.status !== 'failed').map((row) => row.dedupe_key));
  const byKey = new Map(rows.map((row) => [row.dedupe_key, row]));
  const latestMissing: string[] = [];
  let latestExpected = 0;
  for (const p of participants) {
    // As the notifier keys them (docs/notifications.md): a removal by its version, a cancelled
    // appointment by its version, a current participant by the later of their joining and the
    // last change everyone sees (adding or removing someone else mails the others nothing).
    const cancel = p.removed_at !== null || p.status === 'cancelled';
    const keyVersion =
      p.removed_at !== null
        ? Number(p.removed_version)
        : cancel
          ? Number(p.version)
          : Math.max(Number(p.added_version), Number(p.content_version));
    const hadRequest = Array.from(
      { length: keyVersion + 1 },
      (_, v) => `appointment.${p.id}.v${v}.${p.person_id}.request`,
    ).some((key) => live.has(key));
    if (cancel && !hadRequest) {
      continue; // never invited, so no CANCEL either (docs/notifications.md)
    }
    latestExpected += 1;
    const key = `appointment.${p.id}.v${keyVersion}.${p.person_id}.${cancel ? 'cancel' : 'request'}`;
    const row = byKey.get(key);
    const received = row ? (perKey.get(`${key}|${String(p.email)}`) ?? 0) : 0;
    if (!row || row.status !== 'sent' || received !== 1) {
      latestMissing.push(`${key} (${row?.status ?? 'no row'}, received ${received})`);
    }
  }
  checks.check(
    "every participant's latest invitation/update/cancel received once",
    latestMissing.length === 0,
    latestMissing.length ? `${latestMissing.length} of ${latestExpected}: ${latestMissing[0]}` : `${latestExpected}`,
  );

  // --- Reminders: none for a changed or cancelled appointment; every one that was due arrived.
  const appointments = new Map(
    (await query(pool, 'SELECT id, version, status, starts_at FROM appointment')).map((a) => [
      String(a.id),
      { version: Number(a.version), status: String(a.status), start: (a.starts_at as Date).getTime() },
    ]),
  );
  const reminderRows = sent.filter((row) => row.dedupe_key.startsWith('reminder.'));
  const stale: string[] = [];
  for (const row of reminderRows) {
    const [, appointmentId, , , version] = /^reminder\.([^.]+)\.([^.]+)\.([^.]+)\.v(\d+)$/.exec(row.dedupe_key) ?? [];
    const appointment = appointments.get(appointmentId);
    const arrivedAt = recorder.mails.find((mail) => mail.messageId === row.message_id)?.at ?? 0;
    if (!appointment || appointment.status !== 'scheduled' || appointment.version !== Number(version)) {
      stale.push(`${row.dedupe_key}: appointment now v${appointment?.version} ${appointment?.status}`);
    } else if (arrivedAt > appointment.start) {
      stale.push(`${row.dedupe_key}: arrived after the start`);
    }
  }
  const reminderParticipants = await query(
    pool,
    `SELECT a.id, a.version, a.starts_at, p.person_id FROM appointment a
       JOIN appointment_participant p ON p.appointment_id = a.id AND p.removed_at IS NULL AND p.rsvp <> 'declined'
      WHERE a.status = 'scheduled' AND a.starts_at < UTC_TIMESTAMP(3) + INTERVAL 1 HOUR`,
  );
  const sentKeys = new Set(reminderRows.map((row) => row.dedupe_key));
  let remindersExpected = 0;
  const remindersMissing: string[] = [];
  for (const p of reminderParticipants) {
    const soon = load.soon.get(String(p.id));
    for (const [offsetKey, seconds] of Object.entries(DRILL_REMINDER_OFFSET_SECONDS)) {
      const due = (p.starts_at as Date).getTime() - seconds * 1000;
      // Due well after the last change was made, and not while (or just after) a fault was on:
      // a reminder whose moment passed while no worker could run it is dropped, by design.
      if (due > Date.now() - 5_000 || (soon && due < soon.lastChangeAt + 15_000) || inWindow(due, faultWindows)) {
        continue;
      }
      remindersExpected += 1;
      const key = `reminder.${String(p.id)}.${String(p.person_id)}.${offsetKey}.v${String(p.version)}`;
      if (!sentKeys.has(key)) {
        remindersMissing.push(key);
      }
    }
  }
  checks.check(
    'no reminder for a cancelled or moved appointment',
    stale.length === 0,
    stale.length ? `${stale.length}: ${stale[0]}` : `${reminderRows.length} reminders checked`,
  );
  checks.check(
    'every due reminder sent and received',
    // With faults, every due moment may fall in a fault's window; without, some must be checked.
    remindersMissing.length === 0 && (remindersExpected > 0 || faultWindows.length > 0),
    remindersMissing.length
      ? `${remindersMissing.length} of ${remindersExpected}: ${remindersMissing[0]}`
      : `${remindersExpected}`,
  );

  return {
    expected: sent.length,
    received: recorder.mails.length,
    duplicated,
    missing: missing.length,
    remindersSent: reminderRows.length,
    remindersExpected,
  };
}
