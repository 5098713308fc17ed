import fc from 'fast-check';
import ICAL from 'ical.js';
import { buildIcs, type IcsEvent } from './ics';

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    method: 'REQUEST',
    uid: '5f0c1f5e-3c2a-4c1e-9a57-0d6f3c8e2b11@leerkring.test',
    sequence: 0,
    start: new Date('2026-10-26T09:00:00Z'),
    end: new Date('2026-10-26T10:00:00Z'),
    zone: 'Europe/Amsterdam',
    summary: 'Overleg groep 5; met ouders, kort',
    location: 'obs De Regenboog, Teamkamer',
    organizer: { name: 'Carla Coach', email: 'carla@school.test' },
    attendees: [
      { name: 'Anna de Vries', email: 'anna@school.test', required: true, partstat: 'NEEDS-ACTION' },
      { name: 'Bram Jansen', email: 'bram@school.test', required: false, partstat: 'ACCEPTED' },
    ],
    stamp: new Date('2026-10-01T12:00:00Z'),
    cancelled: false,
    ...overrides,
  };
}

function read(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
  const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone'));
  const instant = (name: string) => {
    const time = vevent.getFirstPropertyValue(name) as ICAL.Time;
    time.zone = zone;
    return time.toJSDate();
  };
  return { calendar, vevent, start: instant('dtstart'), end: instant('dtend') };
}

describe('buildIcs', () => {
  it('makes an RFC 5545 REQUEST with UID, SEQUENCE, TZID times, ORGANIZER and ATTENDEEs', () => {
    const sut = buildIcs(event({ sequence: 3 }));
    const { calendar, vevent, start, end } = read(sut);

    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(vevent.getFirstPropertyValue('uid')).toBe(event().uid);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('summary')).toBe('Overleg groep 5; met ouders, kort');
    expect(sut).toContain('DTSTART;TZID=Europe/Amsterdam:20261026T100000');
    expect(sut).toContain('DTSTAMP:20261001T120000Z');
    expect(start.toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(end.toISOString()).toBe('2026-10-26T10:00:00.000Z');
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:carla@school.test');
    const attendees = vevent.getAllProperties('attendee');
    expect(attendees.map((property) => property.getFirstValue())).toEqual([
      'mailto:anna@school.test',
      'mailto:bram@school.test',
    ]);
    expect(attendees.map((property) => property.getParameter('partstat'))).toEqual(['NEEDS-ACTION', 'ACCEPTED']);
    expect(attendees.map((property) => property.getParameter('role'))).toEqual(['REQ-PARTICIPANT', 'OPT-PARTICIPANT']);
    expect(sut.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('makes a CANCEL with STATUS:CANCELLED', () => {
    const { calendar, vevent } = read(buildIcs(event({ method: 'CANCEL', sequence: 2, cancelled: true })));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
  });

  it('carries a VTIMEZONE for Europe/Amsterdam with its summer and winter rules', () => {
    const { calendar } = read(buildIcs(event()));
    const vtimezone = calendar.getFirstSubcomponent('vtimezone') as ICAL.Component;
    expect(vtimezone.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    expect(vtimezone.getAllSubcomponents().map((rule) => rule.name)).toEqual(['daylight', 'standard']);
  });

  it('round-trips any instant, UID and SEQUENCE through a real parser, across DST changes (property)', () => {
    const instant = fc.date({
      min: new Date('2001-01-01T00:00:00Z'),
      max: new Date('2037-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 5, max: 600 }),
        fc.uuid(),
        fc.nat({ max: 10_000 }),
        fc.constantFrom<'REQUEST' | 'CANCEL'>('REQUEST', 'CANCEL'),
        (at, minutes, uuid, sequence, method) => {
          // iCalendar times have whole seconds.
          const start = new Date(Math.floor(at.getTime() / 1000) * 1000);
          const end = new Date(start.getTime() + minutes * 60_000);
          const uid = `${uuid}@leerkring.test`;
          const parsed = read(buildIcs(event({ start, end, uid, sequence, method, cancelled: method === 'CANCEL' })));
          expect(parsed.start.getTime()).toBe(start.getTime());
          expect(parsed.end.getTime()).toBe(end.getTime());
          expect(parsed.vevent.getFirstPropertyValue('uid')).toBe(uid);
          expect(parsed.vevent.getFirstPropertyValue('sequence')).toBe(sequence);
          expect(parsed.calendar.getFirstPropertyValue('method')).toBe(method);
        },
      ),
    );
  });
});
