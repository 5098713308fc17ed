import { isoWeekday, type CalendarDate, type TimeRange } from '@leerkring/people';

/** The grid of the common-slot finder: half hours of the wall clock. */
export const SLOT_MINUTES = 30;
export const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES;
const SLOT_MS = SLOT_MINUTES * 60_000;

/**
 * One member's free half hours over the range: `free[dateIndex * SLOTS_PER_DAY + slot]` is 1
 * when the member is free for that whole half hour (working hours, minus unavailability and
 * appointments). Built once per search; every candidate is scored against these arrays.
 */
export interface MemberGrid {
  personId: string;
  free: Uint8Array;
}

/**
 * Marks the half hours of each date that lie wholly inside one of `ranges` (sorted, disjoint).
 * `midnights[i]` is the instant the wall clock shows 00:00 on `dates[i]`; a half hour is placed
 * as midnight plus k × 30 minutes, which is exact on every day without a clock change (the
 * changes fall on Sundays, which are never candidates).
 */
export function gridOf(personId: string, midnights: readonly number[], ranges: readonly TimeRange[]): MemberGrid {
  const free = new Uint8Array(midnights.length * SLOTS_PER_DAY);
  let r = 0;
  for (let d = 0; d < midnights.length; d += 1) {
    for (let k = 0; k < SLOTS_PER_DAY; k += 1) {
      const start = midnights[d] + k * SLOT_MS;
      while (r < ranges.length && ranges[r].end.getTime() <= start) {
        r += 1;
      }
      if (r < ranges.length && ranges[r].start.getTime() <= start && start + SLOT_MS <= ranges[r].end.getTime()) {
        free[d * SLOTS_PER_DAY + k] = 1;
      }
    }
  }
  return { personId, free };
}

export interface CommonSlotSearch {
  /** Every date of the range, consecutive. */
  dates: readonly CalendarDate[];
  /** Per date: 1 when any member's school (or the meeting place) is closed, or it is a weekend. */
  closed: Uint8Array;
  members: readonly MemberGrid[];
  durationMinutes: number;
  cadences: readonly number[];
  /** Earliest start and latest end, in minutes of the day. */
  dayStartMinute: number;
  dayEndMinute: number;
  /** How many candidates to return; conflicts are listed for these. */
  top: number;
}

export interface CommonSlot {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  startMinute: number;
  cadenceWeeks: number;
  /** The first date of the series (its phase). */
  firstDate: CalendarDate;
  /** Open dates the series would meet on (closures skipped). */
  occurrences: number;
  /** Of those, the dates on which everyone is free for the whole meeting. */
  freeOccurrences: number;
  /** Per member: the occurrence dates on which they are not free. */
  conflicts: Array<{ personId: string; dates: CalendarDate[] }>;
}

/**
 * Ranks recurring slots (weekday, start on the half-hour grid, cadence, phase) by the number of
 * occurrences on which every member is free for the whole meeting; ties by the share of free
 * occurrences, then the shorter cadence, weekday and start. Per (weekday, start, cadence) only
 * the best phase is kept, so the list offers real alternatives.
 */
export function rankCommonSlots(search: CommonSlotSearch): CommonSlot[] {
  const days = search.dates.length;
  const length = Math.ceil(search.durationMinutes / SLOT_MINUTES);
  const firstSlot = Math.ceil(search.dayStartMinute / SLOT_MINUTES);
  const lastSlot = Math.floor(search.dayEndMinute / SLOT_MINUTES) - length;
  // Everyone free, then per (date, slot) the number of consecutive everyone-free half hours.
  const run = new Uint8Array(days * SLOTS_PER_DAY);
  for (let d = 0; d < days; d += 1) {
    if (search.closed[d]) {
      continue;
    }
    let streak = 0;
    for (let k = SLOTS_PER_DAY - 1; k >= 0; k -= 1) {
      const index = d * SLOTS_PER_DAY + k;
      let all = 1;
      for (const member of search.members) {
        all &= member.free[index];
      }
      streak = all ? streak + 1 : 0;
      run[index] = Math.min(streak, 255);
    }
  }
  // The dates of each weekday, in order: week i of that weekday.
  const byWeekday = new Map<number, number[]>();
  for (let d = 0; d < days; d += 1) {
    const weekday = isoWeekday(search.dates[d]);
    if (weekday <= 5) {
      byWeekday.set(weekday, [...(byWeekday.get(weekday) ?? []), d]);
    }
  }
  const ranked: Array<Omit<CommonSlot, 'conflicts'> & { dateIndexes: number[] }> = [];
  for (const [weekday, weekDates] of byWeekday) {
    for (const cadence of search.cadences) {
      for (let k = firstSlot; k <= lastSlot; k += 1) {
        let best: { phase: number; occurrences: number; free: number } | null = null;
        for (let phase = 0; phase < cadence && phase < weekDates.length; phase += 1) {
          let occurrences = 0;
          let free = 0;
          for (let i = phase; i < weekDates.length; i += cadence) {
            const d = weekDates[i];
            if (search.closed[d]) {
              continue;
            }
            occurrences += 1;
            if (run[d * SLOTS_PER_DAY + k] >= length) {
              free += 1;
            }
          }
          if (!best || free > best.free || (free === best.free && occurrences < best.occurrences)) {
            best = { phase, occurrences, free };
          }
        }
        if (best && best.free > 0) {
          const dateIndexes: number[] = [];
          for (let i = best.phase; i < weekDates.length; i += cadence) {
            if (!search.closed[weekDates[i]]) {
              dateIndexes.push(weekDates[i]);
            }
          }
          ranked.push({
            weekday,
            startMinute: k * SLOT_MINUTES,
            cadenceWeeks: cadence,
            firstDate: search.dates[weekDates[best.phase]],
            occurrences: best.occurrences,
            freeOccurrences: best.free,
            dateIndexes,
          });
        }
      }
    }
  }
  ranked.sort(
    (a, b) =>
      b.freeOccurrences - a.freeOccurrences ||
      b.freeOccurrences / b.occurrences - a.freeOccurrences / a.occurrences ||
      a.cadenceWeeks - b.cadenceWeeks ||
      a.weekday - b.weekday ||
      a.startMinute - b.startMinute,
  );
  return ranked.slice(0, search.top).map(({ dateIndexes, ...slot }) => ({
    ...slot,
    conflicts: search.members
      .map((member) => ({
        personId: member.personId,
        dates: dateIndexes
          .filter((d) => {
            for (let j = 0; j < length; j += 1) {
              if (!member.free[d * SLOTS_PER_DAY + slot.startMinute / SLOT_MINUTES + j]) {
                return true;
              }
            }
            return false;
          })
          .map((d) => search.dates[d]),
      }))
      .filter((conflict) => conflict.dates.length > 0),
  }));
}
