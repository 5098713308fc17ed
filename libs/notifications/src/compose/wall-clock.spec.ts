import fc from 'fast-check';
import { formatWallClockRange, wallClockFields } from './wall-clock';

const AMSTERDAM = 'Europe/Amsterdam';

describe('formatWallClockRange', () => {
  it('writes a range the Dutch way, in Amsterdam time', () => {
    const sut = formatWallClockRange(new Date('2026-10-27T14:30:00Z'), new Date('2026-10-27T15:30:00Z'));
    expect(sut).toBe('dinsdag 27 oktober 2026, 15:30–16:30');
  });

  it('uses the right offset on both sides of the October DST change', () => {
    // Sunday 25 October 2026 03:00 CEST becomes 02:00 CET.
    expect(formatWallClockRange(new Date('2026-10-23T08:00:00Z'), new Date('2026-10-23T09:00:00Z'))).toBe(
      'vrijdag 23 oktober 2026, 10:00–11:00',
    );
    expect(formatWallClockRange(new Date('2026-10-26T09:00:00Z'), new Date('2026-10-26T10:00:00Z'))).toBe(
      'maandag 26 oktober 2026, 10:00–11:00',
    );
  });

  it('writes English for English readers', () => {
    const sut = formatWallClockRange(
      new Date('2026-10-26T09:00:00Z'),
      new Date('2026-10-26T10:00:00Z'),
      AMSTERDAM,
      'en',
    );
    expect(sut).toBe('Monday 26 October 2026, 10:00–11:00');
  });

  it('names both days when a range ends on another day', () => {
    const sut = formatWallClockRange(new Date('2026-03-02T21:00:00Z'), new Date('2026-03-03T08:00:00Z'));
    expect(sut).toBe('maandag 2 maart 2026, 22:00 – dinsdag 3 maart 2026, 09:00');
  });

  it('always shows the Amsterdam wall clock of both instants (property)', () => {
    const instant = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2040-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 8 * 60 }), (start, minutes) => {
        const end = new Date(start.getTime() + minutes * 60_000);
        const sut = formatWallClockRange(start, end);
        const from = wallClockFields(start, AMSTERDAM);
        const to = wallClockFields(end, AMSTERDAM);
        const hhmm = (fields: { hour: number; minute: number }) =>
          `${String(fields.hour).padStart(2, '0')}:${String(fields.minute).padStart(2, '0')}`;
        expect(sut).toContain(hhmm(from));
        expect(sut).toContain(hhmm(to));
        expect(sut).toMatch(/^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} [a-z]+ \d{4}, /);
        // The offset is +01:00 or +02:00, so the wall clock is 1 or 2 hours after UTC.
        const local = Date.UTC(from.year, from.month - 1, from.day, from.hour, from.minute, from.second);
        expect([3_600_000, 7_200_000]).toContain(local - Math.floor(start.getTime() / 1000) * 1000);
      }),
    );
  });
});
