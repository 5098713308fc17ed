import { AMSTERDAM, dateInZone, eachDate, isoWeekday, addDays, type CalendarDate } from '../calendar/calendar-date';
import { instantAtWallClock, isoWeekdayOf, parseWallClock, type Weekday } from './wall-clock';

/** One block of working hours in a week, in wall-clock time: Monday 08:15–15:00. */
export interface WorkingBlock {
  weekday: Weekday;
  /** "HH:MM" */
  start: string;
  /** "HH:MM", after start; "24:00" for the end of the day. */
  end: string;
}

/** A person's week: any number of blocks per weekday (part-timers often work half days). */
export type WeeklyPattern = readonly WorkingBlock[];

/** A half-open range of instants: [start, end). */
export interface TimeRange {
  start: Date;
  end: Date;
}

/** One-off unavailability (a course, leave, sick), as stored: UTC instants. */
export interface UnavailableRange {
  startsAt: Date;
  endsAt: Date;
}

/** Both ends included. */
export interface DayRange {
  from: CalendarDate;
  to: CalendarDate;
}

function blockMinutes(block: WorkingBlock): { start: number; end: number } {
  const start = parseWallClock(block.start);
  const end = parseWallClock(block.end, true);
  if (start === null || end === null) {
    throw new RangeError(`Not a working block: ${block.weekday} ${block.start}–${block.end}`);
  }
  return { start, end };
}

/** Sorted, with overlapping and touching ranges joined. */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: TimeRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) {
      if (range.end > last.end) {
        last.end = range.end;
      }
    } else {
      merged.push({ start: range.start, end: range.end });
    }
  }
  return merged;
}

/** `ranges` minus `holes`; both may be in any order. One pass over both, sorted. */
export function subtractRanges(ranges: readonly TimeRange[], holes: readonly TimeRange[]): TimeRange[] {
  const cuts = mergeRanges(holes);
  const result: TimeRange[] = [];
  let first = 0; // cuts before this one end before every range still to come
  for (const range of mergeRanges(ranges)) {
    while (first < cuts.length && cuts[first].end <= range.start) {
      first += 1;
    }
    let start = range.start;
    for (let index = first; index < cuts.length && cuts[index].start < range.end; index += 1) {
      const cut = cuts[index];
      if (cut.end <= start) {
        continue;
      }
      if (cut.start > start) {
        result.push({ start, end: cut.start });
      }
      start = cut.end;
    }
    if (start < range.end) {
      result.push({ start, end: range.end });
    }
  }
  return result;
}

/**
 * The instants the pattern says the person works on the given dates: each block placed on each
 * date with its weekday, in wall-clock time of `zone`, so a block at 15:30 is at 15:30 local time
 * on both sides of a DST change (13:30 or 14:30 UTC). Joined where blocks touch.
 */
export function workingRanges(pattern: WeeklyPattern, dayRange: DayRange, zone: string = AMSTERDAM): TimeRange[] {
  const ranges: TimeRange[] = [];
  for (const date of eachDate(dayRange.from, dayRange.to)) {
    const weekday = isoWeekday(date);
    for (const block of pattern) {
      if (isoWeekdayOf(block.weekday) !== weekday) {
        continue;
      }
      const { start, end } = blockMinutes(block);
      ranges.push({ start: instantAtWallClock(date, start, zone), end: instantAtWallClock(date, end, zone) });
    }
  }
  return mergeRanges(ranges);
}

/**
 * When the person is available on these dates (both included): their working hours by the
 * weekly pattern, minus their one-off unavailability. Sorted, disjoint; touching blocks joined.
 */
export function availableBlocks(
  pattern: WeeklyPattern,
  unavailability: readonly UnavailableRange[],
  dayRange: DayRange,
  zone: string = AMSTERDAM,
): TimeRange[] {
  if (dayRange.to < dayRange.from) {
    return [];
  }
  return subtractRanges(
    workingRanges(pattern, dayRange, zone),
    unavailability.map((range) => ({ start: range.startsAt, end: range.endsAt })),
  );
}

/**
 * Is the person available for the whole of [from, to)? True when one available block (working
 * hours minus unavailability, see `availableBlocks`) contains it.
 */
export function isAvailable(
  pattern: WeeklyPattern,
  unavailability: readonly UnavailableRange[],
  from: Date,
  to: Date,
  zone: string = AMSTERDAM,
): boolean {
  if (!(to > from)) {
    throw new RangeError('isAvailable needs from < to');
  }
  // A block may run until 24:00, which is the next date's 00:00: start a day early.
  const dayRange = { from: addDays(dateInZone(from, zone), -1), to: dateInZone(to, zone) };
  return availableBlocks(pattern, unavailability, dayRange, zone).some(
    (block) => block.start <= from && to <= block.end,
  );
}
