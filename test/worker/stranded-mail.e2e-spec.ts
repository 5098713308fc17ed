import { startAppProcess } from '@leerkring/testing/app-process';
import { mailDraft, startMailContext } from '@leerkring/testing/mail-context';
import { SmtpSink } from '@leerkring/testing/smtp-sink';

/**
 * A mail row committed while Redis was unreachable (so its job was never queued) must still go
 * out: the worker's housekeeping sweep queues it again. The row, not Redis, is the truth.
 */
describe('a mail whose job never reached the queue', () => {
  it('is sent by the housekeeping sweep, once', async () => {
    const smtp = new SmtpSink();
    await smtp.start();
    const mail = await startMailContext();
    const stranded = await mail.dispatcher.store(mailDraft({ subject: 'Opgeslagen toen Redis weg was' }));
    await mail.dataSource.query('UPDATE mail_message SET updated_at = NOW(3) - INTERVAL 5 MINUTE WHERE id = ?', [
      stranded.id,
    ]);
    const worker = startAppProcess('worker', { SMTP_URL: smtp.url });
    try {
      await smtp.waitForSubject('Opgeslagen toen Redis weg was', 20_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      expect(smtp.withSubject('Opgeslagen toen Redis weg was')).toHaveLength(1);
      const [row] = await mail.dataSource.query<Array<{ status: string }>>(
        'SELECT status FROM mail_message WHERE id = ?',
        [stranded.id],
      );
      expect(row.status).toBe('sent');
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
      await mail.close();
      await smtp.stop();
    }
  });
});
