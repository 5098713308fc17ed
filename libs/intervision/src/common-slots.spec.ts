import fc from 'fast-check';
import { addDays, eachDate, isoWeekday } from '@leerkring/people';
import { gridOf, rankCommonSlots, SLOTS_PER_DAY, type MemberGrid } from './common-slots';

const FROM = '2027-09-06'; // a Monday
const dates = eachDate(FROM, addDays(FROM, 27));
// Zone-free for the test: midnight is UTC midnight.
const midnights = dates.map((date) => Date.parse(`${date}T00:00:00Z`));
const at = (date: string, time: string) => new Date(`${date}T${time}:00Z`);
const weekendsClosed = () => Uint8Array.from(dates.map((date) => (isoWeekday(date) > 5 ? 1 : 0)));

function weekly(personId: string, weekday: number, start: string, end: string): MemberGrid {
  return gridOf(
    personId,
    midnights,
    dates
      .filter((date) => isoWeekday(date) === weekday)
      .map((date) => ({ start: at(date, start), end: at(date, end) })),
  );
}

describe('gridOf', () => {
  it('marks only the half hours that lie wholly inside a free range', () => {
    const sut = gridOf('p', midnights, [{ start: at(FROM, '08:15'), end: at(FROM, '10:00') }]);
    const day = Array.from(sut.free.slice(0, SLOTS_PER_DAY));
    expect(day.flatMap((free, slot) => (free ? [slot] : []))).toEqual([17, 18, 19]);
  });
});

describe('rankCommonSlots', () => {
  it('ranks the slot where everyone is free first and lists the conflicts of the others', () => {
    const members = [
      weekly('a', 2, '13:00', '17:00'),
      weekly('b', 2, '15:00', '18:00'),
      gridOf('c', midnights, [
        // Free on Tuesdays 15:00–17:00 except the second Tuesday.
        ...dates
          .filter((date) => isoWeekday(date) === 2 && date !== '2027-09-14')
          .map((date) => ({ start: at(date, '15:00'), end: at(date, '17:00') })),
      ]),
    ];
    const closed = weekendsClosed();
    closed[dates.indexOf('2027-09-28')] = 1; // a study day
    const sut = rankCommonSlots({
      dates,
      closed,
      members,
      durationMinutes: 90,
      cadences: [1, 2],
      dayStartMinute: 7 * 60,
      dayEndMinute: 21 * 60,
      top: 5,
    });
    // Two of two biweekly beats two of three weekly: the same count, a better share.
    expect(sut[0]).toMatchObject({
      weekday: 2,
      startMinute: 15 * 60,
      cadenceWeeks: 2,
      firstDate: '2027-09-07',
      occurrences: 2,
      freeOccurrences: 2,
      conflicts: [],
    });
    const weeklyAt15 = sut.find((slot) => slot.cadenceWeeks === 1 && slot.startMinute === 15 * 60);
    expect(weeklyAt15).toMatchObject({ occurrences: 3, freeOccurrences: 2 });
    expect(weeklyAt15?.conflicts).toEqual([{ personId: 'c', dates: ['2027-09-14'] }]);
  });

  it('counts exactly the occurrences on which everyone is free (checked naively)', () => {
    const rangeArbitrary = fc.record({
      day: fc.integer({ min: 0, max: 27 }),
      from: fc.integer({ min: 14, max: 40 }),
      len: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(rangeArbitrary, { maxLength: 25 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(30, 60, 90),
        (perMember, duration) => {
          const members = perMember.map((ranges, index) => {
            const sorted = ranges
              .map(({ day, from, len }) => ({
                start: new Date(midnights[day] + from * 1_800_000),
                end: new Date(midnights[day] + (from + len) * 1_800_000),
              }))
              .sort((a, b) => a.start.getTime() - b.start.getTime());
            const merged: typeof sorted = [];
            for (const range of sorted) {
              const last = merged[merged.length - 1];
              if (last && range.start <= last.end) {
                last.end = range.end > last.end ? range.end : last.end;
              } else {
                merged.push({ ...range });
              }
            }
            return gridOf(`m${index}`, midnights, merged);
          });
          const closed = weekendsClosed();
          const slots = rankCommonSlots({
            dates,
            closed,
            members,
            durationMinutes: duration,
            cadences: [1, 2, 3],
            dayStartMinute: 0,
            dayEndMinute: 1440,
            top: 1000,
          });
          const length = duration / 30;
          for (const slot of slots) {
            let occurrences = 0;
            let free = 0;
            for (let d = dates.indexOf(slot.firstDate); d < dates.length; d += 7 * slot.cadenceWeeks) {
              if (closed[d]) {
                continue;
              }
              occurrences += 1;
              const k = slot.startMinute / 30;
              const allFree = members.every((m) =>
                Array.from({ length }, (_, j) => m.free[d * SLOTS_PER_DAY + k + j]).every(Boolean),
              );
              free += allFree ? 1 : 0;
            }
            expect([slot.occurrences, slot.freeOccurrences]).toEqual([occurrences, free]);
            expect(slot.conflicts.length === 0).toBe(free === occurrences);
          }
          for (let i = 1; i < slots.length; i += 1) {
            expect(slots[i - 1].freeOccurrences).toBeGreaterThanOrEqual(slots[i].freeOccurrences);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
