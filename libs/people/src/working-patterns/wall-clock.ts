import { DateTime } from 'luxon';
import { addDays, type CalendarDate } from '../calendar/calendar-date';

/** Weekdays as the API writes them; stored as ISO numbers (1 = Monday ... 7 = Sunday). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function isoWeekdayOf(weekday: Weekday): number {
  return WEEKDAYS.indexOf(weekday) + 1;
}

export function weekdayOfIso(iso: number): Weekday {
  const weekday = WEEKDAYS[iso - 1];
  if (!weekday) {
    throw new RangeError(`Not an ISO weekday: ${iso}`);
  }
  return weekday;
}

const MINUTES_PER_DAY = 24 * 60;
const WALL_CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "08:15" → 495. "24:00" is the end of the day (1440) and only allowed where `allowEndOfDay`. */
export function parseWallClock(value: string, allowEndOfDay = false): number | null {
  if (allowEndOfDay && value === '24:00') {
    return MINUTES_PER_DAY;
  }
  const match = WALL_CLOCK.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 495 → "08:15"; 1440 → "24:00". */
export function formatWallClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function wallKey(instant: DateTime): string {
  return instant.toFormat('yyyy-MM-dd HH:mm');
}

/**
 * The first instant at which the wall clock in `zone` shows `minuteOfDay` on `date` or later.
 * On an ordinary day that is simply that local time. When the clock jumps forward (02:00 → 03:00
 * on the last Sunday of March in Amsterdam) a time in the gap becomes the moment of the jump;
 * when it falls back and a time happens twice, the first of the two is taken. 24:00 is the next
 * day's 00:00.
 */
export function instantAtWallClock(date: CalendarDate, minuteOfDay: number, zone: string): Date {
  // Remembered: finding a zone's offset goes through Intl and costs tens of microseconds, and
  // planning asks for the same few times of day on the same dates over and over.
  const key = `${zone}|${date}|${minuteOfDay}`;
  let ms = placed.get(key);
  if (ms === undefined) {
    if (placed.size >= PLACED_LIMIT) {
      placed.clear();
    }
    ms = placeWallClock(date, minuteOfDay, zone).getTime();
    placed.set(key, ms);
  }
  return new Date(ms);
}

const PLACED_LIMIT = 100_000;
const placed = new Map<string, number>();

function placeWallClock(date: CalendarDate, minuteOfDay: number, zone: string): Date {
  if (minuteOfDay >= MINUTES_PER_DAY) {
    return instantAtWallClock(addDays(date, 1), minuteOfDay - MINUTES_PER_DAY, zone);
  }
  const [year, month, day] = date.split('-').map(Number);
  let instant = DateTime.fromObject(
    { year, month, day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
    { zone },
  );
  if (!instant.isValid) {
    throw new RangeError(`Cannot place ${date} ${formatWallClock(minuteOfDay)} in zone ${zone}`);
  }
  const wanted = `${date} ${formatWallClock(minuteOfDay)}`;
  // Shown twice (clocks fall back): take the earlier one.
  for (const minutesBack of [60, 30]) {
    const earlier = instant.minus({ minutes: minutesBack });
    if (wallKey(earlier) === wanted) {
      instant = earlier;
      break;
    }
  }
  // Never shown (clocks jump forward): go back to the jump itself.
  if (wallKey(instant) !== wanted) {
    while (wallKey(instant.minus({ minutes: 1 })) >= wanted) {
      instant = instant.minus({ minutes: 1 });
    }
  }
  return instant.toJSDate();
}
