import type { Lang } from './i18n';

export const ZONE = 'Europe/Amsterdam';

// Always Dutch conventions (day-month-year, 24-hour clock), in the foundation's time zone;
// only the month and weekday names follow the chosen language.
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'nl-NL');

export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

export function formatTimeRange(start: string, end: string, lang: Lang): string {
  return `${formatTime(start, lang)}–${formatTime(end, lang)}`;
}

/** A YYYY-MM-DD calendar date (as the API gives days) written out, e.g. "maandag 7 december". */
export function formatDay(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The date in Amsterdam (today by default) as YYYY-MM-DD. */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
}

/** The wall-clock time in Amsterdam (now by default) as HH:MM, 24-hour. */
export function timeInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day of the month `months` later (clamped to the month's last day), as YYYY-MM-DD. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

/** Midnight at the start of a date in Amsterdam, as an instant with its offset (CET or CEST). */
export function amsterdamMidnight(date: string): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') || '+00:00';
  return `${date}T00:00:00${offset}`;
}

/** "december 2026". */
export function formatMonth(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** Short weekday names, Monday first ("ma", "di", … or "Mon", "Tue", …). */
export function weekdayNames(lang: Lang): string[] {
  const format = new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', weekday: 'short' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, index) => format.format(new Date(Date.UTC(2024, 0, 1 + index, 12))));
}
