import fc from 'fast-check';
import {
  addDays,
  dateInZone,
  daysBetween,
  eachDate,
  isCalendarDate,
  isoWeekday,
  isSchoolYear,
  schoolYearOf,
  schoolYearRange,
} from './calendar-date';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2026-10-17')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-10-17T00:00:00Z')).toBe(false);
    expect(isCalendarDate('17-10-2026')).toBe(false);
    expect(isCalendarDate(20261017)).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(daysBetween('2026-10-17', '2026-10-25')).toBe(8);
  });

  it('adding and counting days are each other’s inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -1_000, max: 1_000 }), (offset, days) => {
        const date = addDays('1990-01-01', offset);
        expect(isCalendarDate(date)).toBe(true);
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });

  it('knows the ISO weekday', () => {
    expect(isoWeekday('2026-10-17')).toBe(6);
    expect(isoWeekday('2026-10-18')).toBe(7);
    expect(isoWeekday('2026-10-19')).toBe(1);
    expect(eachDate('2026-10-17', '2026-10-19')).toEqual(['2026-10-17', '2026-10-18', '2026-10-19']);
  });

  it('puts a date in the school year that runs from 1 August to 31 July', () => {
    expect(schoolYearOf('2026-08-01')).toBe('2026-2027');
    expect(schoolYearOf('2027-07-31')).toBe('2026-2027');
    expect(schoolYearOf('2027-07-10')).toBe('2026-2027');
    expect(schoolYearRange('2026-2027')).toEqual({ from: '2026-08-01', to: '2027-07-31' });
    expect(isSchoolYear('2026-2027')).toBe(true);
    expect(isSchoolYear('2026-2028')).toBe(false);
  });

  it('gives the date in Amsterdam, not in UTC', () => {
    expect(dateInZone(new Date('2026-10-16T22:00:00Z'))).toBe('2026-10-17');
    expect(dateInZone(new Date('2026-10-16T21:59:59Z'))).toBe('2026-10-16');
    expect(dateInZone(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(dateInZone(new Date('2026-10-16T22:00:00Z'), 'UTC')).toBe('2026-10-16');
  });
});
