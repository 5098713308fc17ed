import ICAL from 'ical.js';
import { buildCalendarFeed, type FeedEvent } from './calendar-feed-ics';

function event(overrides: Partial<FeedEvent> = {}): FeedEvent {
  return {
    uid: 'a1@leerkring.test',
    sequence: 2,
    // The Monday after the October DST change: 10:00 in Amsterdam is 09:00Z.
    start: new Date('2026-10-26T09:00:00Z'),
    end: new Date('2026-10-26T10:00:00Z'),
    zone: 'Europe/Amsterdam',
    summary: 'Overleg groep 5',
    location: 'obs De Regenboog, Teamkamer',
    organizer: { name: 'Carla Coach', email: 'carla@school.test' },
    stamp: new Date('2026-10-01T12:00:00Z'),
    cancelled: false,
    ...overrides,
  };
}

describe('buildCalendarFeed', () => {
  it('publishes every event with its UID, SEQUENCE and zone, one VTIMEZONE, no attendees', () => {
    const sut = buildCalendarFeed(
      [
        event(),
        event({
          uid: 'a2@leerkring.test',
          sequence: 0,
          cancelled: true,
          start: new Date('2026-07-01T08:00:00Z'),
          end: new Date('2026-07-01T09:00:00Z'),
        }),
      ],
      { name: 'Leerkring', refreshMinutes: 60 },
    );

    expect(sut).toContain('METHOD:PUBLISH');
    expect(sut).not.toContain('METHOD:REQUEST');
    expect(sut).not.toContain('ATTENDEE');
    const calendar = new ICAL.Component(ICAL.parse(sut));
    const vtimezones = calendar.getAllSubcomponents('vtimezone');
    expect(vtimezones).toHaveLength(1);
    const zone = new ICAL.Timezone(vtimezones[0]);
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
      const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
      start.zone = zone;
      return {
        uid: vevent.getFirstPropertyValue('uid'),
        sequence: vevent.getFirstPropertyValue('sequence'),
        status: vevent.getFirstPropertyValue('status'),
        start: start.toJSDate().toISOString(),
      };
    });
    expect(events).toEqual([
      { uid: 'a1@leerkring.test', sequence: 2, status: 'CONFIRMED', start: '2026-10-26T09:00:00.000Z' },
      { uid: 'a2@leerkring.test', sequence: 0, status: 'CANCELLED', start: '2026-07-01T08:00:00.000Z' },
    ]);
  });

  it('is a valid empty calendar when there is nothing to show', () => {
    const sut = buildCalendarFeed([], { name: 'Leerkring', refreshMinutes: 60 });

    const calendar = new ICAL.Component(ICAL.parse(sut));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
  });
});
