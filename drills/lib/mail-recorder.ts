import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

/** One mail the sink acknowledged with 250. */
export interface RecordedMail {
  messageId: string;
  recipients: string[];
  subject: string;
  /** `UID|SEQUENCE|METHOD` of its calendar part, or '' when it has none. */
  calendarKey: string;
  /** Date.now() when it was acknowledged. */
  at: number;
}

/**
 * The drills' SMTP sink: a real SMTP server on 127.0.0.1 that records every mail it acknowledges
 * (Message-ID, envelope recipients, subject, the calendar part's UID, SEQUENCE and METHOD), and
 * can refuse every mail with a 4xx for a while (as test/support/smtp-sink.ts's `refuse`). A mail
 * it refused is not recorded: as far as the mail server is concerned it was never sent.
 */
export class MailRecorder {
  readonly mails: RecordedMail[] = [];
  refused = 0;
  private refusal: number | undefined;
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, session, callback) =>
        this.onData(
          stream,
          session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          callback,
        ),
    });
  }

  async start(): Promise<void> {
    // A sender killed mid-conversation resets its connection; that is the drill, not a failure.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as { port: number }).port}`;
  }

  /** Answer every mail with `code` (421: try again later) until `accept()`. */
  refuse(code = 421): void {
    this.refusal = code;
  }

  accept(): void {
    this.refusal = undefined;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onData(stream: SMTPServerDataStream, recipients: string[], callback: (error?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (this.refusal !== undefined) {
        this.refused += 1;
        callback(Object.assign(new Error('Try again later'), { responseCode: this.refusal }));
        return;
      }
      const at = Date.now();
      simpleParser(Buffer.concat(chunks)).then(
        (parsed) => {
          const calendar = parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
          const ics = calendar ? calendar.content.toString('utf8') : '';
          const field = (name: string) =>
            new RegExp(`^${name}[:;][^\\r\\n]*?([^:\\r\\n]*)\\r?$`, 'm').exec(ics)?.[1] ?? '';
          this.mails.push({
            messageId: parsed.messageId ? `<${parsed.messageId.replace(/^<|>$/g, '')}>` : '',
            recipients,
            subject: parsed.subject ?? '',
            calendarKey: ics ? `${field('UID')}|${field('SEQUENCE')}|${field('METHOD')}` : '',
            at,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    });
  }
}
