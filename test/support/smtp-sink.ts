import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: Buffer;
}

type Behaviour = { kind: 'accept' } | { kind: 'refuse'; code: number; message: string };

/**
 * A real SMTP server in the test process. It records every accepted mail (parsed with
 * mailparser), can be told to refuse (421 = try later, 550 = permanent) and to be slow.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private behaviour: Behaviour = { kind: 'accept' };
  private delayMs = 0;
  private dataStarted: Array<() => void> = [];
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) =>
        this.onData(
          stream,
          session.envelope.rcptTo.map((r) => r.address),
          callback,
        ),
    });
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.port;
  }

  get port(): number {
    return (this.server.server.address() as { port: number }).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(code: number, message = code >= 500 ? 'Mailbox unavailable' : 'Try again later'): void {
    this.behaviour = { kind: 'refuse', code, message };
  }

  accept(): void {
    this.behaviour = { kind: 'accept' };
  }

  /** Holds every DATA answer back for this long (a slow mail server). */
  slowDown(delayMs: number): void {
    this.delayMs = delayMs;
  }

  /** Resolves when the next mail's DATA starts arriving (a send is in progress). */
  nextDataStarted(): Promise<void> {
    return new Promise((resolve) => this.dataStarted.push(resolve));
  }

  /** The mails received so far with this subject (tests share a database, so filter by their own). */
  withSubject(subject: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.parsed.subject === subject);
  }

  async waitForSubject(subject: string, timeoutMs = 15_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [found] = this.withSubject(subject);
      if (found) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `no mail "${subject}" within ${timeoutMs} ms; got: ${this.received.map((m) => m.parsed.subject).join(', ')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async waitForMails(count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} mail(s) within ${timeoutMs} ms, got ${this.received.length}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return this.received;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onData(stream: SMTPServerDataStream, envelopeTo: string[], callback: (error?: Error | null) => void): void {
    this.dataStarted.splice(0).forEach((resolve) => resolve());
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const behaviour = this.behaviour;
      const finish = async () => {
        if (behaviour.kind === 'refuse') {
          callback(Object.assign(new Error(behaviour.message), { responseCode: behaviour.code }));
          return;
        }
        const raw = Buffer.concat(chunks);
        this.received.push({ envelopeTo, raw, parsed: await simpleParser(raw) });
        callback();
      };
      setTimeout(() => void finish(), this.delayMs);
    });
  }
}
