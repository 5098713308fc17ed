import { DateTime } from 'luxon';
import { REMINDER_OFFSET_PATTERN, type AppConfig } from '@leerkring/core';
import { APPOINTMENT_KINDS, type AppointmentKind } from '../appointments/appointment.entity';

/**
 * When a reminder goes out, relative to the appointment's start. DESIGN.md, "Time": "24 hours
 * before" is computed on instants; "the day before at 16:00" on wall-clock time in the
 * appointment's zone.
 */
export type ReminderOffset =
  | { kind: 'instant'; key: string; milliseconds: number }
  | { kind: 'wall-clock'; key: string; daysBefore: number; hour: number; minute: number };

/**
 * The defaults, per appointment kind, in the notation of REMINDER_OFFSETS (which replaces them
 * per kind): `24h` / `90m` / `30s` before the start, or `1d@16:00` for the day before at 16:00.
 */
export const DEFAULT_REMINDER_OFFSETS: { readonly [K in AppointmentKind]: readonly string[] } = {
  meeting: ['24h', '1h'],
  coaching_session: ['24h', '1h'],
  intervision_meeting: ['24h', '1h'],
  theme_session: ['48h'],
  visit_pre: ['24h', '1h'],
  visit: ['24h', '1h'],
  visit_debrief: ['24h', '1h'],
};

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** Reads one offset. Its key is the notation without ":" (`1d@16:00` → `1d@1600`), safe in job ids. */
export function parseReminderOffset(notation: string): ReminderOffset {
  if (!REMINDER_OFFSET_PATTERN.test(notation)) {
    throw new Error(`"${notation}" is not a reminder offset (e.g. "24h", "90m", "30s" or "1d@16:00")`);
  }
  const key = notation.replace(':', '');
  const wallClock = /^(\d+)d@(\d\d):(\d\d)$/.exec(notation);
  if (wallClock) {
    return {
      kind: 'wall-clock',
      key,
      daysBefore: Number(wallClock[1]),
      hour: Number(wallClock[2]),
      minute: Number(wallClock[3]),
    };
  }
  const unit = notation.slice(-1) as keyof typeof UNIT_MS;
  return { kind: 'instant', key, milliseconds: Number(notation.slice(0, -1)) * UNIT_MS[unit] };
}

/** The moment a reminder is due for an appointment starting at `startsAt` in `zone`. */
export function reminderInstant(startsAt: Date, zone: string, offset: ReminderOffset): Date {
  if (offset.kind === 'instant') {
    return new Date(startsAt.getTime() - offset.milliseconds);
  }
  // Wall clock: the start's local date in its zone, N days back, at HH:MM there. A time that
  // does not exist that day (in the spring-forward gap) moves forward, as Luxon does.
  return DateTime.fromJSDate(startsAt, { zone })
    .startOf('day')
    .minus({ days: offset.daysBefore })
    .set({ hour: offset.hour, minute: offset.minute, second: 0, millisecond: 0 })
    .toJSDate();
}

/** A reminder that is due: its offset and when. */
export interface DueReminder {
  offset: ReminderOffset;
  dueAt: Date;
}

/**
 * The reminders still to come for an appointment: those due after `now` and before the start.
 * No reminder for a moment already past (nor one a wall-clock offset would put after the start).
 */
export function upcomingReminders(
  startsAt: Date,
  zone: string,
  offsets: readonly ReminderOffset[],
  now: Date,
): DueReminder[] {
  return offsets
    .map((offset) => ({ offset, dueAt: reminderInstant(startsAt, zone, offset) }))
    .filter(({ dueAt }) => dueAt.getTime() > now.getTime() && dueAt.getTime() < startsAt.getTime());
}

/** The offsets per kind: the defaults, replaced per kind by REMINDER_OFFSETS (`*` for every kind). */
export class ReminderOffsets {
  private readonly byKind: ReadonlyMap<string, readonly ReminderOffset[]>;

  constructor(overrides: AppConfig['reminders']['offsets'] = {}) {
    const unknown = Object.keys(overrides).filter(
      (kind) => kind !== '*' && !(APPOINTMENT_KINDS as readonly string[]).includes(kind),
    );
    if (unknown.length > 0) {
      throw new Error(`REMINDER_OFFSETS names unknown appointment kinds: ${unknown.join(', ')}`);
    }
    this.byKind = new Map(
      APPOINTMENT_KINDS.map((kind) => [
        kind,
        (overrides[kind] ?? overrides['*'] ?? DEFAULT_REMINDER_OFFSETS[kind]).map(parseReminderOffset),
      ]),
    );
  }

  for(kind: string): readonly ReminderOffset[] {
    return this.byKind.get(kind) ?? [];
  }
}
