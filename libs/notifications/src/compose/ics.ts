import ICAL from 'ical.js';
import { wallClockFields } from './wall-clock';

/**
 * Europe/Amsterdam as a VTIMEZONE with its two rules (CEST from the last Sunday of March 02:00,
 * CET from the last Sunday of October 03:00), as the EU has used them since 1996. Written out
 * here instead of generated from the tz database: it is the only zone the foundation plans in,
 * and the rules are stable and easy to check.
 */
const VTIMEZONES: Record<string, string> = {
  'Europe/Amsterdam': [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Amsterdam',
    'X-LIC-LOCATION:Europe/Amsterdam',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n'),
};

export type IcsMethod = 'REQUEST' | 'CANCEL';
export type IcsPartstat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsAttendee extends IcsPerson {
  required: boolean;
  partstat: IcsPartstat;
}

export interface IcsEvent {
  method: IcsMethod;
  uid: string;
  /** The appointment's version: calendars replace an entry only by a higher (or equal) SEQUENCE. */
  sequence: number;
  start: Date;
  end: Date;
  zone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer: IcsPerson;
  attendees: IcsAttendee[];
  /** DTSTAMP: when this iCalendar object was made. */
  stamp: Date;
  /** The appointment is cancelled (STATUS:CANCELLED); also set for a CANCEL to one removed attendee. */
  cancelled: boolean;
}

function timeProperty(name: string, instant: Date, zone: string): ICAL.Property {
  const property = new ICAL.Property(name);
  if (VTIMEZONES[zone]) {
    property.setParameter('tzid', zone);
    property.setValue(ICAL.Time.fromData({ ...wallClockFields(instant, zone), isDate: false }));
  } else {
    // A zone we have no VTIMEZONE for: UTC is always understood.
    property.setValue(ICAL.Time.fromJSDate(instant, true));
  }
  return property;
}

function personProperty(name: 'organizer' | 'attendee', person: IcsPerson): ICAL.Property {
  const property = new ICAL.Property(name);
  property.setParameter('cn', person.name);
  property.setValue(`mailto:${person.email}`);
  return property;
}

/**
 * One iCalendar object (RFC 5545) for an iTIP message (RFC 5546): METHOD REQUEST for a new or
 * changed appointment, CANCEL for a cancelled one or for an attendee taken off it. Built with
 * ical.js, which also escapes and folds the text.
 */
export function buildIcs(event: IcsEvent): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Leerkring//Leerkring//NL');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', event.method);
  const vtimezone = VTIMEZONES[event.zone];
  if (vtimezone) {
    calendar.addSubcomponent(ICAL.Component.fromString(vtimezone));
  }

  const vevent = new ICAL.Component('vevent');
  vevent.updatePropertyWithValue('uid', event.uid);
  vevent.updatePropertyWithValue('sequence', event.sequence);
  vevent.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(event.stamp, true));
  vevent.addProperty(timeProperty('dtstart', event.start, event.zone));
  vevent.addProperty(timeProperty('dtend', event.end, event.zone));
  vevent.updatePropertyWithValue('summary', event.summary);
  if (event.description) {
    vevent.updatePropertyWithValue('description', event.description);
  }
  if (event.location) {
    vevent.updatePropertyWithValue('location', event.location);
  }
  if (event.url) {
    vevent.updatePropertyWithValue('url', event.url);
  }
  vevent.updatePropertyWithValue('status', event.cancelled ? 'CANCELLED' : 'CONFIRMED');
  vevent.updatePropertyWithValue('transp', 'OPAQUE');
  vevent.addProperty(personProperty('organizer', event.organizer));
  for (const attendee of event.attendees) {
    const property = personProperty('attendee', attendee);
    property.setParameter('cutype', 'INDIVIDUAL');
    property.setParameter('role', attendee.required ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT');
    property.setParameter('partstat', attendee.partstat);
    if (event.method === 'REQUEST') {
      property.setParameter('rsvp', 'TRUE');
    }
    vevent.addProperty(property);
  }
  calendar.addSubcomponent(vevent);
  return calendar.toString() + '\r\n';
}
