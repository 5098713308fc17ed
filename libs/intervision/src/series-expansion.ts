import { Frequency, RRule } from 'rrule';
import {
  addDays,
  daysBetween,
  instantAtWallClock,
  isCalendarDate,
  parseWallClock,
  type CalendarDate,
} from '@leerkring/people';
import type { ClosurePolicy, SkippedDate } from './intervision.entities';

/** At most this many occurrences per series: a school year of weekly meetings fits. */
export const MAX_OCCURRENCES = 60;
/** A series may run at most this long. */
export const MAX_SERIES_DAYS = 400;

/** A recurrence in wall-clock time: the rule gives dates, each is placed at `startTime` in `zone`. */
export interface SeriesRule {
  /** RFC 5545 RRULE body, weekly only: FREQ=WEEKLY;INTERVAL=3;BYDAY=TU (an RRULE: prefix is allowed). */
  rrule: string;
  startsOn: CalendarDate;
  until: CalendarDate;
  /** "HH:MM" */
  startTime: string;
  durationMinutes: number;
  zone: string;
}

export interface Occurrence {
  /** The date it takes place. */
  date: CalendarDate;
  /** The date the rule gave, when the closure policy shifted it. */
  originalDate: CalendarDate | null;
  startsAt: Date;
  endsAt: Date;
}

export interface Expansion {
  occurrences: Occurrence[];
  skipped: SkippedDate[];
}

export class SeriesRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const ALLOWED_PARTS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'WKST', 'UNTIL']);

/** The rule's parts, checked: weekly, an interval of 1 to 8 weeks, weekdays only by BYDAY. */
export function parseSeriesRule(text: string): { interval: number; byDay: string[]; count: number | null } {
  const body = text.trim().replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length > 0 || !ALLOWED_PARTS.has(key.toUpperCase())) {
      throw new SeriesRuleError('rrule', `unsupported rule part: ${part}`);
    }
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  if (parts.get('FREQ') !== 'WEEKLY') {
    throw new SeriesRuleError('rrule', 'only FREQ=WEEKLY rules are supported');
  }
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!Number.isInteger(interval) || interval < 1 || interval > 8) {
    throw new SeriesRuleError('rrule', 'INTERVAL must be 1 to 8 weeks');
  }
  const byDay = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  if (byDay.length === 0 || byDay.some((day) => !['MO', 'TU', 'WE', 'TH', 'FR'].includes(day))) {
    throw new SeriesRuleError('rrule', 'BYDAY must name school weekdays (MO, TU, WE, TH, FR)');
  }
  const count = parts.has('COUNT') ? Number(parts.get('COUNT')) : null;
  if (count !== null && (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES)) {
    throw new SeriesRuleError('rrule', `COUNT must be 1 to ${MAX_OCCURRENCES}`);
  }
  return { interval, byDay, count };
}

const RRULE_DAYS = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR } as const;

