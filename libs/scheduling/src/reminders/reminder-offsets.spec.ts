import fc from 'fast-check';
import { DateTime } from 'luxon';
import { loadConfig } from '@leerkring/core';
import { jobId } from '@leerkring/notifications';
import {
  DEFAULT_REMINDER_OFFSETS,
  parseReminderOffset,
  reminderInstant,
  ReminderOffsets,
  upcomingReminders,
} from './reminder-offsets';

const ZONE = 'Europe/Amsterdam';
const amsterdam = (iso: string): Date => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const wallClock = (instant: Date): string =>
  DateTime.fromJSDate(instant, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('reminder offsets', () => {
  it('reads instant and wall-clock offsets, with keys fit for job ids', () => {
    expect(parseReminderOffset('24h')).toEqual({ kind: 'instant', key: '24h', milliseconds: 86_400_000 });
    expect(parseReminderOffset('90m')).toMatchObject({ kind: 'instant', milliseconds: 5_400_000 });
    expect(parseReminderOffset('5s')).toMatchObject({ kind: 'instant', milliseconds: 5_000 });
    expect(parseReminderOffset('1d@16:00')).toEqual({
      kind: 'wall-clock',
      key: '1d@1600',
      daysBefore: 1,
      hour: 16,
      minute: 0,
    });
    for (const bad of ['', '24', '0h', '1d', '1d@25:00', '1w', '-1h', '24 h']) {
      expect(() => parseReminderOffset(bad)).toThrow();
    }
  });

  it('property: reminder job ids are deterministic and BullMQ-safe (no ":") for every offset notation', () => {
    const notation = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('s', 'm', 'h')).map(([n, unit]) => `${n}${unit}`),
      fc
        .tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([d, h, m]) => `${d}d@${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), notation, fc.nat(1000), (appointmentId, personId, offset, version) => {
        const reminder = { appointmentId, personId, offsetKey: parseReminderOffset(offset).key, version };
        const sut = jobId.reminder(reminder);
        expect(sut).toBe(`reminder.${appointmentId}.${personId}.${reminder.offsetKey}.v${version}`);
        expect(sut).not.toContain(':');
        expect(jobId.reminder({ ...reminder })).toBe(sut);
      }),
    );
  });

  it('REMINDER_OFFSETS is validated with the rest of the configuration', () => {
    expect(loadConfig({}).reminders.offsets).toEqual({});
    expect(loadConfig({ REMINDER_OFFSETS: '{"visit":["1d@16:00","1h"],"*":["30s"]}' }).reminders.offsets).toEqual({
      visit: ['1d@16:00', '1h'],
      '*': ['30s'],
    });
    for (const bad of ['not json', '[]', '{"visit":"1h"}', '{"visit":["1 hour"]}', '{"Visit!":["1h"]}']) {
      expect(() => loadConfig({ REMINDER_OFFSETS: bad })).toThrow(/REMINDER_OFFSETS/);
    }
  });

  it('has defaults for every kind, and REMINDER_OFFSETS replaces them per kind or for all', () => {
    const sut = new ReminderOffsets({ visit: ['1d@16:00'] });
    expect(sut.for('meeting').map((offset) => offset.key)).toEqual(['24h', '1h']);
    expect(sut.for('theme_session').map((offset) => offset.key)).toEqual(['48h']);
    expect(sut.for('visit').map((offset) => offset.key)).toEqual(['1d@1600']);
    expect(new ReminderOffsets({ '*': ['5s'] }).for('coaching_session').map((offset) => offset.key)).toEqual(['5s']);
    expect(() => new ReminderOffsets({ lunch: ['1h'] })).toThrow(/unknown appointment kinds: lunch/);
    for (const offsets of Object.values(DEFAULT_REMINDER_OFFSETS)) {
      expect(offsets.length).toBeGreaterThan(0);
    }
  });

  describe('across the DST changes', () => {
    // 2026-03-29 02:00 → 03:00 (CET → CEST); 2026-10-25 03:00 → 02:00 (CEST → CET).
    it('"24 hours before" counts real hours, so the wall clock shifts by the hour the night gained or lost', () => {
      const offset = parseReminderOffset('24h');
      // The night of the change lies within the 24 hours:
      expect(wallClock(reminderInstant(amsterdam('2026-03-29T12:00'), ZONE, offset))).toBe('2026-03-28T11:00');
      expect(wallClock(reminderInstant(amsterdam('2026-10-25T12:00'), ZONE, offset))).toBe('2026-10-24T13:00');
      // It does not (the change was before both moments):
      expect(wallClock(reminderInstant(amsterdam('2026-03-30T09:00'), ZONE, offset))).toBe('2026-03-29T09:00');
      expect(wallClock(reminderInstant(amsterdam('2026-10-26T09:00'), ZONE, offset))).toBe('2026-10-25T09:00');
    });

    it('"the day before at 16:00" stays at 16:00 on the wall clock', () => {
      const offset = parseReminderOffset('1d@16:00');
      expect(wallClock(reminderInstant(amsterdam('2026-03-30T09:00'), ZONE, offset))).toBe('2026-03-29T16:00');
      expect(wallClock(reminderInstant(amsterdam('2026-10-26T09:00'), ZONE, offset))).toBe('2026-10-25T16:00');
      expect(reminderInstant(amsterdam('2026-03-30T09:00'), ZONE, offset).toISOString()).toBe(
        '2026-03-29T14:00:00.000Z',
      );
      expect(reminderInstant(amsterdam('2026-10-26T09:00'), ZONE, offset).toISOString()).toBe(
        '2026-10-25T15:00:00.000Z',
      );
    });

    it('a wall-clock time in the spring-forward gap moves forward, not back', () => {
      const offset = parseReminderOffset('1d@02:30');
      expect(wallClock(reminderInstant(amsterdam('2026-03-30T09:00'), ZONE, offset))).toBe('2026-03-29T03:30');
    });
  });

  it('property: an instant offset is exactly that many milliseconds before the start, in any zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 72 }),
        fc.constantFrom(ZONE, 'UTC', 'America/New_York'),
        (start, hours, zone) => {
          const sut = reminderInstant(start, zone, parseReminderOffset(`${hours}h`));
          expect(start.getTime() - sut.getTime()).toBe(hours * 3_600_000);
        },
      ),
    );
  });

  it('property: a wall-clock offset lands N local days before the start, at that local time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 23 }).filter((hour) => hour !== 2), // 02:xx does not exist on spring-forward day
        fc.integer({ min: 0, max: 59 }),
        (start, days, hour, minute) => {
          const notation = `${days}d@${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const sut = DateTime.fromJSDate(reminderInstant(start, ZONE, parseReminderOffset(notation)), { zone: ZONE });
          const startDay = DateTime.fromJSDate(start, { zone: ZONE }).startOf('day');
          expect(sut.toISODate()).toBe(startDay.minus({ days }).toISODate());
          expect([sut.hour, sut.minute]).toEqual([hour, minute]);
        },
      ),
    );
  });

  it('property: only reminders after now and before the start are planned, none in the past', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -72 * 3600, max: 72 * 3600 }),
        fc.subarray(['24h', '1h', '48h', '30m', '1d@16:00', '0d@08:00', '2d@09:30'], { minLength: 1 }),
        (start, secondsBefore, notations) => {
          const now = new Date(start.getTime() - secondsBefore * 1000);
          const offsets = notations.map(parseReminderOffset);
          const sut = upcomingReminders(start, ZONE, offsets, now);
          for (const { dueAt } of sut) {
            expect(dueAt.getTime()).toBeGreaterThan(now.getTime());
            expect(dueAt.getTime()).toBeLessThan(start.getTime());
          }
          const expected = offsets.filter((offset) => {
            const at = reminderInstant(start, ZONE, offset).getTime();
            return at > now.getTime() && at < start.getTime();
          });
          expect(sut.map((reminder) => reminder.offset.key)).toEqual(expected.map((offset) => offset.key));
        },
      ),
    );
  });
});
