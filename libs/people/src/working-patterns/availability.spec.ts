import fc from 'fast-check';
import { DateTime } from 'luxon';
import { availableBlocks, isAvailable, mergeRanges, subtractRanges, type WorkingBlock } from './availability';
import { formatWallClock, instantAtWallClock, isoWeekdayOf, WEEKDAYS } from './wall-clock';

const ZONE = 'Europe/Amsterdam';
const STEP_MS = 5 * 60_000;

/** Wall-clock time in Amsterdam, for readable expectations. */
const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm ZZ');
const at = (iso: string) => new Date(iso);

// Mon 08:15–15:00, Tue 08:15–12:30, Thu 08:15–15:30, Sun 15:30–17:00 (to see the DST Sundays).
const PART_TIMER: WorkingBlock[] = [
  { weekday: 'monday', start: '08:15', end: '15:00' },
  { weekday: 'tuesday', start: '08:15', end: '12:30' },
  { weekday: 'thursday', start: '08:15', end: '12:00' },
  { weekday: 'thursday', start: '12:00', end: '15:30' },
  { weekday: 'sunday', start: '15:30', end: '17:00' },
];

describe('instantAtWallClock', () => {
  it('keeps wall-clock time across the DST changes of 2026', () => {
    expect(instantAtWallClock('2026-03-28', 930, ZONE).toISOString()).toBe('2026-03-28T14:30:00.000Z');
    expect(instantAtWallClock('2026-03-29', 930, ZONE).toISOString()).toBe('2026-03-29T13:30:00.000Z');
    expect(instantAtWallClock('2026-10-24', 930, ZONE).toISOString()).toBe('2026-10-24T13:30:00.000Z');
    expect(instantAtWallClock('2026-10-25', 930, ZONE).toISOString()).toBe('2026-10-25T14:30:00.000Z');
  });

  it('takes the moment of the jump for a time that does not exist, and the first of a time that exists twice', () => {
    expect(instantAtWallClock('2026-03-29', 150, ZONE).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(instantAtWallClock('2026-10-25', 150, ZONE).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantAtWallClock('2026-10-25', 24 * 60, ZONE).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('availableBlocks', () => {
  it('places a part-timer’s week in wall-clock time, before and after summer time starts', () => {
    const sut = availableBlocks(PART_TIMER, [], { from: '2026-03-28', to: '2026-04-02' }).map(
      (block) => `${local(block.start)} – ${local(block.end)}`,
    );

    expect(sut).toEqual([
      '2026-03-29 15:30 +02:00 – 2026-03-29 17:00 +02:00',
      '2026-03-30 08:15 +02:00 – 2026-03-30 15:00 +02:00',
      '2026-03-31 08:15 +02:00 – 2026-03-31 12:30 +02:00',
      '2026-04-02 08:15 +02:00 – 2026-04-02 15:30 +02:00',
    ]);
  });

  it('keeps 15:30 at 15:30 when summer time ends', () => {
    const sut = availableBlocks(PART_TIMER, [], { from: '2026-10-18', to: '2026-10-25' }).filter(
      (block) => DateTime.fromJSDate(block.start, { zone: ZONE }).weekday === 7,
    );

    expect(sut.map((block) => block.start.toISOString())).toEqual([
      '2026-10-18T13:30:00.000Z',
      '2026-10-25T14:30:00.000Z',
    ]);
  });

  it('cuts out one-off unavailability', () => {
    const course = { startsAt: at('2026-11-02T09:00:00Z'), endsAt: at('2026-11-02T11:00:00Z') };

    const sut = availableBlocks(PART_TIMER, [course], { from: '2026-11-02', to: '2026-11-02' });

    expect(sut.map((block) => `${local(block.start)} – ${local(block.end)}`)).toEqual([
      '2026-11-02 08:15 +01:00 – 2026-11-02 10:00 +01:00',
      '2026-11-02 12:00 +01:00 – 2026-11-02 15:00 +01:00',
    ]);
  });
});

describe('isAvailable', () => {
  it('answers for a meeting inside, across the edge of, and outside the working hours', () => {
    // Monday 2 November 2026, CET (UTC+1).
    expect(isAvailable(PART_TIMER, [], at('2026-11-02T07:15:00Z'), at('2026-11-02T08:15:00Z'))).toBe(true);
    expect(isAvailable(PART_TIMER, [], at('2026-11-02T13:30:00Z'), at('2026-11-02T14:30:00Z'))).toBe(false);
    expect(isAvailable(PART_TIMER, [], at('2026-11-04T09:00:00Z'), at('2026-11-04T10:00:00Z'))).toBe(false);
    // Thursday's two blocks touch at 12:00, so a meeting may span them.
    expect(isAvailable(PART_TIMER, [], at('2026-11-05T10:30:00Z'), at('2026-11-05T11:30:00Z'))).toBe(true);
  });

  it('refuses an empty or backwards range', () => {
    expect(() => isAvailable(PART_TIMER, [], at('2026-11-02T09:00:00Z'), at('2026-11-02T09:00:00Z'))).toThrow(
      RangeError,
    );
  });
});

describe('availability, checked against minute-by-minute wall-clock time', () => {
  // Three weeks around each DST change of 2026, on a 5-minute grid (every boundary lies on it).
  const WINDOWS = [Date.parse('2026-03-20T00:00:00Z'), Date.parse('2026-10-16T00:00:00Z')];
  const WINDOW_STEPS = (21 * 24 * 60) / 5;

  const blockArb: fc.Arbitrary<WorkingBlock> = fc
    .record({
      weekday: fc.constantFrom(...WEEKDAYS),
      // Daytime: 06:00–22:00, where every wall-clock time happens exactly once a day.
      start: fc.integer({ min: 72, max: 260 }),
      length: fc.integer({ min: 1, max: 60 }),
    })
    .map(({ weekday, start, length }) => ({
      weekday,
      start: formatWallClock(start * 5),
      end: formatWallClock(Math.min(start + length, 264) * 5),
    }));

  const scenarioArb = fc.constantFrom(...WINDOWS).chain((windowStart) =>
    fc.record({
      pattern: fc.array(blockArb, { maxLength: 8 }),
      unavailability: fc.array(
        fc
          .record({ start: fc.integer({ min: 0, max: WINDOW_STEPS }), length: fc.integer({ min: 1, max: 200 }) })
          .map(({ start, length }) => ({
            startsAt: new Date(windowStart + start * STEP_MS),
            endsAt: new Date(windowStart + (start + length) * STEP_MS),
          })),
        { maxLength: 4 },
      ),
      from: fc.integer({ min: 0, max: WINDOW_STEPS - 100 }).map((step) => windowStart + step * STEP_MS),
      steps: fc.integer({ min: 1, max: 96 }),
    }),
  );

  /** The oracle: is this instant inside a block by its wall clock, and outside every unavailability? */
  function worksAt(pattern: WorkingBlock[], unavailability: Array<{ startsAt: Date; endsAt: Date }>, ms: number) {
    const wall = DateTime.fromMillis(ms, { zone: ZONE });
    const minute = wall.hour * 60 + wall.minute;
    const inBlock = pattern.some(
      (block) =>
        isoWeekdayOf(block.weekday) === wall.weekday &&
        formatWallClock(minute) >= block.start &&
        formatWallClock(minute) < block.end,
    );
    return inBlock && !unavailability.some((range) => range.startsAt.getTime() <= ms && ms < range.endsAt.getTime());
  }

  it('isAvailable(from, to) holds iff every minute of [from, to) is working time and not unavailable', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pattern, unavailability, from, steps }) => {
        const to = from + steps * STEP_MS;
        const expected = Array.from({ length: steps }, (_, index) => from + index * STEP_MS).every((ms) =>
          worksAt(pattern, unavailability, ms),
        );

        expect(isAvailable(pattern, unavailability, new Date(from), new Date(to), ZONE)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('availableBlocks are disjoint, sorted, and hold exactly the available minutes', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pattern, unavailability, from }) => {
        const firstDate = DateTime.fromMillis(from, { zone: ZONE }).toISODate() as string;
        const lastDate = DateTime.fromMillis(from + 2 * 86_400_000, { zone: ZONE }).toISODate() as string;
        const sut = availableBlocks(pattern, unavailability, { from: firstDate, to: lastDate }, ZONE);

        sut.slice(1).forEach((block, index) => expect(block.start.getTime()).toBeGreaterThan(sut[index].end.getTime()));
        const dayStart = DateTime.fromISO(firstDate, { zone: ZONE }).toMillis();
        const dayEnd = DateTime.fromISO(lastDate, { zone: ZONE }).plus({ days: 1 }).toMillis();
        for (let ms = dayStart; ms < dayEnd; ms += STEP_MS) {
          const inSut = sut.some((block) => block.start.getTime() <= ms && ms < block.end.getTime());
          expect(inSut).toBe(worksAt(pattern, unavailability, ms));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('starts and ends every block at its wall-clock time, on both sides of a DST change', () => {
    const separateBlocks = fc
      .uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 })
      .chain((weekdays) =>
        fc.tuple(
          fc.constant(weekdays),
          fc.array(fc.integer({ min: 72, max: 250 }), { minLength: weekdays.length, maxLength: weekdays.length }),
          fc.array(fc.integer({ min: 1, max: 12 }), { minLength: weekdays.length, maxLength: weekdays.length }),
        ),
      )
      .map(([weekdays, starts, lengths]) =>
        weekdays.map((weekday, index) => ({
          weekday,
          start: formatWallClock(starts[index] * 5),
          end: formatWallClock((starts[index] + lengths[index]) * 5),
        })),
      );

    fc.assert(
      fc.property(
        separateBlocks,
        fc.constantFrom({ from: '2026-03-23', to: '2026-04-05' }, { from: '2026-10-19', to: '2026-11-01' }),
        (pattern, dayRange) => {
          const sut = availableBlocks(pattern, [], dayRange, ZONE);

          expect(sut).toHaveLength(pattern.length * 2);
          for (const block of sut) {
            const start = DateTime.fromJSDate(block.start, { zone: ZONE });
            const end = DateTime.fromJSDate(block.end, { zone: ZONE });
            const source = pattern.find((candidate) => isoWeekdayOf(candidate.weekday) === start.weekday);
            expect([start.toFormat('HH:mm'), end.toFormat('HH:mm')]).toEqual([source?.start, source?.end]);
          }
        },
      ),
    );
  });
});

describe('range arithmetic', () => {
  const rangeArb = fc
    .record({ start: fc.integer({ min: 0, max: 100 }), length: fc.integer({ min: 0, max: 30 }) })
    .map(({ start, length }) => ({ start: new Date(start * 1000), end: new Date((start + length) * 1000) }));
  const covers = (ranges: Array<{ start: Date; end: Date }>, second: number) =>
    ranges.some((range) => range.start.getTime() <= second * 1000 && second * 1000 < range.end.getTime());

  it('merging and subtracting keep exactly the right points', () => {
    fc.assert(
      fc.property(fc.array(rangeArb, { maxLength: 8 }), fc.array(rangeArb, { maxLength: 8 }), (ranges, holes) => {
        const merged = mergeRanges(ranges);
        const rest = subtractRanges(ranges, holes);
        for (let second = 0; second <= 130; second += 1) {
          expect(covers(merged, second)).toBe(covers(ranges, second));
          expect(covers(rest, second)).toBe(covers(ranges, second) && !covers(holes, second));
        }
      }),
    );
  });
});