function utcMidnight(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The dates the rule gives in [startsOn, until], as floating dates: rrule works on "UTC" dates
 * that stand for calendar dates here, so no zone enters until each date is placed on the wall clock.
 */
export function ruleDates(rule: Pick<SeriesRule, 'rrule' | 'startsOn' | 'until'>): CalendarDate[] {
  if (!isCalendarDate(rule.startsOn) || !isCalendarDate(rule.until)) {
    throw new SeriesRuleError('startsOn', 'startsOn and until are dates written as YYYY-MM-DD');
  }
  if (rule.until < rule.startsOn) {
    throw new SeriesRuleError('until', 'until must not be before startsOn');
  }
  if (daysBetween(rule.startsOn, rule.until) > MAX_SERIES_DAYS) {
    throw new SeriesRuleError('until', `a series runs at most ${MAX_SERIES_DAYS} days`);
  }
  const { interval, byDay, count } = parseSeriesRule(rule.rrule);
  const recurrence = new RRule({
    freq: Frequency.WEEKLY,
    interval,
    byweekday: byDay.map((day) => RRULE_DAYS[day as keyof typeof RRULE_DAYS]),
    wkst: RRule.MO,
    dtstart: utcMidnight(rule.startsOn),
    until: new Date(`${rule.until}T23:59:59Z`),
    ...(count !== null ? { count } : {}),
  });
  const dates = recurrence.all((_, index) => index < MAX_OCCURRENCES).map((date) => date.toISOString().slice(0, 10));
  return dates;
}

/**
 * Expands a series: each date of the rule placed at the same wall-clock time in the zone (so a
 * 15:30 meeting stays at 15:30 across the DST change), dates on which `closed` says a school of
 * the group is closed (any member's, or the meeting place's; weekends too) skipped or, with the
 * shift policy, moved to the next open date that comes before the rule's next date and within
 * the series. A date that cannot be shifted is skipped. Skipped dates are listed.
 */
export function expandSeries(
  rule: SeriesRule,
  closed: (date: CalendarDate) => boolean,
  policy: ClosurePolicy,
): Expansion {
  const start = parseWallClock(rule.startTime);
  if (start === null) {
    throw new SeriesRuleError('startTime', 'startTime is a time written as HH:MM');
  }
  if (!Number.isInteger(rule.durationMinutes) || rule.durationMinutes < 15 || rule.durationMinutes > 480) {
    throw new SeriesRuleError('durationMinutes', 'durationMinutes must be 15 to 480');
  }
  const dates = ruleDates(rule);
  const occurrences: Occurrence[] = [];
  const skipped: SkippedDate[] = [];
  const taken = new Set(dates);
  for (const [index, date] of dates.entries()) {
    let placedOn: CalendarDate | null = date;
    if (closed(date)) {
      placedOn = null;
      if (policy === 'shift') {
        const limit = dates[index + 1] ?? addDays(rule.until, 1);
        for (let next = addDays(date, 1); next < limit; next = addDays(next, 1)) {
          if (!closed(next) && !taken.has(next)) {
            placedOn = next;
            break;
          }
        }
      }
      skipped.push(placedOn ? { date, reason: 'closed', shiftedTo: placedOn } : { date, reason: 'closed' });
      if (!placedOn) {
        continue;
      }
      taken.add(placedOn);
    }
    occurrences.push({
      date: placedOn,
      originalDate: placedOn === date ? null : date,
      ...place(placedOn, start, rule.durationMinutes, rule.zone),
    });
  }
  return { occurrences, skipped };
}

export function place(
  date: CalendarDate,
  startMinute: number,
  durationMinutes: number,
  zone: string,
): { startsAt: Date; endsAt: Date } {
  const startsAt = instantAtWallClock(date, startMinute, zone);
  // The end on the wall clock as well: a meeting 15:30–17:00 ends at 17:00 whatever the date.
  const endMinute = startMinute + durationMinutes;
  const endsAt = instantAtWallClock(date, endMinute, zone);
  return { startsAt, endsAt };
}

/**
 * "From this date onward": the occurrences of the old series before `from` stay as they are;
 * the new rule is expanded from `from` (or its own start, if later). A new date that an earlier
 * occurrence already has is skipped as taken.
 */
export function replaceFrom(
  old: readonly Occurrence[],
  from: CalendarDate,
  rule: SeriesRule,
  closed: (date: CalendarDate) => boolean,
  policy: ClosurePolicy,
): { kept: Occurrence[]; replaced: Occurrence[]; added: Expansion } {
  const kept = old.filter((occurrence) => (occurrence.originalDate ?? occurrence.date) < from);
  const replaced = old.filter((occurrence) => (occurrence.originalDate ?? occurrence.date) >= from);
  const startsOn = rule.startsOn > from ? rule.startsOn : from;
  const expansion = expandSeries({ ...rule, startsOn }, closed, policy);
  const keptDates = new Set(kept.map((occurrence) => occurrence.date));
  const occurrences = expansion.occurrences.filter((occurrence) => !keptDates.has(occurrence.date));
  const taken = expansion.occurrences
    .filter((occurrence) => keptDates.has(occurrence.date))
    .map((occurrence): SkippedDate => ({ date: occurrence.date, reason: 'taken' }));
  return { kept, replaced, added: { occurrences, skipped: [...expansion.skipped, ...taken] } };
}
