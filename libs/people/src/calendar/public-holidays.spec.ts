import { easterSunday, publicHolidayDrafts, publicHolidays, publicHolidaysInSchoolYear } from './public-holidays';

describe('public holidays', () => {
  it('computes Easter Sunday', () => {
    expect(['2024', '2025', '2026', '2027', '2028', '2029', '2030'].map((year) => easterSunday(Number(year)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2029-04-01',
      '2030-04-21',
    ]);
  });

  it('lists the Dutch holidays of 2027', () => {
    expect(publicHolidays(2027)).toEqual([
      { date: '2027-01-01', name: 'Nieuwjaarsdag' },
      { date: '2027-03-26', name: 'Goede Vrijdag' },
      { date: '2027-03-28', name: 'Eerste Paasdag' },
      { date: '2027-03-29', name: 'Tweede Paasdag' },
      { date: '2027-04-27', name: 'Koningsdag' },
      { date: '2027-05-06', name: 'Hemelvaartsdag' },
      { date: '2027-05-16', name: 'Eerste Pinksterdag' },
      { date: '2027-05-17', name: 'Tweede Pinksterdag' },
      { date: '2027-12-25', name: 'Eerste Kerstdag' },
      { date: '2027-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to Saturday the 26th when the 27th is a Sunday', () => {
    expect(publicHolidays(2025).find((holiday) => holiday.name === 'Koningsdag')?.date).toBe('2025-04-26');
    expect(publicHolidays(2031).find((holiday) => holiday.name === 'Koningsdag')?.date).toBe('2031-04-26');
  });

  it('closes schools on Bevrijdingsdag only in lustrum years', () => {
    const liberation = (year: number) => publicHolidays(year).some((holiday) => holiday.name === 'Bevrijdingsdag');
    expect([2025, 2026, 2027, 2028, 2029, 2030].map(liberation)).toEqual([true, false, false, false, false, true]);
  });

  it('takes the holidays from 1 August to 31 July for a school year', () => {
    const sut = publicHolidaysInSchoolYear('2026-2027');

    expect(sut[0]).toEqual({ date: '2026-12-25', name: 'Eerste Kerstdag' });
    expect(sut.at(-1)).toEqual({ date: '2027-05-17', name: 'Tweede Pinksterdag' });
    expect(sut.every((holiday) => holiday.date >= '2026-08-01' && holiday.date <= '2027-07-31')).toBe(true);
  });

  it('makes national closures keyed by date', () => {
    const sut = publicHolidayDrafts('2027-2028');

    expect(sut).toContainEqual({
      kind: 'public_holiday',
      name: 'Koningsdag',
      startDate: '2028-04-27',
      endDate: '2028-04-27',
      scope: 'national',
      region: null,
      schoolId: null,
      schoolYear: '2027-2028',
      source: 'rijksoverheid',
      sourceKey: 'feestdag/2028-04-27',
    });
    expect(new Set(sut.map((draft) => draft.sourceKey)).size).toBe(sut.length);
  });
});
