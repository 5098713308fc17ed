import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, isoWeekday } from '@leerkring/people';
import { expandSeries, replaceFrom, ruleDates, SeriesRuleError, type SeriesRule } from './series-expansion';

const ZONE = 'Europe/Amsterdam';
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;

const wallClock = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE }).toFormat('HH:mm');
const dateOf = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE }).toISODate();

const ruleArbitrary = fc.record({
  interval: fc.integer({ min: 1, max: 4 }),
  days: fc.subarray([...DAYS], { minLength: 1, maxLength: 2 }),
  // Across both DST changes of the school year 2027-2028 (31 Oct 2027, 26 Mar 2028).
  startOffset: fc.integer({ min: 0, max: 120 }),
  hour: fc.integer({ min: 7, max: 20 }),
  half: fc.boolean(),
  duration: fc.constantFrom(45, 60, 90, 120),
});

type RuleInput = typeof ruleArbitrary extends fc.Arbitrary<infer T> ? T : never;

function ruleOf(input: RuleInput): SeriesRule {
  return {
    rrule: `FREQ=WEEKLY;INTERVAL=${input.interval};BYDAY=${input.days.join(',')}`,
    startsOn: addDays('2027-08-16', input.startOffset),
    until: '2028-07-14',
    startTime: `${String(input.hour).padStart(2, '0')}:${input.half ? '30' : '00'}`,
    durationMinutes: input.duration,
    zone: ZONE,
  };
}

/** Closures: a random set of dates in the school year, plus weekends. */
const closuresArbitrary = fc
  .uniqueArray(fc.integer({ min: 0, max: 340 }), { maxLength: 80 })
  .map((offsets) => new Set(offsets.map((offset) => addDays('2027-08-16', offset))));
const closedBy = (closures: Set<string>) => (date: string) => isoWeekday(date) > 5 || closures.has(date);

describe('expandSeries', () => {
  it('places every occurrence at the same wall-clock time, across the DST changes', () => {
    fc.assert(
      fc.property(
        ruleArbitrary,
        closuresArbitrary,
        fc.constantFrom('skip', 'shift' as const),
        (input, closures, policy) => {
          const rule = ruleOf(input);
          const { occurrences } = expandSeries(rule, closedBy(closures), policy);
          for (const occurrence of occurrences) {
            expect(wallClock(occurrence.startsAt)).toBe(rule.startTime);
            expect(dateOf(occurrence.startsAt)).toBe(occurrence.date);
            expect(occurrence.endsAt.getTime() - occurrence.startsAt.getTime()).toBe(rule.durationMinutes * 60_000);
          }
        },
      ),
    );
  });

  it('puts no occurrence on a closure or a weekend, and lists every closed rule date as skipped', () => {
    fc.assert(
      fc.property(
        ruleArbitrary,
        closuresArbitrary,
        fc.constantFrom('skip', 'shift' as const),
        (input, closures, policy) => {
          const rule = ruleOf(input);
          const closed = closedBy(closures);
          const { occurrences, skipped } = expandSeries(rule, closed, policy);
          expect(occurrences.filter((occurrence) => closed(occurrence.date))).toEqual([]);
          const closedRuleDates = ruleDates(rule).filter(closed);
          expect(skipped.map((skip) => skip.date)).toEqual(closedRuleDates);
          if (policy === 'skip') {
            expect(occurrences.length + skipped.length).toBe(ruleDates(rule).length);
          }
          expect(new Set(occurrences.map((occurrence) => occurrence.date)).size).toBe(occurrences.length);
        },
      ),
    );
  });

  it('shifts a closed date to the next open day before the next rule date', () => {
    const rule: SeriesRule = {
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      startsOn: '2027-09-07',
      until: '2027-10-05',
      startTime: '15:30',
      durationMinutes: 90,
      zone: ZONE,
    };
    const closures = new Set(['2027-09-21']);
    const shifted = expandSeries(rule, closedBy(closures), 'shift');
    expect(shifted.occurrences.map((o) => [o.date, o.originalDate])).toEqual([
      ['2027-09-07', null],
      ['2027-09-22', '2027-09-21'],
      ['2027-10-05', null],
    ]);
    expect(shifted.skipped).toEqual([{ date: '2027-09-21', reason: 'closed', shiftedTo: '2027-09-22' }]);
    const skipped = expandSeries(rule, closedBy(closures), 'skip');
    expect(skipped.occurrences.map((o) => o.date)).toEqual(['2027-09-07', '2027-10-05']);
  });

  it('keeps 15:30 at 15:30 across the October change (13:30 UTC before, 14:30 UTC after)', () => {
    const { occurrences } = expandSeries(
      {
        rrule: 'FREQ=WEEKLY;BYDAY=TU',
        startsOn: '2027-10-26',
        until: '2027-11-02',
        startTime: '15:30',
        durationMinutes: 90,
        zone: ZONE,
      },
      () => false,
      'skip',
    );
    expect(occurrences.map((o) => o.startsAt.toISOString())).toEqual([
      '2027-10-26T13:30:00.000Z',
      '2027-11-02T14:30:00.000Z',
    ]);
  });

  it('refuses rules it does not support', () => {
    const base = { startsOn: '2027-09-01', until: '2028-07-01' };
    expect(() => ruleDates({ ...base, rrule: 'FREQ=DAILY' })).toThrow(SeriesRuleError);
    expect(() => ruleDates({ ...base, rrule: 'FREQ=WEEKLY;BYDAY=SA' })).toThrow(SeriesRuleError);
    expect(() => ruleDates({ ...base, rrule: 'FREQ=WEEKLY;INTERVAL=0;BYDAY=MO' })).toThrow(SeriesRuleError);
    expect(() => ruleDates({ ...base, rrule: 'FREQ=WEEKLY;BYHOUR=3;BYDAY=MO' })).toThrow(SeriesRuleError);
    expect(() => ruleDates({ ...base, rrule: 'nonsense' })).toThrow(SeriesRuleError);
  });
});

describe('replaceFrom', () => {
  it('leaves the occurrences before the date untouched and starts the new rule on or after it', () => {
    fc.assert(
      fc.property(
        ruleArbitrary,
        ruleArbitrary,
        closuresArbitrary,
        fc.integer({ min: 0, max: 330 }),
        fc.constantFrom('skip', 'shift' as const),
        (oldInput, newInput, closures, cut, policy) => {
          const closed = closedBy(closures);
          const oldRule = ruleOf(oldInput);
          const from = addDays('2027-08-16', cut);
          const old = expandSeries(oldRule, closed, policy).occurrences;
          const { kept, replaced, added } = replaceFrom(old, from, ruleOf(newInput), closed, policy);
          const before = old.filter((occurrence) => (occurrence.originalDate ?? occurrence.date) < from);
          expect(kept).toEqual(before);
          expect(kept.length + replaced.length).toBe(old.length);
          for (const occurrence of added.occurrences) {
            expect(occurrence.date >= from).toBe(true);
            expect(kept.some((k) => k.date === occurrence.date)).toBe(false);
          }
        },
      ),
    );
  });
});
