import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ApiException, ErrorCode, type FieldProblem } from '@leerkring/core';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log';
import {
  addDays,
  daysBetween,
  eachDate,
  isCalendarDate,
  isoWeekday,
  schoolYearOf,
  type CalendarDate,
} from './calendar-date';
import type { ClosureDraft, ParseResult } from './closure-draft';
import { appliesTo, closureOn, closuresOverlapping, coversDate, type CalendarSchool } from './closure-rules';
import type { Closure } from './closure.entity';
import type { CreateClosureDto, UpdateClosureDto } from './closure.dto';
import { ClosureRepository, upsertClosures, type ClosureChanges } from './closure.repository';
import { FeedFetchError } from './feed/feed-fetch';
import { parseIcal } from './ical.parser';
import { publicHolidayDrafts } from './public-holidays';
import { parseRijksoverheid } from './rijksoverheid.parser';
import { SHIPPED_RIJKSOVERHEID_DOCUMENTS } from './shipped-holidays';

/** A range query may span at most this many days (three school years). */
export const MAX_RANGE_DAYS = 3 * 366;
/** A closure added by hand may last at most this many days. */
const MAX_MANUAL_DAYS = 100;

export interface RijksoverheidImportReport {
  schoolYears: string[];
  holidays: ClosureChanges;
  publicHolidays: ClosureChanges;
}

function invalid(field: string, message: string): ApiException {
  return ApiException.validation([{ field, messages: [message] }]);
}

function unwrap<T>(result: ParseResult<T>): T {
  if (!result.ok) {
    throw ApiException.validation(result.problems);
  }
  return result.value;
}

/**
 * The school calendar: when is a school closed, and why. Holidays come per holiday region (and
 * for heel Nederland) from Rijksoverheid, public holidays are computed, study days come per
 * school from an iCalendar file or are added by hand. Later scheduling asks `isClosed` and
 * `closuresBetween`; the rules behind both are the pure functions in closure-rules.ts.
 */
