import fc from 'fast-check';
import { demoWeekFor } from './demo-working-patterns';

describe('demo working weeks', () => {
  it('are the same for the same person every time, and within school hours', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.boolean(), (email, isCoach) => {
        const sut = demoWeekFor(email, isCoach);
        expect(demoWeekFor(email, isCoach)).toEqual(sut);
        expect(sut.length).toBeGreaterThan(0);
        for (const [weekday, start, end] of sut) {
          expect(weekday).toBeGreaterThanOrEqual(1);
          expect(weekday).toBeLessThanOrEqual(5);
          expect(start < end).toBe(true);
        }
      }),
    );
  });

  it('makes part-timers the norm, as in Dutch schools', () => {
    const weeks = Array.from({ length: 600 }, (_, i) => demoWeekFor(`leraar${i}@demo.test`, false));
    const fullTime = weeks.filter((week) => week.length === 5).length;

    expect(fullTime / weeks.length).toBeGreaterThan(0.2);
    expect(fullTime / weeks.length).toBeLessThan(0.5);
  });
});
