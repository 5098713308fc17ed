import ICAL from 'ical.js';
import { buildIcs, type IcsEvent } from '@leerkring/notifications';

export interface FeedOptions {
  /** Shown by calendar apps as the subscribed calendar's name (X-WR-CALNAME). */
  name: string;
  /** How often a calendar app should fetch it again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshMinutes: number;
}

export type FeedEvent = Omit<IcsEvent, 'method' | 'attendees'>;

/**
 * A subscribable calendar (METHOD:PUBLISH) with one VEVENT per appointment. Each event is made
 * by `buildIcs`, the builder of the invitations, so UID, SEQUENCE, times, the VTIMEZONE and
 * STATUS are exactly those of the mails; only the iTIP parts are left out: no METHOD:REQUEST,
 * no ATTENDEEs (a published event has none, and a feed URL should not list other people's
 * addresses). One VTIMEZONE per zone.
 */
export function buildCalendarFeed(events: FeedEvent[], options: FeedOptions): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Leerkring//Leerkring//NL');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  calendar.updatePropertyWithValue('x-wr-calname', options.name);
  const refresh = new ICAL.Property('refresh-interval');
  refresh.setParameter('value', 'DURATION');
  refresh.setValue(`PT${options.refreshMinutes}M`);
  calendar.addProperty(refresh);
  calendar.updatePropertyWithValue('x-published-ttl', `PT${options.refreshMinutes}M`);

  const zones = new Set<string>();
  const vevents: ICAL.Component[] = [];
  for (const event of events) {
    const single = new ICAL.Component(ICAL.parse(buildIcs({ ...event, method: 'REQUEST', attendees: [] })));
    for (const vtimezone of single.getAllSubcomponents('vtimezone')) {
      const tzid = String(vtimezone.getFirstPropertyValue('tzid'));
      if (!zones.has(tzid)) {
        zones.add(tzid);
        calendar.addSubcomponent(vtimezone);
      }
    }
    vevents.push(...single.getAllSubcomponents('vevent'));
  }
  for (const vevent of vevents) {
    calendar.addSubcomponent(vevent);
  }
  return calendar.toString() + '\r\n';
}
