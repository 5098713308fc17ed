import ICAL from 'ical.js';
import type { ReceivedMail, SmtpSink } from '@leerkring/testing/smtp-sink';

export interface ParsedInvite {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  start: Date;
  end: Date;
  startTzid: string | null;
  attendees: string[];
  organizer: string;
}

/** The text/calendar part of a received mail, read with ical.js (a real RFC 5545 parser). */
export function calendarPart(mail: ReceivedMail): string {
  const attachment = mail.parsed.attachments.find((part) => part.contentType.startsWith('text/calendar'));
  if (attachment) {
    return attachment.content.toString('utf8');
  }
  throw new Error(`mail "${mail.parsed.subject}" has no calendar part`);
}

export function parseInvite(mail: ReceivedMail): ParsedInvite {
  const calendar = new ICAL.Component(ICAL.parse(calendarPart(mail)));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  const zone = vtimezone ? new ICAL.Timezone(vtimezone) : null;
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) {
    throw new Error('no VEVENT');
  }
  const instant = (name: string) => {
    const property = event.getFirstProperty(name);
    const time = property?.getFirstValue() as ICAL.Time;
    if (zone && property?.getParameter('tzid') === zone.tzid) {
      time.zone = zone;
    }
    return time.toJSDate();
  };
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: String(event.getFirstPropertyValue('status')),
    start: instant('dtstart'),
    end: instant('dtend'),
    startTzid: (event.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
    attendees: event.getAllProperties('attendee').map((property) => String(property.getFirstValue())),
    organizer: String(event.getFirstPropertyValue('organizer')),
  };
}

export function mailsTo(smtp: SmtpSink, address: string): ReceivedMail[] {
  return smtp.received.filter((mail) => mail.envelopeTo.includes(address));
}

/** Waits until every address has received `count` mails (tests share the sink: filter by recipient). */
export async function waitForMailsTo(
  smtp: SmtpSink,
  addresses: string[],
  count: number,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const short = addresses.filter((address) => mailsTo(smtp, address).length < count);
    if (short.length === 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `expected ${count} mail(s) each; short: ${short.map((a) => `${a}=${mailsTo(smtp, a).length}`).join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the address has `count` calendar mails for this UID (or until `until` holds);
 * returns them parsed, by SEQUENCE.
 */
export async function waitForInvites(
  smtp: SmtpSink,
  address: string,
  uid: string,
  count: number | ((invites: ParsedInvite[]) => boolean),
  timeoutMs = 20_000,
): Promise<ParsedInvite[]> {
  const done = typeof count === 'number' ? (invites: ParsedInvite[]) => invites.length >= count : count;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const invites = mailsTo(smtp, address)
      .map(parseInvite)
      .filter((invite) => invite.uid === uid);
    if (done(invites)) {
      return invites.sort((a, b) => a.sequence - b.sequence || a.method.localeCompare(b.method));
    }
    if (Date.now() > deadline) {
      throw new Error(`expected more calendar mail for ${uid} to ${address}, got ${invites.length}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
