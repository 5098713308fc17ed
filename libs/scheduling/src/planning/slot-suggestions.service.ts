import { Injectable } from '@nestjs/common';
import { ApiException, ErrorCode } from '@leerkring/core';
import {
  AccessPolicy,
  AMSTERDAM,
  SchoolCalendar,
  WorkingPatterns,
  addDays,
  availableBlocks,
  daysBetween,
  dateInZone,
  eachDate,
  instantAtWallClock,
  type Actor,
  type CalendarDate,
  type TimeRange,
  type WeeklyPattern,
} from '@leerkring/people';
import { blockedRanges, findSlots } from './busy-time';
import { ScheduleRepository } from './schedule.repository';
import { SchedulingRules } from './scheduling-rules';
import type { SlotListResponse, SlotQuery } from './slot.dto';

const MAX_RANGE_DAYS = 120;
const STEP_MS = 15 * 60_000;
const WINDOW_DAYS = 14;

/** When we suggest times for someone with no working pattern on record: school hours on weekdays. */
const DEFAULT_WEEK: WeeklyPattern = (['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const).map(
  (weekday) => ({ weekday, start: '08:00', end: '17:00' }),
);

export interface SlotSearchInput {
  personIds: string[];
  schoolId: string | null;
  durationMinutes: number;
  from: CalendarDate;
  to: CalendarDate;
  count: number;
  /** Leave this appointment's own time out of the busy time (suggesting a new time for it). */
  exceptAppointmentId?: string;
  now?: Date;
}

/**
 * Free slots for a set of people at a school, honouring every rule the planner checks: each
 * person's working hours and unavailability, the school's closures (and weekends), their
 * existing appointments with travel time to and from other schools, and the minimum notice.
 * A slot suggested here passes `SchedulingRules.check` (unless someone takes it first).
 */
@Injectable()
export class SlotSuggestions {
  constructor(
    private readonly schedule: ScheduleRepository,
    private readonly rules: SchedulingRules,
    private readonly workingPatterns: WorkingPatterns,
    private readonly calendar: SchoolCalendar,
    private readonly policy: AccessPolicy,
  ) {}

  /** The API: coaches and admins ask for people they can see. */
  async suggest(actor: Actor, query: SlotQuery): Promise<SlotListResponse> {
    if (!actor.isAdmin && !actor.roles.has('coach')) {
      throw new ApiException(403, ErrorCode.Forbidden, 'Only coaches and admins look for slots');
    }
    const from = query.from ?? dateInZone(new Date(), AMSTERDAM);
    const to = query.to ?? addDays(from, 27);
    if (to < from) {
      throw ApiException.validation([{ field: 'to', messages: ['to must not be before from'] }]);
    }
    if (daysBetween(from, to) > MAX_RANGE_DAYS) {
      throw ApiException.validation([{ field: 'to', messages: [`look at most ${MAX_RANGE_DAYS} days ahead at once`] }]);
    }
    for (const personId of query.personId) {
      if (!(await this.policy.canSeePerson(actor, personId))) {
        throw ApiException.notFound('The person');
      }
    }
    const slots = await this.find({
      personIds: query.personId,
      schoolId: query.schoolId ?? null,
      durationMinutes: query.duration ?? 60,
      from,
      to,
      count: query.count ?? 10,
    });
    return { items: slots.map((slot) => ({ start: slot.start.toISOString(), end: slot.end.toISOString() })) };
  }

  /**
   * For domains (a visit's pre-visit meeting and debrief): no authorization here, the caller did
   * that. Looks two weeks at a time and stops once it has enough: usually the first weeks do.
   */
  async find(input: SlotSearchInput): Promise<TimeRange[]> {
    const found: TimeRange[] = [];
    for (let from = input.from; from <= input.to && found.length < input.count; from = addDays(from, WINDOW_DAYS)) {
      const last = addDays(from, WINDOW_DAYS - 1);
      const window = await this.findIn({
        ...input,
        from,
        to: last < input.to ? last : input.to,
        count: input.count - found.length,
      });
      found.push(...window);
    }
    return found;
  }

  private async findIn(input: SlotSearchInput): Promise<TimeRange[]> {
    const rangeStart = instantAtWallClock(input.from, 0, AMSTERDAM);
    const rangeEnd = instantAtWallClock(addDays(input.to, 1), 0, AMSTERDAM);
    const [availability, busy, closed] = await Promise.all([
      this.workingPatterns.availabilityOf(input.personIds, rangeStart, rangeEnd),
      this.schedule.busyTime(
        input.personIds,
        new Date(rangeStart.getTime() - this.rules.travelBufferMs),
        new Date(rangeEnd.getTime() + this.rules.travelBufferMs),
        input.exceptAppointmentId,
      ),
      input.schoolId ? this.calendar.closedDates(input.schoolId, input.from, input.to) : Promise.resolve(null),
    ]);
    const days = { from: input.from, to: input.to };
    const openDays: TimeRange[] | null = closed
      ? eachDate(input.from, input.to)
          .filter((date) => !closed.has(date))
          .map((date) => ({
            start: instantAtWallClock(date, 0, AMSTERDAM),
            end: instantAtWallClock(addDays(date, 1), 0, AMSTERDAM),
          }))
      : null;
    const open = input.personIds.map((personId) => {
      const person = availability.get(personId);
      return availableBlocks(person?.pattern ?? DEFAULT_WEEK, person?.unavailability ?? [], days, person?.zone);
    });
    const blocked = input.personIds.map((personId) =>
      blockedRanges(
        busy.filter((interval) => interval.personId === personId),
        input.schoolId,
        this.rules.travelBufferMs,
      ),
    );
    const now = input.now ?? new Date();
    const earliest = this.rules.earliestStart(now);
    return findSlots({
      open: openDays ? [...open, openDays] : open,
      blocked: openDays ? [...blocked, []] : blocked,
      durationMs: input.durationMinutes * 60_000,
      stepMs: STEP_MS,
      earliest: earliest > rangeStart ? earliest : rangeStart,
      count: input.count,
    });
  }
}
