import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIcal, type IcalImport } from './ical.parser';

const SCHOOL = '7d0b8f3e-2f7a-4c55-9a1e-0c7b1d7c0001';

function calendar(...lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//NL', ...lines, 'END:VCALENDAR'].join('\r\n');
}

function event(...lines: string[]): string[] {
  return ['BEGIN:VEVENT', 'DTSTAMP:20260601T120000Z', ...lines, 'END:VEVENT'];
}

function parsed(text: string): IcalImport {
  const result = parseIcal(text, SCHOOL);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.value;
}

const dates = (result: IcalImport) => result.closures.map((closure) => [closure.startDate, closure.endDate]);

describe('parseIcal', () => {
  it('reads the example file: all-day events, Outlook time zones and UTC times', () => {
    const text = readFileSync(join(__dirname, 'fixtures/studiedagen-voorbeeld.ics'), 'utf8');

    const sut = parsed(text);

    expect(sut.cancelledKeys).toEqual([]);
    expect(sut.closures.map((closure) => [closure.name, closure.startDate, closure.endDate])).toEqual([
      ['Studiedag team', '2026-11-13', '2026-11-13'],
      ['Studiedagen, teamscholing', '2027-02-01', '2027-02-02'],
      ['Studiedag rekenen', '2027-03-17', '2027-03-17'],
      ['Studiedag', '2027-06-14', '2027-06-14'],
    ]);
    expect(sut.closures[0]).toEqual({
      kind: 'study_day',
      name: 'Studiedag team',
      startDate: '2026-11-13',
      endDate: '2026-11-13',
      scope: 'school',
      region: null,
      schoolId: SCHOOL,
      schoolYear: '2026-2027',
      source: 'ical',
      sourceKey: `${SCHOOL}/studiedag-2026-11-13@regenboog.example`,
    });
  });

  it('takes the dates of timed events in Amsterdam', () => {
    const sut = parsed(
      calendar(
        // 22:30 UTC is already the next day in Amsterdam (summer time).
        ...event('UID:late', 'DTSTART:20270706T223000Z', 'DTEND:20270707T060000Z'),
        // An IANA zone name without a VTIMEZONE.
        ...event(
          'UID:named',
          'DTSTART;TZID=Europe/Amsterdam:20261012T083000',
          'DTEND;TZID=Europe/Amsterdam:20261012T150000',
        ),
        // Floating time is read as Amsterdam wall-clock time.
        ...event('UID:floating', 'DTSTART:20261012T083000', 'DTEND:20261012T120000'),
        // Ending at midnight does not close the next day.
        ...event(
          'UID:midnight',
          'DTSTART;TZID=Europe/Amsterdam:20261012T000000',
          'DTEND;TZID=Europe/Amsterdam:20261013T000000',
        ),
        // Across the end of summer time (2026-10-25).
        ...event('UID:dst', 'DTSTART:20261024T223000Z', 'DTEND:20261025T230000Z'),
      ),
    );

    expect(dates(sut)).toEqual([
      ['2027-07-07', '2027-07-07'],
      ['2026-10-12', '2026-10-12'],
      ['2026-10-12', '2026-10-12'],
      ['2026-10-12', '2026-10-12'],
      ['2026-10-25', '2026-10-25'],
    ]);
  });

  it('treats DTEND of an all-day event as exclusive, and a missing one as one day', () => {
    const sut = parsed(
      calendar(
        ...event('UID:a', 'DTSTART;VALUE=DATE:20261012', 'DTEND;VALUE=DATE:20261015'),
        ...event('UID:b', 'DTSTART;VALUE=DATE:20261012'),
        ...event('UID:c', 'DTSTART;VALUE=DATE:20261012', 'DURATION:P2D'),
      ),
    );

    expect(dates(sut)).toEqual([
      ['2026-10-12', '2026-10-14'],
      ['2026-10-12', '2026-10-12'],
      ['2026-10-12', '2026-10-13'],
    ]);
    expect(sut.closures[1].name).toBe('Studiedag');
  });

  it('expands a recurring event into one closure per occurrence, keyed by its date', () => {
    const sut = parsed(
      calendar(
        ...event(
          'UID:series',
          'SUMMARY:Studiemiddag',
          'DTSTART;VALUE=DATE:20261007',
          'RRULE:FREQ=MONTHLY;COUNT=3',
          'EXDATE;VALUE=DATE:20261107',
        ),
        ...event(
          'UID:series',
          'RECURRENCE-ID;VALUE=DATE:20261207',
          'DTSTART;VALUE=DATE:20261208',
          'SUMMARY:Studiemiddag (verschoven)',
        ),
      ),
    );

    expect(
      sut.closures.map((closure) => [closure.sourceKey.slice(SCHOOL.length + 1), closure.startDate, closure.name]),
    ).toEqual([
      ['series/2026-10-07', '2026-10-07', 'Studiemiddag'],
      ['series/2026-12-07', '2026-12-08', 'Studiemiddag (verschoven)'],
    ]);
  });

  it('turns cancelled events into keys to remove', () => {
    const sut = parsed(
      calendar(
        ...event('UID:gone', 'STATUS:CANCELLED', 'DTSTART;VALUE=DATE:20261012'),
        ...event('UID:kept', 'DTSTART;VALUE=DATE:20261013'),
      ),
    );

    expect(sut.cancelledKeys).toEqual([`${SCHOOL}/gone`]);
    expect(sut.closures.map((closure) => closure.sourceKey)).toEqual([`${SCHOOL}/kept`]);
  });

  it('accepts an empty calendar', () => {
    expect(parsed(calendar())).toEqual({ closures: [], cancelledKeys: [] });
  });

  it.each([
    ['an empty body', ''],
    ['plain text', 'Studiedag op maandag'],
    ['JSON', '{"events": []}'],
    ['an unfinished calendar', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR'],
    ['a lone event', 'BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT'],
  ])('refuses %s with a message about the body', (_what, text) => {
    const sut = parseIcal(text, SCHOOL);

    expect(sut.ok).toBe(false);
    expect(sut.ok ? [] : sut.problems).toEqual([
      { field: 'body', messages: [expect.stringMatching(/iCalendar|VCALENDAR/)] },
    ]);
  });

  it('names each bad event: no UID, no DTSTART, a bad date, an end before the start', () => {
    const sut = parseIcal(
      calendar(
        ...event('SUMMARY:Zonder UID', 'DTSTART;VALUE=DATE:20261012'),
        ...event('UID:no-start', 'SUMMARY:Zonder begin'),
        ...event('UID:bad-date', 'DTSTART;VALUE=DATE:2026xx12'),
        ...event('UID:backwards', 'DTSTART;VALUE=DATE:20261012', 'DTEND;VALUE=DATE:20261010'),
        ...event('UID:fine', 'DTSTART;VALUE=DATE:20261012'),
      ),
      SCHOOL,
    );

    expect(sut.ok).toBe(false);
    expect(sut.ok ? [] : sut.problems.map((problem) => problem.field)).toEqual([
      'events.0.uid',
      'events.1.dtstart',
      'events.2',
      'events.3.dtend',
    ]);
    expect(sut.ok ? '' : sut.problems[0].messages[0]).toContain('"Zonder UID"');
  });

  it('refuses a UID used by two events', () => {
    const sut = parseIcal(
      calendar(
        ...event('UID:twice', 'DTSTART;VALUE=DATE:20261012'),
        ...event('UID:twice', 'DTSTART;VALUE=DATE:20261013'),
      ),
      SCHOOL,
    );

    expect(sut).toMatchObject({
      ok: false,
      problems: [{ field: 'events.1.uid', messages: [expect.stringContaining('repeats')] }],
    });
  });
});
