import fc from 'fast-check';
import { HOLIDAY_REGIONS } from '../schools/school.entity';
import { isoWeekday } from './calendar-date';
import { demoStudyDays, shippedHolidayDrafts } from './calendar-seed';
import { closureOn } from './closure-rules';
import { publicHolidayDrafts } from './public-holidays';

describe('demo study days', () => {
  const { schoolYears, holidays } = shippedHolidayDrafts();
  const closures = [...holidays, ...schoolYears.flatMap((year) => publicHolidayDrafts(year))];

  it('fall on school days of the school, four per school year, the same every time', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom(...HOLIDAY_REGIONS), (id, holidayRegion) => {
        const school = { id, holidayRegion };

        const sut = demoStudyDays(school, schoolYears, closures);

        expect(sut).toHaveLength(4 * schoolYears.length);
        for (const studyDay of sut) {
          expect(isoWeekday(studyDay.startDate)).toBeLessThanOrEqual(5);
          expect(closureOn(closures, school, studyDay.startDate)).toBeNull();
          expect(studyDay).toMatchObject({ kind: 'study_day', scope: 'school', schoolId: id, source: 'manual' });
        }
        expect(new Set(sut.map((studyDay) => studyDay.sourceKey)).size).toBe(sut.length);
        expect(demoStudyDays(school, schoolYears, closures)).toEqual(sut);
      }),
      { numRuns: 50 },
    );
  });
});
