import { startAppProcess, type AppProcess } from '@leerkring/testing/app-process';
import { mailDraft, startMailContext, type MailContext } from '@leerkring/testing/mail-context';
import { SmtpSink } from '@leerkring/testing/smtp-sink';

describe('worker shutdown on SIGTERM', () => {
  let smtp: SmtpSink;
  let mail: MailContext;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    smtp = new SmtpSink();
    await smtp.start();
    mail = await startMailContext();
  });

  afterEach(() => {
    worker?.child.kill('SIGKILL');
  });

  afterAll(async () => {
    await mail.close();
    await smtp.stop();
  });

  it('lets the running job finish, takes no new ones, and exits cleanly', async () => {
    smtp.slowDown(2_500);
    worker = startAppProcess('worker', { SMTP_URL: smtp.url, LOG_LEVEL: 'info' });
    await worker.waitForOutput(/worker started/);

    const inFlight = await mail.dispatcher.dispatch(mailDraft({ subject: 'Bezig tijdens het stoppen' }));
    await smtp.nextDataStarted();
    const signalledAt = Date.now();
    worker.child.kill('SIGTERM');
    await worker.waitForOutput(/no new jobs; waiting for the active ones/);
    // Queued once the worker is stopping: it must leave this one for another worker.
    const later = await mail.dispatcher.dispatch(mailDraft({ subject: 'Na het stopsignaal' }));

    expect(await worker.exited).toBe(0);
    expect(smtp.withSubject('Bezig tijdens het stoppen')).toHaveLength(1);
    expect(smtp.withSubject('Na het stopsignaal')).toHaveLength(0);
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(2_000);
    const rows = await mail.dataSource.query<Array<{ id: string; status: string }>>(
      'SELECT id, status FROM mail_message WHERE id IN (?, ?)',
      [inFlight.id, later.id],
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [inFlight.id]: 'sent',
      [later.id]: 'queued',
    });
    expect(worker.output()).toContain('all active jobs finished');
    // Leave nothing for the next test file on this database: its worker would send it.
    await mail.dataSource.query('DELETE FROM mail_message WHERE id = ?', [later.id]);
  });
});