@Injectable()
export class SchoolCalendar {
  constructor(
    private readonly closures: ClosureRepository,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The closure that makes the school closed on this date (the most specific one), or null.
   * Inside a transaction, pass its manager: holding one pooled connection while waiting for
   * another can starve the pool under load.
   */
  async isClosed(schoolId: string, date: CalendarDate, manager?: EntityManager): Promise<Closure | null> {
    if (!isCalendarDate(date)) {
      throw invalid('date', 'date must be a date written as YYYY-MM-DD');
    }
    const school = await this.school(schoolId, manager);
    return closureOn(await this.closures.findForSchool(school, date, date, manager), school, date);
  }

  /**
   * The closures that apply to the school (its region's holidays, heel Nederland, public holidays
   * and its own study days) and share at least one day with [from, to], chronologically.
   */
  async closuresBetween(schoolId: string, from: CalendarDate, to: CalendarDate): Promise<Closure[]> {
    this.assertRange(from, to);
    const school = await this.school(schoolId);
    return closuresOverlapping(await this.closures.findForSchool(school, from, to), school, from, to);
  }

  /**
   * The dates in [from, to] on which the school has no lessons: closures and weekends. For
   * scheduling (slot suggestions, "five school days before").
   */
  async closedDates(schoolId: string, from: CalendarDate, to: CalendarDate): Promise<Set<CalendarDate>> {
    const closures = await this.closuresBetween(schoolId, from, to);
    return new Set(
      eachDate(from, to).filter(
        (date) => isoWeekday(date) > 5 || closures.some((closure) => coversDate(closure, date)),
      ),
    );
  }

  /** Is `date` a school day there: a weekday on which no closure applies? */
  async isSchoolDay(schoolId: string, date: CalendarDate): Promise<boolean> {
    return isoWeekday(date) <= 5 && (await this.isClosed(schoolId, date)) === null;
  }

  /**
   * The `count` school days before (count < 0) or after (count > 0) `date`, nearest first,
   * skipping weekends and closures; at most a school year's search.
   */
  async schoolDaysFrom(schoolId: string, date: CalendarDate, count: number): Promise<CalendarDate[]> {
    const direction = Math.sign(count);
    const span = 200 * direction;
    const [from, to] =
      direction > 0 ? [addDays(date, 1), addDays(date, span)] : [addDays(date, span), addDays(date, -1)];
    const closed = await this.closedDates(schoolId, from, to);
    const days = eachDate(from, to).filter((day) => !closed.has(day));
    return (direction > 0 ? days : days.reverse()).slice(0, Math.abs(count));
  }

  /** One closure that applies to the school; 404 otherwise. */
  async get(schoolId: string, closureId: string): Promise<Closure> {
    const school = await this.school(schoolId);
    const closure = await this.closures.findOne(closureId);
    if (!closure || !appliesTo(closure, school)) {
      throw ApiException.notFound('The closure');
    }
    return closure;
  }

  /**
   * Imports Rijksoverheid school-holiday documents (the JSON of their open data, one document or
   * an array of them) and the public holidays of the same school years. Without a document the
   * shipped fixture is loaded. The file is the whole truth for its school years: a holiday it no
   * longer lists is removed; importing the same file again changes nothing.
   */
  async importRijksoverheid(actor: Actor | null, document?: unknown): Promise<RijksoverheidImportReport> {
    const documents = document === undefined ? SHIPPED_RIJKSOVERHEID_DOCUMENTS : document;
    const { schoolYears, holidays } = unwrap(parseRijksoverheid(documents));
    const report = await this.closures.importExclusively(async (manager) => {
      const holidayChanges = await upsertClosures(manager, holidays, {
        sync: { source: 'rijksoverheid', kinds: ['holiday'], schoolYears },
      });
      const publicHolidays = schoolYears.flatMap((year) => publicHolidayDrafts(year));
      const publicHolidayChanges = await upsertClosures(manager, publicHolidays, {
        sync: { source: 'rijksoverheid', kinds: ['public_holiday'], schoolYears },
      });
      const result = { schoolYears, holidays: holidayChanges, publicHolidays: publicHolidayChanges };
      await this.audit.record(
        {
          actorPersonId: actor?.personId ?? null,
          action: 'import',
          entityType: 'closure',
          entityId: null,
          details: { source: 'rijksoverheid', shippedFixture: document === undefined, ...result },
        },
        manager,
      );
      return result;
    });
    return report;
  }

  /** Imports a school's study days from an iCalendar file (see ical.parser.ts). */
  async importIcal(actor: Actor | null, schoolId: string, text: string): Promise<ClosureChanges> {
    await this.school(schoolId);
    const parsed = parseIcal(text, schoolId);
    if (!parsed.ok && parsed.problems.every((problem) => problem.field === 'body')) {
      throw new ApiException(400, ErrorCode.MalformedBody, 'Malformed iCalendar file', {
        detail: `The body ${parsed.problems.flatMap((problem) => problem.messages).join('; ')}.`,
      });
    }
    const { closures, cancelledKeys } = unwrap(parsed);
    return this.closures.importExclusively(async (manager) => {
      const changes = await upsertClosures(manager, closures, {
        cancelledKeys: cancelledKeys.map((sourceKey) => ({ source: 'ical' as const, sourceKey })),
      });
      await this.audit.record(
        {
          actorPersonId: actor?.personId ?? null,
          action: 'import',
          entityType: 'closure',
          entityId: null,
          details: { source: 'ical', schoolId, ...changes },
        },
        manager,
      );
      return changes;
    });
  }

  /**
   * Imports a school's calendar feed (fetched by the worker, see feed/): the same parser as an
   * uploaded file, but the feed is the whole truth for the study days it brought (source
   * `ical_feed`): events it no longer lists (or marks cancelled) are removed, the others created
   * or updated by UID, so syncing the same feed again changes nothing. Throws when the text is
   * not a usable calendar; then nothing changes.
   */
  async importIcalFeed(schoolId: string, text: string): Promise<ClosureChanges & { events: number }> {
    await this.school(schoolId);
    const parsed = parseIcal(text, schoolId);
    if (!parsed.ok) {
      const messages = parsed.problems.flatMap((problem) =>
        problem.field === 'body' ? problem.messages.map((message) => `the feed ${message}`) : problem.messages,
      );
      throw new FeedFetchError(messages.join('; ').slice(0, 480));
    }
    const closures = parsed.value.closures.map((draft) => ({ ...draft, source: 'ical_feed' as const }));
    return this.closures.importExclusively(async (manager) => {
      const changes = await upsertClosures(manager, closures, {
        replace: { source: 'ical_feed', schoolId },
      });
      await this.audit.record(
        {
          actorPersonId: null,
          action: 'import',
          entityType: 'closure',
          entityId: null,
          details: { source: 'ical_feed', schoolId, ...changes },
        },
        manager,
      );
      return { ...changes, events: closures.length };
    });
  }

  /** Adds a study day (or a school's own extra holiday) by hand. */
  async create(actor: Actor, schoolId: string, input: CreateClosureDto): Promise<Closure> {
    await this.school(schoolId);
    const startDate = input.startDate;
    const endDate = input.endDate ?? input.startDate;
    this.assertManualDates(startDate, endDate);
    const id = randomUUID();
    const draft: ClosureDraft & { id: string } = {
      id,
      kind: input.kind ?? 'study_day',
      name: input.name,
      startDate,
      endDate,
      scope: 'school',
      region: null,
      schoolId,
      schoolYear: schoolYearOf(startDate),
      source: 'manual',
      sourceKey: id,
    };
    const closure = await this.closures.insert(draft);
    await this.audit.record({
      actorPersonId: actor.personId,
      action: 'create',
      entityType: 'closure',
      entityId: closure.id,
      details: { schoolId, kind: closure.kind, startDate, endDate },
    });
    return closure;
  }

  /** Changes a closure added by hand. Imported ones change by importing their source again. */
  async update(actor: Actor, schoolId: string, closureId: string, input: UpdateClosureDto): Promise<Closure> {
    const closure = await this.ownClosure(schoolId, closureId);
    if (closure.source !== 'manual') {
      throw ApiException.businessRule(ErrorCode.BusinessRule, 'Imported closure', {
        detail: `This closure comes from an ${closure.source} import; change it there and import again, or delete it.`,
      });
    }
    const startDate = input.startDate ?? closure.startDate;
    const endDate =
      input.endDate ?? (input.startDate && closure.startDate === closure.endDate ? startDate : closure.endDate);
    this.assertManualDates(startDate, endDate);
    const fields = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      startDate,
      endDate,
      schoolYear: schoolYearOf(startDate),
    };
    await this.closures.update(closure.id, fields);
    await this.audit.record({
      actorPersonId: actor.personId,
      action: 'update',
      entityType: 'closure',
      entityId: closure.id,
      details: {
        schoolId,
        fields: Object.keys(input).filter((key) => input[key as keyof UpdateClosureDto] !== undefined),
      },
    });
    return { ...closure, ...fields } as Closure;
  }

