import { Injectable } from '@nestjs/common';
import {
  AMSTERDAM,
  SchoolCalendar,
  WorkingPatterns,
  addDays,
  availableBlocks,
  eachDate,
  formatWallClock,
  instantAtWallClock,
  isoWeekday,
  subtractRanges,
  WEEKDAYS,
  type CalendarDate,
  type WeeklyPattern,
} from '@leerkring/people';
import { ScheduleRepository, SchedulingRules, blockedRanges, type BusyInterval } from '@leerkring/scheduling';
import { gridOf, rankCommonSlots, type CommonSlot } from './common-slots';
import { IntervisionRepository } from './intervision.repository';

/** Someone without a working pattern: school hours on weekdays, as the slot suggestions assume. */
const SCHOOL_HOURS: WeeklyPattern = WEEKDAYS.slice(0, 5).map((weekday) => ({ weekday, start: '08:00', end: '17:00' }));
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR'];

export interface CommonSlotRequest {
  personIds: readonly string[];
  /** The schools whose closures count (the members' schools and the meeting place). */
  closureSchoolIds: readonly string[];
  /** The meeting place: appointments at other schools need travel time around them. */
  meetingSchoolId: string | null;
  from: CalendarDate;
  to: CalendarDate;
  durationMinutes: number;
  cadences: readonly number[];
  count: number;
}

export interface CommonSlotSuggestion extends CommonSlot {
  weekdayName: string;
  startTime: string;
  rrule: string;
}

/**
 * Proposes recurring slots for a group over a school year. The data is read once (working
 * patterns and unavailability, closures of every school involved, everyone's appointments in the
 * range); each person's free half hours become one array (`gridOf`), and every candidate
 * (weekday × start × cadence × phase) is scored against those arrays (`rankCommonSlots`).
 */
@Injectable()
export class CommonSlotFinder {
  constructor(
    private readonly repository: IntervisionRepository,
    private readonly calendar: SchoolCalendar,
    private readonly workingPatterns: WorkingPatterns,
    private readonly rules: SchedulingRules,
    private readonly schedule: ScheduleRepository,
  ) {}

  async find(request: CommonSlotRequest): Promise<CommonSlotSuggestion[]> {
    const dates = eachDate(request.from, request.to);
    const midnights = dates.map((date) => instantAtWallClock(date, 0, AMSTERDAM).getTime());
    const from = new Date(midnights[0]);
    const to = instantAtWallClock(addDays(request.to, 1), 0, AMSTERDAM);
    const availability = await this.workingPatterns.availabilityOf(request.personIds, from, to);
    const busy = await this.schedule.busyTime(request.personIds, from, to);
    const closedSets: Array<Set<CalendarDate>> = [];
    for (const schoolId of new Set(request.closureSchoolIds)) {
      closedSets.push(await this.calendar.closedDates(schoolId, request.from, request.to));
    }
    const closed = Uint8Array.from(dates, (date) =>
      isoWeekday(date) > 5 || closedSets.some((set) => set.has(date)) ? 1 : 0,
    );
    const busyOf = new Map<string, BusyInterval[]>();
    for (const interval of busy) {
      busyOf.set(interval.personId, [...(busyOf.get(interval.personId) ?? []), interval]);
    }
    const members = [...new Set(request.personIds)].map((personId) => {
      const person = availability.get(personId);
      const open = availableBlocks(
        person?.pattern ?? SCHOOL_HOURS,
        person?.unavailability ?? [],
        { from: request.from, to: request.to },
        person?.zone ?? AMSTERDAM,
      );
      const blocked = blockedRanges(busyOf.get(personId) ?? [], request.meetingSchoolId, this.rules.travelBufferMs);
      return gridOf(personId, midnights, subtractRanges(open, blocked));
    });
    const slots = rankCommonSlots({
      dates,
      closed,
      members,
      durationMinutes: request.durationMinutes,
      cadences: request.cadences,
      dayStartMinute: 7 * 60,
      dayEndMinute: 22 * 60,
      top: request.count,
    });
    return slots.map((slot) => ({
      ...slot,
      weekdayName: WEEKDAYS[slot.weekday - 1],
      startTime: formatWallClock(slot.startMinute),
      rrule: `FREQ=WEEKLY;INTERVAL=${slot.cadenceWeeks};BYDAY=${BYDAY[slot.weekday - 1]}`,
    }));
  }
}
