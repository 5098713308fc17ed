import { DateTime, IANAZone } from 'luxon';

/**
 * Calendar dates ('YYYY-MM-DD') as plain strings: a school closure is a date, not an instant.
 * Fixed-width strings compare correctly with < and >, so ranges need no Date objects. All the
 * arithmetic here is zone-free (UTC), except `dateInZone`, which asks "what date is it in
 * Amsterdam at this instant".
 */
export type CalendarDate = string;

/** The zone of Dutch schools, and the default zone of wall-clock times. */
export const AMSTERDAM = 'Europe/Amsterdam';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real date written as YYYY-MM-DD (so 2026-02-30 is refused). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') {
    return false;
  }
  const match = DATE_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function toUtcMs(date: CalendarDate): number {
  if (!isCalendarDate(date)) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  }
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Every date from `from` to `to`, both included. */
export function eachDate(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let ms = toUtcMs(from), end = toUtcMs(to); ms <= end; ms += DAY_MS) {
    dates.push(fromUtcMs(ms));
  }
  return dates;
}

/**
 * The Dutch school year a date belongs to, as Rijksoverheid writes it ("2026-2027"). A school
 * year runs from 1 August to 31 July, so every summer holiday ends the year it starts in.
 */
export function schoolYearOf(date: CalendarDate): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/** "2026-2027": two consecutive years. */
export function isSchoolYear(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  const match = /^(\d{4})-(\d{4})$/.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

/** The first and last date of a school year. */
export function schoolYearRange(schoolYear: string): { from: CalendarDate; to: CalendarDate } {
  const first = Number(schoolYear.slice(0, 4));
  return { from: `${first}-08-01`, to: `${first + 1}-07-31` };
}

/** The calendar date at this instant in the zone (Europe/Amsterdam unless told otherwise). */
export function dateInZone(instant: Date, zone: string = AMSTERDAM): CalendarDate {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) {
    throw new RangeError(`Cannot place ${instant.toISOString()} in zone ${zone}`);
  }
  return local.toISODate();
}

/** True for a zone name the time zone database knows, e.g. Europe/Amsterdam. */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && IANAZone.isValidZone(value);
}
