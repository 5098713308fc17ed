import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { APP_CONFIG, isDependencyUnavailable, Metrics, type AppConfig } from '@leerkring/core';
import type { MailMessage } from './mail-message.entity';
import { MailMessageRepository } from './mail-message.repository';
import { isPermanentMailError, MailTransport } from './mail-transport';

export type SendOutcome = 'sent' | 'skipped';

/**
 * Sends one stored mail, at most once: it claims the row before talking to the mail server and
 * marks it sent after. A transient failure gives the claim back and throws, so BullMQ retries
 * with backoff; a permanent one (5xx) records the reason and stops retrying.
 */
@Injectable()
export class MailSender {
  private readonly logger = new Logger('MailSender');

  constructor(
    private readonly messages: MailMessageRepository,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Optional: contexts without CoreModule (benchmarks, commands) send without counting.
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async send(mailMessageId: string, now = new Date()): Promise<SendOutcome> {
    const message = await this.messages.findById(mailMessageId);
    if (!message || message.status === 'sent' || message.status === 'failed') {
      return 'skipped';
    }
    const claimed = await this.messages.claim(
      mailMessageId,
      now,
      new Date(now.getTime() + this.config.mail.claimLeaseMs),
    );
    if (!claimed) {
      return 'skipped';
    }
    await this.deliver(message);
    return 'sent';
  }

  /** When a claim taken now lapses. */
  leaseUntil(now = new Date()): Date {
    return new Date(now.getTime() + this.config.mail.claimLeaseMs);
  }

  /**
   * Hands a mail the caller has claimed (`claim`, or `MailMessageRepository.insertClaimed`) to
   * the mail server and marks it sent. A transient failure gives the claim back and throws the
   * error; a permanent one (5xx) records the mail as failed and throws an `UnrecoverableError`.
   */
  async deliver(message: MailMessage): Promise<void> {
    const keepClaim = this.keepClaimWhileSending(message.id);
    try {
      await this.transport.send({
        from: this.config.mail.from,
        to: message.toAddress,
        subject: message.subject,
        text: message.bodyText,
        html: message.bodyHtml ?? undefined,
        messageId: message.messageId,
        reference: `${message.kind}-${message.id}`,
        calendar: message.ics && message.icsMethod ? { method: message.icsMethod, content: message.ics } : undefined,
        headers: { 'X-Leerkring-Mail': message.id },
      });
    } catch (error) {
      const reason = (error as Error).message ?? String(error);
      if (isPermanentMailError(error)) {
        await this.messages.markFailed(message.id, reason);
        this.metrics?.mailsFailed.inc({ kind: message.kind });
        this.logger.warn({ mailMessageId: message.id, kind: message.kind }, 'mail refused permanently');
        throw new UnrecoverableError(`mail ${message.id} refused: ${reason}`);
      }
      await this.messages.release(message.id, reason);
      throw error;
    } finally {
      clearInterval(keepClaim);
    }
    await this.markSent(message);
    this.metrics?.mailsSent.inc({ kind: message.kind });
    this.logger.log({ mailMessageId: message.id, kind: message.kind }, 'mail sent');
  }

  /**
   * A claim lapses so that a mail whose sender died is taken over; a sender that is merely slow
   * (waiting for a free pooled connection, or a slow server) must not lose it, or the mail would
   * go out twice. So while the send is in flight the claim is renewed every third of the lease.
   * The CI run found this: 30 mails through a slow server took longer than a short lease.
   */
  private keepClaimWhileSending(mailMessageId: string): NodeJS.Timeout {
    const every = Math.max(Math.floor(this.config.mail.claimLeaseMs / 3), 250);
    const timer = setInterval(() => {
      this.messages.extendClaim(mailMessageId, this.leaseUntil()).catch((error: unknown) => {
        this.logger.warn({ mailMessageId, err: error }, 'could not renew the claim on a mail being sent');
      });
    }, every);
    timer.unref();
    return timer;
  }

  /**
   * The mail server has the mail: from here, failing to record that is what would send it twice
   * (the claim lapses, and the sweep sends it again). A lost database connection (a restart, a
   * failover, a killed connection) is therefore retried, within half the claim's lease (at most
   * 30 s), while nobody else may claim the row. drill:faults found the duplicate this prevents:
   * connections killed from the server side between the server's 250 and the UPDATE.
   */
  private async markSent(message: MailMessage): Promise<void> {
    const deadline = Date.now() + Math.min(this.config.mail.claimLeaseMs / 2, 30_000);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.messages.markSent(message.id);
        return;
      } catch (error) {
        if (!isDependencyUnavailable(error) || Date.now() >= deadline) {
          throw error;
        }
        this.logger.warn(
          { mailMessageId: message.id, attempt, err: error },
          'mail sent but not yet marked sent (database unreachable); trying again',
        );
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2_000)));
      }
    }
  }

  /** Called when BullMQ gives up on a job after its last attempt. */
  async giveUp(mailMessageId: string, reason: string): Promise<void> {
    await this.messages.markFailed(mailMessageId, reason);
  }
}
