import { addDays, schoolYearOf, schoolYearRange, type CalendarDate } from './calendar-date';
import type { ClosureDraft } from './closure-draft';

export interface PublicHoliday {
  date: CalendarDate;
  /** Dutch name, as on Rijksoverheid's list of official holidays. */
  name: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The days schools are closed for national holidays in a calendar year: the official holidays
 * plus Goede Vrijdag (closed in primary education by the collective agreement). Koningsdag
 * moves to the 26th when the 27th is a Sunday. Bevrijdingsdag is a day off for schools only in
 * lustrum years (2025, 2030, ...).
 */
export function publicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  const holidays: PublicHoliday[] = [
    { date: `${year}-01-01`, name: 'Nieuwjaarsdag' },
    { date: addDays(easter, -2), name: 'Goede Vrijdag' },
    { date: easter, name: 'Eerste Paasdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    { date: kingsDay, name: 'Koningsdag' },
    ...(year % 5 === 0 ? [{ date: `${year}-05-05`, name: 'Bevrijdingsdag' }] : []),
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 49), name: 'Eerste Pinksterdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: `${year}-12-25`, name: 'Eerste Kerstdag' },
    { date: `${year}-12-26`, name: 'Tweede Kerstdag' },
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/** The public holidays from 1 August to 31 July of a school year ("2026-2027"). */
export function publicHolidaysInSchoolYear(schoolYear: string): PublicHoliday[] {
  const { from, to } = schoolYearRange(schoolYear);
  const first = Number(schoolYear.slice(0, 4));
  return [...publicHolidays(first), ...publicHolidays(first + 1)].filter(
    (holiday) => from <= holiday.date && holiday.date <= to,
  );
}

/** Public holidays as national closures, keyed by date so that loading them twice changes nothing. */
export function publicHolidayDrafts(schoolYear: string): ClosureDraft[] {
  return publicHolidaysInSchoolYear(schoolYear).map((holiday) => ({
    kind: 'public_holiday',
    name: holiday.name,
    startDate: holiday.date,
    endDate: holiday.date,
    scope: 'national',
    region: null,
    schoolId: null,
    schoolYear: schoolYearOf(holiday.date),
    source: 'rijksoverheid',
    sourceKey: `feestdag/${holiday.date}`,
  }));
}
