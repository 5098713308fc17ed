import fc from 'fast-check';
import { HOLIDAY_REGIONS } from '../schools/school.entity';
import { addDays, eachDate } from './calendar-date';
import { appliesTo, closureOn, closuresOverlapping, type CalendarSchool, type ClosureRange } from './closure-rules';
import { CLOSURE_KINDS, CLOSURE_SCOPES } from './closure.entity';

const SCHOOL_IDS = ['school-a', 'school-b', 'school-c'];

const dateArb = fc.integer({ min: 0, max: 120 }).map((offset) => addDays('2026-09-01', offset));

const closureArb: fc.Arbitrary<ClosureRange> = fc
  .record({
    kind: fc.constantFrom(...CLOSURE_KINDS),
    scope: fc.constantFrom(...CLOSURE_SCOPES),
    region: fc.constantFrom(...HOLIDAY_REGIONS),
    schoolId: fc.constantFrom(...SCHOOL_IDS),
    startDate: dateArb,
    length: fc.integer({ min: 0, max: 15 }),
    name: fc.constantFrom('Herfstvakantie', 'Studiedag', 'Koningsdag'),
  })
  .map(({ scope, region, schoolId, startDate, length, ...rest }) => ({
    ...rest,
    scope,
    region: scope === 'region' ? region : null,
    schoolId: scope === 'school' ? schoolId : null,
    startDate,
    endDate: addDays(startDate, length),
  }));

const schoolArb: fc.Arbitrary<CalendarSchool> = fc.record({
  id: fc.constantFrom(...SCHOOL_IDS),
  holidayRegion: fc.constantFrom(...HOLIDAY_REGIONS),
});

function closure(overrides: Partial<ClosureRange>): ClosureRange {
  return {
    kind: 'holiday',
    scope: 'national',
    region: null,
    schoolId: null,
    startDate: '2026-10-17',
    endDate: '2026-10-25',
    name: 'Herfstvakantie',
    ...overrides,
  };
}

describe('closureOn', () => {
  const middleSchool: CalendarSchool = { id: 'school-a', holidayRegion: 'middle' };

  it('finds the holiday of the school region and ignores other regions', () => {
    const north = closure({ scope: 'region', region: 'north', startDate: '2026-10-10', endDate: '2026-10-18' });
    const middle = closure({ scope: 'region', region: 'middle', startDate: '2026-10-17', endDate: '2026-10-25' });

    expect(closureOn([north, middle], middleSchool, '2026-10-20')).toBe(middle);
    expect(closureOn([north, middle], middleSchool, '2026-10-12')).toBeNull();
    expect(closureOn([north, middle], { id: 'school-b', holidayRegion: 'north' }, '2026-10-12')).toBe(north);
  });

  it('includes both ends', () => {
    const sut = closure({ startDate: '2026-10-17', endDate: '2026-10-25' });

    expect(closureOn([sut], middleSchool, '2026-10-16')).toBeNull();
    expect(closureOn([sut], middleSchool, '2026-10-17')).toBe(sut);
    expect(closureOn([sut], middleSchool, '2026-10-25')).toBe(sut);
    expect(closureOn([sut], middleSchool, '2026-10-26')).toBeNull();
  });

  it('applies study days only to their own school', () => {
    const studyDay = closure({ kind: 'study_day', scope: 'school', schoolId: 'school-b', endDate: '2026-10-17' });

    expect(closureOn([studyDay], middleSchool, '2026-10-17')).toBeNull();
    expect(closureOn([studyDay], { id: 'school-b', holidayRegion: 'south' }, '2026-10-17')).toBe(studyDay);
  });

  it('answers with the most specific closure when several apply', () => {
    const meivakantie = closure({ name: 'Meivakantie', startDate: '2027-04-24', endDate: '2027-05-02' });
    const koningsdag = closure({
      kind: 'public_holiday',
      name: 'Koningsdag',
      startDate: '2027-04-27',
      endDate: '2027-04-27',
    });
    const studyDay = closure({
      kind: 'study_day',
      scope: 'school',
      schoolId: 'school-a',
      name: 'Studiedag',
      startDate: '2027-04-27',
      endDate: '2027-04-27',
    });

    expect(closureOn([koningsdag, meivakantie], middleSchool, '2027-04-27')).toBe(meivakantie);
    expect(closureOn([koningsdag, meivakantie, studyDay], middleSchool, '2027-04-27')).toBe(studyDay);
  });

  it('says closed exactly when the date lies in a range that applies to the school', () => {
    fc.assert(
      fc.property(fc.array(closureArb, { maxLength: 12 }), schoolArb, dateArb, (closures, school, date) => {
        const inApplicableRange = closures.some(
          (candidate) =>
            candidate.startDate <= date &&
            date <= candidate.endDate &&
            (candidate.scope === 'national' ||
              (candidate.scope === 'region' && candidate.region === school.holidayRegion) ||
              (candidate.scope === 'school' && candidate.schoolId === school.id)),
        );
        const sut = closureOn(closures, school, date);

        expect(sut !== null).toBe(inApplicableRange);
        if (sut) {
          expect(closures).toContain(sut);
          expect(eachDate(sut.startDate, sut.endDate)).toContain(date);
        }
      }),
    );
  });

  it('never lets a range of another region or another school make a school closed', () => {
    fc.assert(
      fc.property(fc.array(closureArb, { maxLength: 12 }), schoolArb, dateArb, (closures, school, date) => {
        const foreign = closures.filter(
          (candidate) =>
            (candidate.scope === 'region' && candidate.region !== school.holidayRegion) ||
            (candidate.scope === 'school' && candidate.schoolId !== school.id),
        );

        expect(closureOn(foreign, school, date)).toBeNull();
        foreign.forEach((candidate) => expect(appliesTo(candidate, school)).toBe(false));
      }),
    );
  });

  it('does not depend on the order of the closures', () => {
    fc.assert(
      fc.property(fc.array(closureArb, { maxLength: 10 }), schoolArb, dateArb, (closures, school, date) => {
        expect(closureOn([...closures].reverse(), school, date)).toEqual(closureOn(closures, school, date));
      }),
    );
  });
});

describe('closuresOverlapping', () => {
  it('lists, chronologically, exactly the applicable closures that share a day with the range', () => {
    fc.assert(
      fc.property(
        fc.array(closureArb, { maxLength: 12 }),
        schoolArb,
        dateArb,
        fc.integer({ min: 0, max: 40 }),
        (closures, school, from, length) => {
          const to = addDays(from, length);
          const sut = closuresOverlapping(closures, school, from, to);

          const days = eachDate(from, to);
          const expected = closures.filter(
            (candidate) =>
              appliesTo(candidate, school) && days.some((day) => closureOn([candidate], school, day) !== null),
          );
          expect(sut).toHaveLength(expected.length);
          expected.forEach((item) => expect(sut).toContain(item));
          sut.slice(1).forEach((item, index) => expect(sut[index].startDate <= item.startDate).toBe(true));
        },
      ),
    );
  });

  it('agrees with closureOn: a day in the range is closed iff an overlapping closure covers it', () => {
    fc.assert(
      fc.property(fc.array(closureArb, { maxLength: 12 }), schoolArb, dateArb, (closures, school, from) => {
        const to = addDays(from, 14);
        const overlapping = closuresOverlapping(closures, school, from, to);
        for (const day of eachDate(from, to)) {
          expect(closureOn(overlapping, school, day)).toEqual(closureOn(closures, school, day));
        }
      }),
    );
  });
});
