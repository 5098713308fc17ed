import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { HolidayRegion } from '../schools/school.entity';
import { addDays, isoWeekday, schoolYearOf, type CalendarDate } from './calendar-date';
import type { ClosureDraft } from './closure-draft';
import { closureOn, type CalendarSchool } from './closure-rules';
import { upsertClosures, type ClosureChanges } from './closure.repository';
import { publicHolidayDrafts } from './public-holidays';
import { parseRijksoverheid } from './rijksoverheid.parser';
import { SHIPPED_RIJKSOVERHEID_DOCUMENTS } from './shipped-holidays';

export interface CalendarSeedSchool {
  id: string;
  holidayRegion: HolidayRegion;
}

export interface CalendarSeedReport {
  schoolYears: string[];
  holidays: ClosureChanges;
  publicHolidays: ClosureChanges;
  studyDays: ClosureChanges;
}

/** Roughly where study days fall in a school year: month and day, from the first calendar year. */
const STUDY_DAY_ANCHORS: ReadonlyArray<{ yearOffset: 0 | 1; monthDay: string }> = [
  { yearOffset: 0, monthDay: '09-21' },
  { yearOffset: 0, monthDay: '11-16' },
  { yearOffset: 1, monthDay: '02-01' },
  { yearOffset: 1, monthDay: '06-14' },
];

/** The shipped Rijksoverheid holidays, as drafts, and the school years they cover. */
export function shippedHolidayDrafts(): { schoolYears: string[]; holidays: ClosureDraft[] } {
  const parsed = parseRijksoverheid(SHIPPED_RIJKSOVERHEID_DOCUMENTS);
  if (!parsed.ok) {
    throw new Error(`The shipped Rijksoverheid fixture is invalid: ${JSON.stringify(parsed.problems)}`);
  }
  return parsed.value;
}

/**
 * Four study days per school and school year, on school days (Monday to Friday, not in a
 * holiday of the school's region nor on a public holiday), spread over the year and a little
 * different per school. Deterministic: the same school gets the same dates every time.
 */
export function demoStudyDays(
  school: CalendarSeedSchool,
  schoolYears: readonly string[],
  closures: readonly ClosureDraft[],
): ClosureDraft[] {
  const shift = createHash('sha256').update(school.id).digest()[0] % 5;
  const calendarSchool: CalendarSchool = school;
  return schoolYears.flatMap((schoolYear) => {
    const first = Number(schoolYear.slice(0, 4));
    return STUDY_DAY_ANCHORS.map((anchor, index): ClosureDraft => {
      let date: CalendarDate = addDays(`${first + anchor.yearOffset}-${anchor.monthDay}`, shift);
      while (isoWeekday(date) > 5 || closureOn(closures, calendarSchool, date)) {
        date = addDays(date, 1);
      }
      return {
        kind: 'study_day',
        name: index % 2 === 0 ? 'Studiedag team' : 'Studiedag',
        startDate: date,
        endDate: date,
        scope: 'school',
        region: null,
        schoolId: school.id,
        schoolYear: schoolYearOf(date),
        source: 'manual',
        sourceKey: `seed/${school.id}/${schoolYear}/${index + 1}`,
      };
    });
  });
}

/**
 * For the demo seed: loads the shipped school holidays (all regions), the public holidays of the
 * same school years and four study days per given school and school year. Idempotent: running it
 * again changes nothing. Runs in the caller's transaction (pass its EntityManager).
 */
export async function seedSchoolCalendar(
  manager: EntityManager,
  schools: readonly CalendarSeedSchool[],
): Promise<CalendarSeedReport> {
  const { schoolYears, holidays } = shippedHolidayDrafts();
  const publicHolidays = schoolYears.flatMap((year) => publicHolidayDrafts(year));
  const nationalAndRegional = [...holidays, ...publicHolidays];
  const studyDays = schools.flatMap((school) => demoStudyDays(school, schoolYears, nationalAndRegional));
  return {
    schoolYears,
    holidays: await upsertClosures(manager, holidays, {
      sync: { source: 'rijksoverheid', kinds: ['holiday'], schoolYears },
    }),
    publicHolidays: await upsertClosures(manager, publicHolidays, {
      sync: { source: 'rijksoverheid', kinds: ['public_holiday'], schoolYears },
    }),
    studyDays: await upsertClosures(manager, studyDays),
  };
}
