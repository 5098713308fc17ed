import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { now } from './timer';

export interface Arrival {
  /** The Message-ID header as sent, with its angle brackets; '' when the mail had none. */
  messageId: string;
  /** When its DATA had fully arrived, on the `now()` clock of this process. */
  at: number;
}

/** How much of a mail's start is kept to find the Message-ID header (headers come first). */
const HEADER_BYTES = 16 * 1024;
const MESSAGE_ID = /^message-id:[ \t]*(<[^>\r\n]*>)/im;

/**
 * A lean SMTP sink for benchmarks: a real SMTP server on 127.0.0.1 that accepts every mail and
 * records only its Message-ID and arrival time, without parsing bodies (test/support/smtp-sink.ts
 * parses every mail with mailparser, which would dominate the measurement).
 */
export class SmtpCounter {
  readonly arrivals: Arrival[] = [];
  private readonly seen = new Map<string, number>();
  private readonly firstAt = new Map<string, number>();
  private waiters: Array<{ missing: Set<string>; done: () => void }> = [];
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      disableReverseLookup: true,
      logger: false,
      onData: (stream, _session, callback) => this.onData(stream, callback),
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
  }

  get port(): number {
    return (this.server.server.address() as { port: number }).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** How often each Message-ID arrived. */
  count(messageId: string): number {
    return this.seen.get(messageId) ?? 0;
  }

  /** When a Message-ID first arrived (`now()` clock), or undefined. */
  arrivedAt(messageId: string): number | undefined {
    return this.firstAt.get(messageId);
  }

  /** Resolves true when every one of `messageIds` has arrived, false after `timeoutMs`. */
  waitForAll(messageIds: Iterable<string>, timeoutMs: number): Promise<boolean> {
    const missing = new Set([...messageIds].filter((id) => !this.seen.has(id)));
    if (missing.size === 0) {
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter = {
        missing,
        done: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onData(stream: SMTPServerDataStream, callback: (error?: Error | null) => void): void {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < HEADER_BYTES) {
        head += chunk.toString('latin1', 0, HEADER_BYTES - head.length);
      }
    });
    stream.on('end', () => {
      const headers = head.split(/\r?\n\r?\n/, 1)[0];
      this.record(MESSAGE_ID.exec(headers)?.[1] ?? '');
      callback();
    });
  }

  private record(messageId: string): void {
    const at = now();
    this.arrivals.push({ messageId, at });
    if (!this.firstAt.has(messageId)) {
      this.firstAt.set(messageId, at);
    }
    this.seen.set(messageId, (this.seen.get(messageId) ?? 0) + 1);
    if (this.waiters.length === 0) {
      return;
    }
    this.waiters = this.waiters.filter((waiter) => {
      waiter.missing.delete(messageId);
      if (waiter.missing.size === 0) {
        waiter.done();
        return false;
      }
      return true;
    });
  }
}

const SMTP_NODELAY_PRELOAD = join(__dirname, 'smtp-nodelay.js');

/**
 * The environment that makes a Leerkring process started by the bench open its SMTP connections
 * to `port` with TCP_NODELAY (see smtp-nodelay.js); merge it into the app's environment.
 */
export function smtpNoDelayEnv(port: number): Record<string, string> {
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(SMTP_NODELAY_PRELOAD)}`.trim(),
    BENCH_SMTP_NODELAY_PORT: String(port),
  };
}

/** The same in this process: SMTP client sockets to `port` get TCP_NODELAY from now on. */
export function installSmtpNoDelay(port: number): void {
  const { install } = createRequire(__filename)(SMTP_NODELAY_PRELOAD) as { install: (port: number) => void };
  install(port);
}
