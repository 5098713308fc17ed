import { DateTime } from 'luxon';
import type { FieldProblem } from '@leerkring/core';
import type { HolidayRegion } from '../schools/school.entity';
import { AMSTERDAM, daysBetween, isCalendarDate, isSchoolYear, schoolYearOf, type CalendarDate } from './calendar-date';
import type { ClosureDraft, ParseResult } from './closure-draft';

/**
 * Rijksoverheid's open-data school holidays (opendata.rijksoverheid.nl, info type
 * `schoolholidays`): `content[].vacations[].regions[]`, with the region in Dutch and the dates as
 * timestamps. The timestamps stand for dates in the Netherlands: the feed has written the same
 * Saturday both as `2026-10-17T00:00:00.000Z` and as `2026-10-16T22:00:00.000Z` (midnight in
 * Amsterdam), so each is read as an instant and turned into its date in Europe/Amsterdam, never
 * cut at the `T`. Both ends are included: the start is the Saturday the holiday begins, the end
 * the Sunday it ends.
 */
export interface RijksoverheidImport {
  schoolYears: string[];
  holidays: ClosureDraft[];
}

const REGIONS: Record<string, HolidayRegion | 'national'> = {
  noord: 'north',
  midden: 'middle',
  zuid: 'south',
  'heel nederland': 'national',
};

/** Longer than any school holiday (the summer is six weeks and a day), shorter than a mistake. */
const MAX_HOLIDAY_DAYS = 100;

const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const DATE_TIME_WITHOUT_OFFSET = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;

/** The date in the Netherlands that a Rijksoverheid date value stands for, or null if it is not one. */
export function rijksoverheidDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') {
    return null;
  }
  const text = value.trim();
  if (isCalendarDate(text)) {
    return text;
  }
  if (DATE_TIME_WITH_OFFSET.test(text)) {
    const instant = DateTime.fromISO(text, { setZone: true });
    return instant.isValid ? instant.setZone(AMSTERDAM).toISODate() : null;
  }
  // Without an offset it is already wall-clock time in the Netherlands.
  const local = DATE_TIME_WITHOUT_OFFSET.exec(text);
  return local && isCalendarDate(local[1]) && DateTime.fromISO(text).isValid ? local[1] : null;
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function tidy(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

/**
 * Reads one Rijksoverheid document (`{ content: [...] }`) or an array of them. Every problem is
 * reported with its path; when there is one, nothing is returned to store.
 */
export function parseRijksoverheid(input: unknown): ParseResult<RijksoverheidImport> {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, messages: [message] });
  const holidays: ClosureDraft[] = [];
  const schoolYears = new Set<string>();
  const seenKeys = new Map<string, string>();

  const documents: Array<{ path: string; document: unknown }> = Array.isArray(input)
    ? input.map((document, index) => ({ path: `${index}.`, document }))
    : [{ path: '', document: input }];
  if (documents.length === 0) {
    problem('body', 'must be a Rijksoverheid school holiday document (an object with "content") or an array of them');
  }

  for (const { path, document } of documents) {
    if (!isRecord(document) || !Array.isArray(document.content)) {
      problem(`${path}content`, 'must be an array of school years (content[].vacations[].regions[])');
      continue;
    }
    if (document.content.length === 0) {
      problem(`${path}content`, 'must contain at least one school year');
    }
    document.content.forEach((year: unknown, yearIndex) => {
      const yearPath = `${path}content.${yearIndex}`;
      if (!isRecord(year)) {
        problem(yearPath, 'must be an object with schoolyear and vacations');
        return;
      }
      const schoolYear = tidy(year.schoolyear);
      if (!isSchoolYear(schoolYear)) {
        problem(`${yearPath}.schoolyear`, 'must be a school year such as "2026-2027"');
      }
      if (!Array.isArray(year.vacations) || year.vacations.length === 0) {
        problem(`${yearPath}.vacations`, 'must be a non-empty array');
        return;
      }
      schoolYears.add(schoolYear);
      year.vacations.forEach((vacation: unknown, vacationIndex) => {
        const vacationPath = `${yearPath}.vacations.${vacationIndex}`;
        if (!isRecord(vacation)) {
          problem(vacationPath, 'must be an object with type and regions');
          return;
        }
        const name = tidy(vacation.type);
        if (name === '' || name.length > 200 || slug(name) === '') {
          problem(`${vacationPath}.type`, 'must name the holiday, e.g. "Herfstvakantie" (at most 200 characters)');
        }
        if (!Array.isArray(vacation.regions) || vacation.regions.length === 0) {
          problem(`${vacationPath}.regions`, 'must be a non-empty array');
          return;
        }
        vacation.regions.forEach((entry: unknown, regionIndex) => {
          const regionPath = `${vacationPath}.regions.${regionIndex}`;
          if (!isRecord(entry)) {
            problem(regionPath, 'must be an object with region, startdate and enddate');
            return;
          }
          const region = REGIONS[tidy(entry.region).toLowerCase()];
          if (!region) {
            problem(`${regionPath}.region`, 'must be one of noord, midden, zuid, heel Nederland');
          }
          const startDate = rijksoverheidDate(entry.startdate);
          const endDate = rijksoverheidDate(entry.enddate);
          if (!startDate) {
            problem(
              `${regionPath}.startdate`,
              'must be a date or an ISO 8601 timestamp, e.g. 2026-10-17T00:00:00.000Z',
            );
          }
          if (!endDate) {
            problem(`${regionPath}.enddate`, 'must be a date or an ISO 8601 timestamp, e.g. 2026-10-25T00:00:00.000Z');
          }
          if (!region || !startDate || !endDate || !isSchoolYear(schoolYear) || name === '') {
            return;
          }
          if (endDate < startDate) {
            problem(`${regionPath}.enddate`, `must not be before startdate (${startDate})`);
            return;
          }
          if (daysBetween(startDate, endDate) >= MAX_HOLIDAY_DAYS) {
            problem(`${regionPath}.enddate`, `makes a holiday longer than ${MAX_HOLIDAY_DAYS} days`);
            return;
          }
          if (schoolYearOf(startDate) !== schoolYear) {
            problem(`${regionPath}.startdate`, `${startDate} is not in school year ${schoolYear}`);
            return;
          }
          const sourceKey = `${schoolYear}/${slug(name)}/${region}`;
          const earlier = seenKeys.get(sourceKey);
          if (earlier) {
            problem(regionPath, `repeats ${name} for the same region (see ${earlier})`);
            return;
          }
          seenKeys.set(sourceKey, regionPath);
          holidays.push({
            kind: 'holiday',
            name,
            startDate,
            endDate,
            scope: region === 'national' ? 'national' : 'region',
            region: region === 'national' ? null : region,
            schoolId: null,
            schoolYear,
            source: 'rijksoverheid',
            sourceKey,
          });
        });
      });
    });
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { schoolYears: [...schoolYears].sort(), holidays } };
}
