import fc from 'fast-check';
import { subtractRanges, type TimeRange } from '@leerkring/people';
import { blockedRanges, clashesWith, findSlots, intersectRanges, type BusyInterval } from './busy-time';

const MINUTE = 60_000;
const BASE = Date.parse('2027-03-08T07:00:00Z');
const at = (minute: number) => new Date(BASE + minute * MINUTE);

/** Ranges on a small minute grid (0..600), so a brute-force check per minute is cheap. */
const rangeArb = fc
  .tuple(fc.integer({ min: 0, max: 590 }), fc.integer({ min: 1, max: 120 }))
  .map(([start, length]): TimeRange => ({ start: at(start), end: at(Math.min(600, start + length)) }));
const rangesArb = fc.array(rangeArb, { maxLength: 8 });

const covers = (ranges: readonly TimeRange[], minute: number) =>
  ranges.some((range) => range.start.getTime() <= at(minute).getTime() && at(minute).getTime() < range.end.getTime());

const busyArb = fc
  .tuple(rangeArb, fc.constantFrom('school-a', 'school-b', null))
  .map(([range, schoolId]): BusyInterval => ({
    appointmentId: 'x',
    personId: 'p',
    startsAt: range.start,
    endsAt: range.end,
    schoolId,
  }));

describe('busy time', () => {
  it('intersectRanges covers exactly the minutes every list covers', () => {
    fc.assert(
      fc.property(fc.array(rangesArb, { minLength: 1, maxLength: 4 }), (lists) => {
        const result = intersectRanges(lists);
        for (let minute = 0; minute < 600; minute += 1) {
          expect(covers(result, minute)).toBe(lists.every((list) => covers(list, minute)));
        }
      }),
    );
  });

  it('subtractRanges covers exactly the minutes of the ranges outside every hole', () => {
    fc.assert(
      fc.property(rangesArb, rangesArb, (ranges, holes) => {
        const result = subtractRanges(ranges, holes);
        for (let minute = 0; minute < 600; minute += 1) {
          expect(covers(result, minute)).toBe(covers(ranges, minute) && !covers(holes, minute));
        }
        for (let i = 1; i < result.length; i += 1) {
          expect(result[i - 1].end.getTime()).toBeLessThanOrEqual(result[i].start.getTime());
        }
      }),
    );
  });

  it('clashesWith finds an overlap exactly when the half-open ranges share a minute', () => {
    fc.assert(
      fc.property(rangeArb, busyArb, fc.integer({ min: 0, max: 60 }), (planned, busy, buffer) => {
        const clashes = clashesWith(
          { startsAt: planned.start, endsAt: planned.end, schoolId: 'school-a' },
          [busy],
          buffer * MINUTE,
        );
        const overlaps = busy.startsAt < planned.end && planned.start < busy.endsAt;
        expect(clashes.some((clash) => clash.kind === 'overlap')).toBe(overlaps);
        if (!overlaps && clashes.length > 0) {
          // Travel is only ever needed between two different schools, and only within the buffer.
          expect(busy.schoolId).toBe('school-b');
          const gap = Math.max(
            planned.start.getTime() - busy.endsAt.getTime(),
            busy.startsAt.getTime() - planned.end.getTime(),
          );
          expect(gap).toBeLessThan(buffer * MINUTE);
        }
      }),
    );
  });

  it('a slot clear of blockedRanges never clashes with the busy time it came from', () => {
    fc.assert(
      fc.property(
        fc.array(busyArb, { maxLength: 6 }),
        rangeArb,
        fc.integer({ min: 0, max: 60 }),
        (busy, slot, buffer) => {
          const blocked = blockedRanges(busy, 'school-a', buffer * MINUTE);
          const free = subtractRanges([slot], blocked);
          for (const part of free) {
            expect(
              clashesWith({ startsAt: part.start, endsAt: part.end, schoolId: 'school-a' }, busy, buffer * MINUTE),
            ).toEqual([]);
          }
        },
      ),
    );
  });

  it('findSlots returns the earliest free, aligned, non-overlapping slots, no more than asked', () => {
    fc.assert(
      fc.property(
        fc.array(rangesArb, { minLength: 1, maxLength: 3 }),
        fc.array(rangesArb, { minLength: 3, maxLength: 3 }),
        fc.constantFrom(15, 30, 60),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 6 }),
        (open, blockedLists, duration, earliestMinute, count) => {
          const blocked = open.map((_, index) => blockedLists[index]);
          const slots = findSlots({
            open,
            blocked,
            durationMs: duration * MINUTE,
            stepMs: 15 * MINUTE,
            earliest: at(earliestMinute),
            count,
          });
          expect(slots.length).toBeLessThanOrEqual(count);
          const free = (minute: number) =>
            open.every((list, index) => covers(list, minute) && !covers(blocked[index], minute));
          let previousEnd = -Infinity;
          for (const slot of slots) {
            const start = (slot.start.getTime() - BASE) / MINUTE;
            expect(slot.end.getTime() - slot.start.getTime()).toBe(duration * MINUTE);
            expect(slot.start.getTime() % (15 * MINUTE)).toBe(0);
            expect(start).toBeGreaterThanOrEqual(earliestMinute);
            expect(start).toBeGreaterThanOrEqual(previousEnd);
            for (let minute = start; minute < start + duration; minute += 1) {
              expect(free(minute)).toBe(true);
            }
            previousEnd = start + duration;
          }
          // Greedy earliest: no aligned start before the first slot would have fitted.
          const firstStart = slots.length > 0 ? (slots[0].start.getTime() - BASE) / MINUTE : 600;
          for (let start = Math.ceil(earliestMinute / 15) * 15; start < firstStart; start += 15) {
            const fits = Array.from({ length: duration }, (_, offset) => start + offset).every(
              (minute) => minute < 600 && free(minute),
            );
            expect(fits).toBe(false);
          }
        },
      ),
    );
  });
});
