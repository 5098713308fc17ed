import { mergeRanges, subtractRanges, type TimeRange } from '@leerkring/people';

/** One appointment a person already takes part in, as far as planning needs to know it. */
export interface BusyInterval {
  appointmentId: string;
  personId: string;
  startsAt: Date;
  endsAt: Date;
  /** Where it takes place; null for online. */
  schoolId: string | null;
}

export type ClashKind = 'overlap' | 'travel';

export interface Clash {
  kind: ClashKind;
  busy: BusyInterval;
}

/** What a new or moved appointment would occupy. */
export interface Occupation {
  startsAt: Date;
  endsAt: Date;
  schoolId: string | null;
}

/**
 * Do two appointments at different schools follow each other too closely for one person to
 * travel between them? Online appointments (no school) need no travel, nor does staying at the
 * same school.
 */
export function needsTravel(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

/**
 * The clashes of `planned` with a person's existing appointments: an overlap (half-open ranges,
 * so back-to-back is fine), or less than `travelBufferMs` between two appointments at different
 * schools. Overlaps first, then by start.
 */
export function clashesWith(planned: Occupation, busy: readonly BusyInterval[], travelBufferMs: number): Clash[] {
  const clashes: Clash[] = [];
  for (const interval of busy) {
    if (interval.startsAt < planned.endsAt && planned.startsAt < interval.endsAt) {
      clashes.push({ kind: 'overlap', busy: interval });
      continue;
    }
    if (!needsTravel(planned.schoolId, interval.schoolId)) {
      continue;
    }
    const gapAfter = planned.startsAt.getTime() - interval.endsAt.getTime();
    const gapBefore = interval.startsAt.getTime() - planned.endsAt.getTime();
    if ((gapAfter >= 0 && gapAfter < travelBufferMs) || (gapBefore >= 0 && gapBefore < travelBufferMs)) {
      clashes.push({ kind: 'travel', busy: interval });
    }
  }
  return clashes.sort(
    (a, b) =>
      Number(a.kind === 'travel') - Number(b.kind === 'travel') ||
      a.busy.startsAt.getTime() - b.busy.startsAt.getTime(),
  );
}

/**
 * The time a person's existing appointments block for a new appointment at `schoolId`: each
 * appointment itself, widened by the travel buffer on both sides when it is at another school.
 */
export function blockedRanges(
  busy: readonly BusyInterval[],
  schoolId: string | null,
  travelBufferMs: number,
): TimeRange[] {
  return mergeRanges(
    busy.map((interval) => {
      const widen = needsTravel(schoolId, interval.schoolId) ? travelBufferMs : 0;
      return {
        start: new Date(interval.startsAt.getTime() - widen),
        end: new Date(interval.endsAt.getTime() + widen),
      };
    }),
  );
}

/** Where all the given lists of ranges overlap. Each list may be in any order. */
export function intersectRanges(lists: readonly (readonly TimeRange[])[]): TimeRange[] {
  if (lists.length === 0) {
    return [];
  }
  let result = mergeRanges(lists[0]);
  for (const list of lists.slice(1)) {
    const other = mergeRanges(list);
    const next: TimeRange[] = [];
    let i = 0;
    let j = 0;
    while (i < result.length && j < other.length) {
      const start = result[i].start > other[j].start ? result[i].start : other[j].start;
      const end = result[i].end < other[j].end ? result[i].end : other[j].end;
      if (start < end) {
        next.push({ start, end });
      }
      if (result[i].end < other[j].end) {
        i += 1;
      } else {
        j += 1;
      }
    }
    result = next;
  }
  return result;
}

export interface SlotSearch {
  /** Per person: when they could meet at all (working hours minus unavailability, school open). */
  open: readonly (readonly TimeRange[])[];
  /** Per person, in the same order: what their existing appointments block. */
  blocked: readonly (readonly TimeRange[])[];
  durationMs: number;
  /** Starts are aligned to this grid (in UTC; every zone we serve has whole-quarter offsets). */
  stepMs: number;
  /** No slot starts before this (now plus the minimum notice). */
  earliest: Date;
  count: number;
}

/**
 * The first `count` slots of `durationMs` where everyone is open and nobody is blocked, earliest
 * first, starting on the `stepMs` grid. Slots do not overlap each other: each next one starts
 * at or after the end of the previous one, so they are real alternatives.
 */
export function findSlots(search: SlotSearch): TimeRange[] {
  const free = intersectRanges(search.open.map((open, index) => subtractRanges(open, search.blocked[index] ?? [])));
  const slots: TimeRange[] = [];
  let notBefore = search.earliest.getTime();
  for (const range of free) {
    let start = alignUp(Math.max(range.start.getTime(), notBefore), search.stepMs);
    while (start + search.durationMs <= range.end.getTime() && slots.length < search.count) {
      slots.push({ start: new Date(start), end: new Date(start + search.durationMs) });
      notBefore = start + search.durationMs;
      start = alignUp(notBefore, search.stepMs);
    }
    if (slots.length >= search.count) {
      break;
    }
  }
  return slots;
}

function alignUp(ms: number, step: number): number {
  return Math.ceil(ms / step) * step;
}
