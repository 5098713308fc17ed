import {
  addMonths,
  amsterdamMidnight,
  formatDateTime,
  formatTimeRange,
  timeInAmsterdam,
  todayInAmsterdam,
  weekdayNames,
} from './format';

describe('dates and times in the web app (Europe/Amsterdam, written the Dutch way)', () => {
  it('writes instants as wall-clock time in Amsterdam, winter and summer', () => {
    expect(formatTimeRange('2026-12-03T09:00:00.000Z', '2026-12-03T10:30:00.000Z', 'nl')).toBe('10:00–11:30');
    expect(formatTimeRange('2027-07-01T09:00:00.000Z', '2027-07-01T10:30:00.000Z', 'nl')).toBe('11:00–12:30');
    expect(formatDateTime('2026-12-03T09:00:00.000Z', 'nl')).toBe('do 3 dec, 10:00');
    expect(formatDateTime('2026-12-03T09:00:00.000Z', 'en')).toBe('Thu 3 Dec, 10:00');
  });

  it("takes today's date in Amsterdam, not in UTC", () => {
    expect(todayInAmsterdam(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
    expect(todayInAmsterdam(new Date('2026-12-01T22:59:00Z'))).toBe('2026-12-01');
  });

  it('takes the time of day in Amsterdam on a 24-hour clock, winter and summer', () => {
    expect(timeInAmsterdam(new Date('2026-12-01T23:30:00Z'))).toBe('00:30');
    expect(timeInAmsterdam(new Date('2027-07-01T11:05:00Z'))).toBe('13:05');
  });

  it('starts a month at Amsterdam midnight with the offset of that day', () => {
    expect(amsterdamMidnight('2026-12-01')).toBe('2026-12-01T00:00:00+01:00');
    expect(amsterdamMidnight('2027-07-01')).toBe('2027-07-01T00:00:00+02:00');
  });

  it('moves by months without overflowing short months', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2027-01-10', -1)).toBe('2026-12-10');
  });

  it('lists weekdays Monday first', () => {
    expect(weekdayNames('nl')).toEqual(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
  });
});
