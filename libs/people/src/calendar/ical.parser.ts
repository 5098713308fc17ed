import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { FieldProblem } from '@leerkring/core';
import { addDays, AMSTERDAM, daysBetween, isTimeZone, schoolYearOf, type CalendarDate } from './calendar-date';
import type { ClosureDraft, ParseResult } from './closure-draft';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTime = InstanceType<typeof ICAL.Time>;

/** What one import of a school's iCalendar file asks for. */
export interface IcalImport {
  /** Closures to create or update, keyed `{schoolId}/{UID}` (`/{date}` added per occurrence of a series). */
  closures: ClosureDraft[];
  /** Keys of events the file marks STATUS:CANCELLED: their closures are removed. */
  cancelledKeys: string[];
}

export const MAX_ICAL_CLOSURES = 1_000;
const MAX_OCCURRENCES = 400;
const MAX_CLOSURE_DAYS = 100;
const MAX_UID_LENGTH = 255;
const DEFAULT_NAME = 'Studiedag';

function tidy(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function wallClockDate(time: IcalTime): CalendarDate {
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
}

/**
 * The instant of a timed value, when it names one: UTC (`Z`), a zone the file defines in a
 * VTIMEZONE (Outlook's "W. Europe Standard Time"), or an IANA zone name without a VTIMEZONE
 * (`TZID=Europe/Amsterdam`). Null for floating time, which we read as Amsterdam wall-clock time.
 */
function instantOf(time: IcalTime, tzidParameter: string | undefined): Date | null {
  const zoneId = time.zone?.tzid;
  if (zoneId && zoneId !== 'floating') {
    return new Date(time.toUnixTime() * 1000);
  }
  const tzid = tzidParameter ?? (time as IcalTime & { timezone?: string }).timezone;
  if (tzid && isTimeZone(tzid)) {
    const local = DateTime.fromObject(
      { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second },
      { zone: tzid },
    );
    return local.isValid ? local.toJSDate() : null;
  }
  return null;
}

/** The date in Amsterdam of a timed value; `beforeEnd` takes the last moment before it (for exclusive ends). */
function amsterdamDate(time: IcalTime, tzidParameter: string | undefined, beforeEnd = false): CalendarDate {
  const instant = instantOf(time, tzidParameter);
  if (instant) {
    const local = DateTime.fromMillis(instant.getTime() - (beforeEnd ? 1 : 0), { zone: AMSTERDAM });
    return local.toISODate() as string;
  }
  const floating = DateTime.fromObject(
    { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second },
    { zone: 'UTC' },
  ).minus({ milliseconds: beforeEnd ? 1 : 0 });
  return floating.toISODate() as string;
}

/**
 * The closed dates of one occurrence. All-day events (VALUE=DATE) keep their dates, with DTEND
 * exclusive as RFC 5545 says; timed events close the dates they touch in Europe/Amsterdam (an
 * event ending at midnight does not close the next day).
 */
function datesOf(
  start: IcalTime,
  end: IcalTime | null,
  tzid: { start?: string; end?: string },
): { startDate: CalendarDate; endDate: CalendarDate } | { error: string } {
  if (start.isDate) {
    const startDate = wallClockDate(start);
    if (!end) {
      return { startDate, endDate: startDate };
    }
    const exclusiveEnd = end.isDate ? wallClockDate(end) : amsterdamDate(end, tzid.end, true);
    const endDate = end.isDate ? addDays(exclusiveEnd, -1) : exclusiveEnd;
    if (endDate < startDate) {
      return exclusiveEnd < startDate ? { error: 'DTEND is before DTSTART' } : { startDate, endDate: startDate };
    }
    return { startDate, endDate };
  }
  const startDate = amsterdamDate(start, tzid.start);
  if (!end) {
    return { startDate, endDate: startDate };
  }
  const startInstant = instantOf(start, tzid.start);
  const endInstant = instantOf(end, tzid.end);
  const endsAfterStart =
    startInstant && endInstant ? endInstant > startInstant : end.compare(start) > 0 || end.isDate !== start.isDate;
  if (!endsAfterStart) {
    if (end.compare(start) < 0) {
      return { error: 'DTEND is before DTSTART' };
    }
    return { startDate, endDate: startDate };
  }
  const endDate = amsterdamDate(end, tzid.end, true);
  return endDate < startDate ? { error: 'DTEND is before DTSTART' } : { startDate, endDate };
}

interface EventInput {
  index: number;
  component: IcalComponent;
  uid: string;
}

function describe(event: EventInput): string {
  const summary = tidy(event.component.getFirstPropertyValue('summary'));
  return `event ${event.index + 1}${summary ? ` "${summary}"` : ''}${event.uid ? ` (UID ${event.uid})` : ''}`;
}

function isCancelled(component: IcalComponent): boolean {
  return tidy(component.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED';
}

/**
 * Reads a VCALENDAR of a school's study days. Each VEVENT becomes a study day closure of the
 * school, keyed by its UID, so importing the same file again changes nothing and importing a
 * newer version updates the changed events. A recurring event (RRULE) becomes one closure per
 * occurrence. Events marked STATUS:CANCELLED remove their closure.
 */
export function parseIcal(text: string, schoolId: string): ParseResult<IcalImport> {
  const problems: FieldProblem[] = [];
  let root: IcalComponent;
  try {
    const parsed: unknown = ICAL.parse(text);
    if (!Array.isArray(parsed) || parsed.length === 0 || typeof parsed[0] !== 'string') {
      return { ok: false, problems: [{ field: 'body', messages: ['is not an iCalendar file (BEGIN:VCALENDAR)'] }] };
    }
    root = new ICAL.Component(parsed);
  } catch (error) {
    return {
      ok: false,
      problems: [{ field: 'body', messages: [`is not a valid iCalendar file: ${(error as Error).message}`] }],
    };
  }
  if (root.name !== 'vcalendar') {
    return {
      ok: false,
      problems: [{ field: 'body', messages: ['must be a VCALENDAR (BEGIN:VCALENDAR ... END:VCALENDAR)'] }],
    };
  }

  const events: EventInput[] = root.getAllSubcomponents('vevent').map((component, index) => ({
    index,
    component,
    uid: tidy(component.getFirstPropertyValue('uid')),
  }));
  const byUid = new Map<string, { master?: EventInput; exceptions: EventInput[] }>();
  for (const event of events) {
    const field = `events.${event.index}`;
    if (!event.uid) {
      problems.push({ field: `${field}.uid`, messages: [`${describe(event)} has no UID`] });
      continue;
    }
    if (event.uid.length > MAX_UID_LENGTH) {
      problems.push({
        field: `${field}.uid`,
        messages: [`${describe(event)} has a UID over ${MAX_UID_LENGTH} characters`],
      });
      continue;
    }
    const group = byUid.get(event.uid) ?? { exceptions: [] };
    if (event.component.hasProperty('recurrence-id')) {
      group.exceptions.push(event);
    } else if (group.master) {
      problems.push({
        field: `${field}.uid`,
        messages: [`${describe(event)} repeats the UID of event ${group.master.index + 1}`],
      });
      continue;
    } else {
      group.master = event;
    }
    byUid.set(event.uid, group);
  }

  const closures: ClosureDraft[] = [];
  const cancelledKeys: string[] = [];
  const draft = (event: EventInput, key: string, dates: { startDate: string; endDate: string }): ClosureDraft => ({
    kind: 'study_day',
    name: tidy(event.component.getFirstPropertyValue('summary')).slice(0, 200) || DEFAULT_NAME,
    startDate: dates.startDate,
    endDate: dates.endDate,
    scope: 'school',
    region: null,
    schoolId,
    schoolYear: schoolYearOf(dates.startDate),
    source: 'ical',
    sourceKey: key,
  });
  const check = (
    event: EventInput,
    dates: ReturnType<typeof datesOf>,
  ): dates is { startDate: string; endDate: string } => {
    if ('error' in dates) {
      problems.push({ field: `events.${event.index}.dtend`, messages: [`${describe(event)}: ${dates.error}`] });
      return false;
    }
    if (daysBetween(dates.startDate, dates.endDate) >= MAX_CLOSURE_DAYS) {
      problems.push({
        field: `events.${event.index}.dtend`,
        messages: [`${describe(event)} lasts longer than ${MAX_CLOSURE_DAYS} days`],
      });
      return false;
    }
    return true;
  };

  for (const [uid, group] of byUid) {
    const baseKey = `${schoolId}/${uid}`;
    const master = group.master;
    try {
      if (!master) {
        // Changed occurrences without their series: each stands on its own.
        for (const exception of group.exceptions) {
          const recurrence = exception.component.getFirstPropertyValue('recurrence-id') as IcalTime;
          const key = `${baseKey}/${wallClockDate(recurrence)}`;
          if (isCancelled(exception.component)) {
            cancelledKeys.push(key);
            continue;
          }
          const single = new ICAL.Event(exception.component);
          const dates = datesOf(single.startDate, single.endDate, tzidsOf(exception.component));
          if (check(exception, dates)) {
            closures.push(draft(exception, key, dates));
          }
        }
        continue;
      }
      const startProperty = master.component.getFirstProperty('dtstart');
      if (!startProperty) {
        problems.push({ field: `events.${master.index}.dtstart`, messages: [`${describe(master)} has no DTSTART`] });
        continue;
      }
      const event = new ICAL.Event(master.component);
      for (const exception of group.exceptions) {
        event.relateException(exception.component);
      }
      if (!event.isRecurring()) {
        if (isCancelled(master.component)) {
          cancelledKeys.push(baseKey);
          continue;
        }
        const dates = datesOf(
          event.startDate,
          master.component.hasProperty('dtend') || master.component.hasProperty('duration') ? event.endDate : null,
          tzidsOf(master.component),
        );
        if (check(master, dates)) {
          closures.push(draft(master, baseKey, dates));
        }
        continue;
      }
      const limit = event.startDate.clone();
      limit.year += 5;
      const iterator = event.iterator();
      let count = 0;
      for (let next = iterator.next(); next && next.compare(limit) < 0; next = iterator.next()) {
        count += 1;
        if (count > MAX_OCCURRENCES) {
          problems.push({
            field: `events.${master.index}.rrule`,
            messages: [`${describe(master)} repeats more than ${MAX_OCCURRENCES} times`],
          });
          break;
        }
        const details = event.getOccurrenceDetails(next);
        const item =
          details.item.component === master.component
            ? master
            : (group.exceptions.find((candidate) => candidate.component === details.item.component) ?? master);
        const key = `${baseKey}/${wallClockDate(details.recurrenceId)}`;
        if (isCancelled(master.component) || isCancelled(item.component)) {
          cancelledKeys.push(key);
          continue;
        }
        const dates = datesOf(details.startDate, details.endDate, tzidsOf(item.component));
        if (check(item, dates)) {
          closures.push(draft(item, key, dates));
        }
      }
    } catch (error) {
      const event = master ?? group.exceptions[0];
      problems.push({
        field: `events.${event.index}`,
        messages: [`${describe(event)} cannot be read: ${(error as Error).message}`],
      });
    }
  }

  if (closures.length > MAX_ICAL_CLOSURES) {
    problems.push({ field: 'body', messages: [`holds more than ${MAX_ICAL_CLOSURES} closures`] });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { closures, cancelledKeys } };
}

function tzidsOf(component: IcalComponent): { start?: string; end?: string } {
  const parameter = (name: string): string | undefined => {
    const value = component.getFirstProperty(name)?.getParameter('tzid');
    return typeof value === 'string' ? value : undefined;
  };
  return { start: parameter('dtstart'), end: parameter('dtend') ?? parameter('dtstart') };
}