  /** Removes one of the school's own closures (added by hand or imported from its iCalendar file). */
  async remove(actor: Actor, schoolId: string, closureId: string): Promise<void> {
    const closure = await this.ownClosure(schoolId, closureId);
    await this.closures.delete(closure.id);
    await this.audit.record({
      actorPersonId: actor.personId,
      action: 'delete',
      entityType: 'closure',
      entityId: closure.id,
      details: { schoolId, source: closure.source },
    });
  }

  private async ownClosure(schoolId: string, closureId: string): Promise<Closure> {
    await this.school(schoolId);
    const closure = await this.closures.findOne(closureId);
    if (!closure || closure.scope !== 'school' || closure.schoolId !== schoolId) {
      throw ApiException.notFound('The closure');
    }
    return closure;
  }

  private async school(schoolId: string, manager?: EntityManager): Promise<CalendarSchool> {
    const school = await this.closures.findSchool(schoolId, manager);
    if (!school) {
      throw ApiException.notFound('The school');
    }
    return school;
  }

  private assertRange(from: CalendarDate, to: CalendarDate): void {
    const problems: FieldProblem[] = [];
    if (!isCalendarDate(from)) {
      problems.push({ field: 'from', messages: ['from must be a date written as YYYY-MM-DD'] });
    }
    if (!isCalendarDate(to)) {
      problems.push({ field: 'to', messages: ['to must be a date written as YYYY-MM-DD'] });
    }
    if (problems.length === 0 && to < from) {
      problems.push({ field: 'to', messages: ['to must not be before from'] });
    }
    if (problems.length === 0 && daysBetween(from, to) > MAX_RANGE_DAYS) {
      problems.push({ field: 'to', messages: [`to must be at most ${MAX_RANGE_DAYS} days after from`] });
    }
    if (problems.length > 0) {
      throw ApiException.validation(problems);
    }
  }

  private assertManualDates(startDate: CalendarDate, endDate: CalendarDate): void {
    if (endDate < startDate) {
      throw invalid('endDate', 'endDate must not be before startDate');
    }
    if (daysBetween(startDate, endDate) >= MAX_MANUAL_DAYS) {
      throw invalid('endDate', `a closure added by hand lasts at most ${MAX_MANUAL_DAYS} days`);
    }
  }
}
