import { readJson } from '@leerkring/testing/http';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { startApi, type RunningApi } from '@leerkring/testing/api';
import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { mailDraft, startMailContext, type MailContext } from '@leerkring/testing/mail-context';
import { SmtpSink } from '@leerkring/testing/smtp-sink';

async function statusOf(mail: MailContext, id: string): Promise<{ status: string; last_error: string | null }> {
  const [row] = await mail.dataSource.query<Array<{ status: string; last_error: string | null }>>(
    'SELECT status, last_error FROM mail_message WHERE id = ?',
    [id],
  );
  return row;
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('mail delivery by the worker', () => {
  let smtp: SmtpSink;
  let mail: MailContext;
  let worker: AppProcess;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    mail = await startMailContext();
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    await worker.waitForOutput(/worker started/);
  });

  afterAll(async () => {
    worker.child.kill('SIGTERM');
    await worker.exited;
    await mail.close();
    await smtp.stop();
  });

  beforeEach(() => {
    smtp.received.length = 0;
    smtp.accept();
  });

  it('delivers a stored mail once, with our Message-ID, even when dispatched twice', async () => {
    const draft = mailDraft({ subject: 'Uitnodiging intervisie', toAddress: 'sanne.dejong@school.test' });

    const first = await mail.dispatcher.dispatch(draft);
    const second = await mail.dispatcher.dispatch(draft);
    await smtp.waitForSubject(draft.subject);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(second.id).toBe(first.id);
    expect(smtp.withSubject(draft.subject)).toHaveLength(1);
    const [received] = smtp.withSubject(draft.subject);
    expect(received.envelopeTo).toEqual(['sanne.dejong@school.test']);
    expect(received.parsed.subject).toBe('Uitnodiging intervisie');
    expect(received.parsed.messageId).toBe(first.messageId);
    expect(received.parsed.text).toContain('Je bent uitgenodigd.');
    expect(received.parsed.html).toContain('<p>Je bent uitgenodigd.</p>');
    expect(
      (
        await eventually(
          () => statusOf(mail, first.id),
          (row) => row.status === 'sent',
        )
      ).status,
    ).toBe('sent');
  });

  it('attaches the calendar part with its METHOD', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Leerkring//test//NL',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:test-appointment@leerkring.test',
      'DTSTAMP:20261123T120000Z',
      'DTSTART:20261201T143000Z',
      'DTEND:20261201T153000Z',
      'SUMMARY:Coachgesprek',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');

    const draft = mailDraft({ ics, icsMethod: 'REQUEST' });
    await mail.dispatcher.dispatch(draft);
    const received = await smtp.waitForSubject(draft.subject);

    expect(received.raw.toString()).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(received.raw.toString()).toContain('UID:test-appointment@leerkring.test');
  });

  it('records a permanent refusal (550) with its reason and does not retry', async () => {
    smtp.refuse(550, 'No such user here');

    const draft = mailDraft();
    const message = await mail.dispatcher.dispatch(draft);
    const row = await eventually(
      () => statusOf(mail, message.id),
      (value) => value.status === 'failed',
    );

    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('No such user here');
    smtp.accept();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(smtp.withSubject(draft.subject)).toHaveLength(0);
  });

  it('retries a temporary refusal (421) and delivers once the server accepts again', async () => {
    smtp.refuse(421, 'Too busy, try later');

    const message = await mail.dispatcher.dispatch(mailDraft({ subject: 'Na een storing' }));
    const refused = await eventually(
      () => statusOf(mail, message.id),
      (value) => value.last_error?.includes('Too busy') ?? false,
    );
    expect(refused.status).toBe('queued');
    smtp.accept();
    await smtp.waitForSubject('Na een storing', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(smtp.withSubject('Na een storing')).toHaveLength(1);
    expect(
      (
        await eventually(
          () => statusOf(mail, message.id),
          (row) => row.status === 'sent',
        )
      ).status,
    ).toBe('sent');
  });

  it('reports its readiness on its health port and as a heartbeat the API shows', async () => {
    const port = (await worker.waitForOutput(/worker health on port (\d+)/))[1];
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    expect((await readJson(ready)).checks).toEqual({ database: 'up', redis: 'up', worker: 'running' });

    const api: RunningApi = await startApi();
    try {
      const body = await readJson(await fetch(`${api.url}/api/health/ready`));
      expect(body.details.workers.count).toBeGreaterThanOrEqual(1);
      expect(body.details.workers.ready).toBeGreaterThanOrEqual(1);
    } finally {
      await api.close();
    }
  });
});

describe('mail without an SMTP server', () => {
  it('is written as an .eml file under MAIL_DIR', async () => {
    const mail = await startMailContext();
    const worker = startAppProcess('worker', { LOG_LEVEL: 'info' });
    try {
      await worker.waitForOutput(/worker started \(mail: \.eml files/);
      const message = await mail.dispatcher.dispatch(mailDraft({ subject: 'Welkom bij Leerkring' }));

      // The worker may first write other stored mails of this shared test database: wait for this one's line.
      const logged = await worker.waitForOutput(new RegExp(`mail written to (\\S+-${message.id}\\.eml)`));
      const directory = process.env.MAIL_DIR as string;
      const files = (await readdir(directory)).filter((file) => file.includes(message.id));
      expect(files).toHaveLength(1);
      expect(logged[1]).toBe(join(directory, files[0]));
      const parsed = await simpleParser(await readFile(join(directory, files[0])));
      expect(parsed.subject).toBe('Welkom bij Leerkring');
      expect(parsed.messageId).toBe(message.messageId);
      expect(worker.output()).not.toContain(message.toAddress); // no personal data in info logs
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
      await mail.close();
    }
  });
});
