import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { ReceivedMail } from '@leerkring/testing/smtp-sink';

const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * A real SMTP server for fault tests. Like test/support's SmtpSink, plus: it can refuse one
 * recipient (at RCPT, as real servers do), refuse every mail for a while (at MAIL FROM), and
 * hold the answer to DATA back. A mail counts as delivered only when the server answers 250
 * while the client is still connected: a client that dies before the answer never learns the
 * mail arrived, and such a mail is counted as `abandoned`, not received. (A real server may
 * keep such a mail: that is the duplicate window docs/notifications.md describes.)
 */
export class FaultSmtp {
  readonly received: ReceivedMail[] = [];
  abandoned = 0;
  /** Mails whose data has arrived and whose answer is being held back (see slowDown). */
  holding = 0;
  private allRefused: { code: number; message: string } | null = null;
  private readonly refusedRecipients = new Map<string, { code: number; message: string }>();
  private readonly closed = new Set<string>();
  private delayMs = 0;
  /** While set, every answer to DATA waits for it (see holdAnswers). */
  private gate: { opened: Promise<void>; open: () => void } | null = null;
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onMailFrom: (_address, _session, callback) =>
        callback(this.allRefused ? refusal(this.allRefused.code, this.allRefused.message) : null),
      onRcptTo: (address, _session, callback) => {
        const refused = this.refusedRecipients.get(address.address.toLowerCase());
        callback(refused ? refusal(refused.code, refused.message) : null);
      },
      onData: (stream, session, callback) => this.onData(stream, session, callback),
      onClose: (session) => this.closed.add(session.id),
    });
    // A client killed mid-conversation resets its connection: expected here, not a test failure.
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') {
        throw error;
      }
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as { port: number }).port}`;
  }

  /** Every mail is refused with this code (421: try again later) until `acceptAll()`. */
  refuseAll(code: number, message = 'Service not available, try again later'): void {
    this.allRefused = { code, message };
  }

  acceptAll(): void {
    this.allRefused = null;
  }

  /** This recipient is refused at RCPT (550: no such mailbox). */
  refuseRecipient(address: string, code: number, message = 'No such user here'): void {
    this.refusedRecipients.set(address.toLowerCase(), { code, message });
  }

  /** Holds every answer to DATA back for this long (a slow mail server). */
  slowDown(delayMs: number): void {
    this.delayMs = delayMs;
  }

  /**
   * From now on no answer to DATA is given (mails arrive, their 250 waits) until `releaseAnswers()`.
   * Lets a test kill a client while sends are in flight without racing a 250 just given.
   */
  holdAnswers(): void {
    if (!this.gate) {
      let open = () => {};
      const opened = new Promise<void>((resolve) => (open = resolve));
      this.gate = { opened, open };
    }
  }

  releaseAnswers(): void {
    this.gate?.open();
    this.gate = null;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.envelopeTo.includes(address));
  }

  /** Waits until every address has received at least `count` mails. */
  async waitForEach(addresses: string[], count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const short = addresses.filter((address) => this.to(address).length < count);
      if (short.length === 0) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`${short.length} of ${addresses.length} address(es) got fewer than ${count} mail(s)`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    this.releaseAnswers();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): void {
    const envelopeTo = session.envelope.rcptTo.map((recipient) => recipient.address);
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      this.holding += 1;
      const answer = async () => {
        while (this.gate) {
          await this.gate.opened;
        }
        this.holding -= 1;
        if (this.closed.has(session.id)) {
          this.abandoned += 1;
          return;
        }
        const raw = Buffer.concat(chunks);
        this.received.push({ envelopeTo, raw, parsed: await simpleParser(raw) });
        callback();
      };
      setTimeout(() => void answer(), this.delayMs);
    });
  }
}
