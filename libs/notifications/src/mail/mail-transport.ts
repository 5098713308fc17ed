import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type Socket } from 'node:net';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { APP_CONFIG, type AppConfig } from '@leerkring/core';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Our own Message-ID, stable per mail, so a re-send is recognisable as the same message. */
  messageId: string;
  /** Used to name .eml files; never personal data. */
  reference: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  headers?: Record<string, string>;
}

export interface DeliveryReceipt {
  /** Where it went: the SMTP server's answer, or the path of the .eml file. */
  response: string;
}

/**
 * Gathers the writes made to the socket in one turn of the event loop into one (`cork` now,
 * `uncork` at the end of the turn): nodemailer writes a message as many small chunks (headers,
 * boundaries, encoded lines), and with Nagle off each would be a system call and a packet of its
 * own. A write still leaves within the same turn, so nothing waits for an ACK.
 */
function coalesceWrites(socket: Socket): void {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  socket.write = (...args: unknown[]) => {
    if (!corked) {
      corked = true;
      socket.cork();
      setImmediate(() => {
        corked = false;
        socket.uncork();
      });
    }
    return write(...args);
  };
}

/**
 * Plain SMTP connections with Nagle's algorithm off. nodemailer writes a message's final "."
 * as a small separate write; with Nagle on, it waits for the server's delayed ACK (40 ms on
 * Linux) and caps each pooled connection at about 22 mails/s (bench:mail-send). The writes of one
 * turn of the event loop go out together (`coalesceWrites`). Implicit TLS (smtps://) is left to
 * nodemailer.
 */
function noDelaySocket(
  options: { host?: string; port?: number; secure?: boolean },
  callback: (error: Error | null, socket?: { connection: Socket }) => void,
): void {
  if (options.secure) {
    callback(null);
    return;
  }
  const socket = connect({ host: options.host ?? 'localhost', port: options.port ?? 587, noDelay: true });
  const fail = (error: Error) => callback(error);
  socket.setTimeout(10_000, () => socket.destroy(new Error('SMTP connection timed out')));
  socket.once('error', fail);
  socket.once('connect', () => {
    socket.setTimeout(0);
    socket.off('error', fail);
    coalesceWrites(socket);
    callback(null, { connection: socket });
  });
}

/** Error from the mail server that will not get better by retrying (a 5xx answer). */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function toNodemailerMessage(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
    ...(mail.calendar
      ? { icalEvent: { method: mail.calendar.method, content: mail.calendar.content, filename: 'uitnodiging.ics' } }
      : {}),
  };
}

/**
 * The only code that hands mail to nodemailer. With SMTP_URL set it uses a pooled SMTP
 * transport; without it, every mail is written as an .eml file under MAIL_DIR, so a quick start
 * shows real mails without a mail server.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  private readonly directory: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.directory = resolve(config.mail.directory);
    if (config.mail.smtpUrl) {
      this.transporter = createTransport({
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
        ...parseConnectionUrl(config.mail.smtpUrl),
        pool: true,
        maxConnections: config.mail.maxConnections,
        getSocket: noDelaySocket,
      } as SMTPPool.Options);
    } else {
      this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  get mode(): 'smtp' | 'eml-files' {
    return this.config.mail.smtpUrl ? 'smtp' : 'eml-files';
  }

  async send(mail: OutgoingMail): Promise<DeliveryReceipt> {
    const info = (await this.transporter.sendMail(toNodemailerMessage(mail))) as {
      response?: string;
      message?: Buffer;
    };
    if (this.mode === 'smtp') {
      return { response: String(info.response ?? 'accepted') };
    }
    const path = await this.writeEml(mail.reference, info.message ?? Buffer.alloc(0));
    this.logger.log(`mail written to ${path}`);
    return { response: `file:${path}` };
  }

  private async writeEml(reference: string, message: Buffer): Promise<string> {
    await mkdir(this.directory, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const path = join(this.directory, `${stamp}-${reference.replace(/[^A-Za-z0-9_.-]/g, '_')}.eml`);
    // Write then rename, so a reader never sees half a file.
    await writeFile(`${path}.tmp`, message);
    await rename(`${path}.tmp`, path);
    return path;
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
