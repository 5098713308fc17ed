export type MailLanguage = 'nl' | 'en';

const LOCALE: Record<MailLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Making an Intl.DateTimeFormat costs far more than using one: one per locale, zone and use. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

function parts(instant: Date, zone: string, language: MailLanguage): { date: string; time: string } {
  const date = formatter(
    `date.${language}.${zone}`,
    () =>
      new Intl.DateTimeFormat(LOCALE[language], {
        timeZone: zone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
  ).format(instant);
  const time = formatter(
    `time.${language}.${zone}`,
    () =>
      new Intl.DateTimeFormat(LOCALE[language], {
        timeZone: zone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(instant);
  // en-GB writes "Tuesday, 27 October 2026" in some ICU versions and "Tuesday 27 October 2026" in others.
  return { date: date.replace(',', ''), time };
}

/**
 * A time range the way people write it, in the zone's wall-clock time:
 * "dinsdag 27 oktober 2026, 15:30–16:30" (nl) or "Tuesday 27 October 2026, 15:30–16:30" (en).
 * A range that ends on another day names both days.
 */
export function formatWallClockRange(
  start: Date,
  end: Date,
  zone = 'Europe/Amsterdam',
  language: MailLanguage = 'nl',
): string {
  const from = parts(start, zone, language);
  const to = parts(end, zone, language);
  if (from.date === to.date) {
    return `${from.date}, ${from.time}–${to.time}`;
  }
  return `${from.date}, ${from.time} – ${to.date}, ${to.time}`;
}

/** The zone's wall-clock fields of an instant (for DTSTART;TZID=…). */
export function wallClockFields(
  instant: Date,
  zone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const fields = Object.fromEntries(
    formatter(
      `fields.${zone}`,
      () =>
        new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
          hourCycle: 'h23',
        }),
    )
      .formatToParts(instant)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
  };
}
