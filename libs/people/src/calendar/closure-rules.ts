import type { HolidayRegion } from '../schools/school.entity';
import type { CalendarDate } from './calendar-date';
import type { ClosureKind, ClosureScope } from './closure.entity';

/** What the rules need of a closure; `Closure` rows and import drafts both fit. */
export interface ClosureRange {
  kind: ClosureKind;
  scope: ClosureScope;
  region: HolidayRegion | null;
  schoolId: string | null;
  startDate: CalendarDate;
  endDate: CalendarDate;
  name: string;
}

/** What the rules need of a school. */
export interface CalendarSchool {
  id: string;
  holidayRegion: HolidayRegion;
}

/**
 * Does this closure apply to this school? National closures apply to every school, region
 * closures to the schools of that holiday region, school closures to that school only.
 */
export function appliesTo(closure: ClosureRange, school: CalendarSchool): boolean {
  switch (closure.scope) {
    case 'national':
      return true;
    case 'region':
      return closure.region === school.holidayRegion;
    case 'school':
      return closure.schoolId === school.id;
  }
}

/** Both ends included. */
export function coversDate(closure: ClosureRange, date: CalendarDate): boolean {
  return closure.startDate <= date && date <= closure.endDate;
}

/** Do the closure's dates and [from, to] share a day? */
export function overlapsDates(closure: ClosureRange, from: CalendarDate, to: CalendarDate): boolean {
  return closure.startDate <= to && from <= closure.endDate;
}

const SCOPE_ORDER: Record<ClosureScope, number> = { school: 0, region: 1, national: 2 };
const KIND_ORDER: Record<ClosureKind, number> = { study_day: 0, holiday: 1, public_holiday: 2 };

/**
 * The order in which closures answer "why is the school closed": the most specific first (the
 * school's own study day, then its region's holiday, then national ones), then study days before
 * holidays before public holidays, then the earliest start, then the name.
 */
export function bySpecificity(a: ClosureRange, b: ClosureRange): number {
  return (
    SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.startDate.localeCompare(b.startDate) ||
    a.endDate.localeCompare(b.endDate) ||
    a.name.localeCompare(b.name)
  );
}

/** Chronological: by start, then end, then the more specific first. */
export function byStart(a: ClosureRange, b: ClosureRange): number {
  return a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate) || bySpecificity(a, b);
}

/**
 * The closure that makes the school closed on this date, or null when it is open. When several
 * apply (Koningsdag inside the meivakantie) the most specific one answers (see `bySpecificity`).
 */
export function closureOn<T extends ClosureRange>(
  closures: readonly T[],
  school: CalendarSchool,
  date: CalendarDate,
): T | null {
  const applicable = closures.filter((closure) => appliesTo(closure, school) && coversDate(closure, date));
  return applicable.sort(bySpecificity)[0] ?? null;
}

/** The closures of the school that share at least one day with [from, to], chronologically. */
export function closuresOverlapping<T extends ClosureRange>(
  closures: readonly T[],
  school: CalendarSchool,
  from: CalendarDate,
  to: CalendarDate,
): T[] {
  return closures.filter((closure) => appliesTo(closure, school) && overlapsDates(closure, from, to)).sort(byStart);
}
