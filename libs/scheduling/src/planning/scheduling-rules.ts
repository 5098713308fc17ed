import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, ApiException, type AppConfig } from '@leerkring/core';
import { AMSTERDAM, SchoolCalendar, WorkingPatterns, dateInZone, eachDate, isAvailable } from '@leerkring/people';
import { clashesWith, type Clash } from './busy-time';
import { ScheduleRepository } from './schedule.repository';

/** What a rule check sees: the appointment as it will be, and who takes part. */
export interface PlannedAppointment {
  /** Undefined for a new appointment. */
  id?: string;
  startsAt: Date;
  endsAt: Date;
  schoolId: string | null;
  room: string;
  /** Everyone who will be in it (the organiser included). */
  personIds: string[];
  zone?: string;
}

export type RuleName = 'notice' | 'closure' | 'working_hours' | 'clashes';

export interface RuleOptions {
  /** Plan outside someone's working hours anyway; the caller records that in the audit log. */
  allowOutsideWorkingHours?: boolean;
  /** Rules a domain leaves out on purpose (a theme meeting sign-up may clash, for instance). */
  skip?: readonly RuleName[];
  /** Which of `personIds` the clash and working-hours rules apply to (default: all). */
  checkedPersonIds?: readonly string[];
  now?: Date;
}

export interface RuleOutcome {
  /** People planned outside their working hours because `allowOutsideWorkingHours` said so. */
  outsideWorkingHours: string[];
}

/**
 * The rules every planned or moved appointment must meet, whatever its kind:
 * not in the past, at least the minimum notice ahead, not on a day the school is closed,
 * within each person's working hours (unless overridden), no overlap with anyone's other
 * appointments, and enough travel time between appointments at different schools.
 *
 * `check` runs inside the change's transaction. It locks the people first (see
 * ScheduleRepository.lockPeople), so the clash check and the write that follows are atomic: of
 * concurrent plans for one person's time, exactly one wins.
 */
@Injectable()
export class SchedulingRules {
  constructor(
    private readonly schedule: ScheduleRepository,
    private readonly calendar: SchoolCalendar,
    private readonly workingPatterns: WorkingPatterns,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get travelBufferMs(): number {
    return this.config.scheduling.travelBufferMinutes * 60_000;
  }

  /** The earliest start the notice rule allows now. */
  earliestStart(now = new Date()): Date {
    return new Date(now.getTime() + this.config.scheduling.minNoticeHours * 3_600_000);
  }

  async check(manager: EntityManager, planned: PlannedAppointment, options: RuleOptions = {}): Promise<RuleOutcome> {
    const skip = new Set(options.skip ?? []);
    const people = [...new Set(options.checkedPersonIds ?? planned.personIds)];
    if (!skip.has('notice')) {
      this.assertNotice(planned, options.now ?? new Date());
    }
    if (!skip.has('closure') && planned.schoolId) {
      await this.assertSchoolOpen(
        manager,
        planned.schoolId,
        planned.startsAt,
        planned.endsAt,
        planned.zone ?? AMSTERDAM,
      );
    }
    const outsideWorkingHours = skip.has('working_hours')
      ? []
      : await this.outsideWorkingHours(manager, planned, people);
    if (outsideWorkingHours.length > 0 && !options.allowOutsideWorkingHours) {
      throw ApiException.businessRule('outside_working_hours', 'Outside working hours', {
        detail: `${outsideWorkingHours.length} person(s) do not work at that time. Choose another time, or plan it anyway with allowOutsideWorkingHours.`,
        extensions: { personIds: outsideWorkingHours },
      });
    }
    if (!skip.has('clashes')) {
      await this.schedule.lockPeople(manager, people);
      await this.assertNoClash(manager, planned, people);
    }
    return { outsideWorkingHours };
  }

  private assertNotice(planned: PlannedAppointment, now: Date): void {
    if (planned.startsAt <= now) {
      throw ApiException.businessRule('in_the_past', 'That time has passed', {
        detail: 'An appointment cannot start in the past.',
      });
    }
    const earliest = this.earliestStart(now);
    if (planned.startsAt < earliest) {
      throw ApiException.businessRule('too_short_notice', 'Too short notice', {
        detail: `Plan at least ${this.config.scheduling.minNoticeHours} hours ahead.`,
        extensions: { earliestStart: earliest.toISOString() },
      });
    }
  }

  private async assertSchoolOpen(
    manager: EntityManager,
    schoolId: string,
    startsAt: Date,
    endsAt: Date,
    zone: string,
  ): Promise<void> {
    const first = dateInZone(startsAt, zone);
    const last = dateInZone(new Date(endsAt.getTime() - 1), zone);
    for (const date of eachDate(first, last)) {
      const closure = await this.calendar.isClosed(schoolId, date, manager);
      if (closure) {
        throw ApiException.businessRule('school_closed', 'The school is closed that day', {
          detail: `${date}: ${closure.name}.`,
          extensions: { date, closure: { kind: closure.kind, name: closure.name } },
        });
      }
    }
  }

  private async outsideWorkingHours(
    manager: EntityManager,
    planned: PlannedAppointment,
    personIds: string[],
  ): Promise<string[]> {
    const availability = await this.workingPatterns.availabilityOf(
      personIds,
      planned.startsAt,
      planned.endsAt,
      manager,
    );
    return personIds.filter((personId) => {
      const person = availability.get(personId);
      return (
        person?.pattern &&
        !isAvailable(person.pattern, person.unavailability, planned.startsAt, planned.endsAt, person.zone)
      );
    });
  }

  /**
   * The clashes `planned` would have with these people's other appointments, without refusing:
   * for domains that allow them and only tell (a theme meeting sign-up).
   */
  async clashes(manager: EntityManager, planned: PlannedAppointment, personIds: readonly string[]): Promise<Clash[]> {
    const [clashes] = await this.clashesOfEach(manager, [planned], personIds);
    return clashes;
  }

  /**
   * `clashes` for several appointments at once (the sessions of one theme meeting), in one query;
   * none of them counts as a clash with another. `locking: false` for a read that only informs
   * (a sign-up's response): no shared locks on other people's rows, no waiting for them.
   */
  async clashesOfEach(
    manager: EntityManager,
    planned: readonly PlannedAppointment[],
    personIds: readonly string[],
    locking = true,
  ): Promise<Clash[][]> {
    if (planned.length === 0) {
      return [];
    }
    const margin = this.travelBufferMs;
    const from = Math.min(...planned.map((one) => one.startsAt.getTime())) - margin;
    const to = Math.max(...planned.map((one) => one.endsAt.getTime())) + margin;
    const busy = await this.schedule.busyIntervals(
      manager,
      personIds,
      new Date(from),
      new Date(to),
      planned.flatMap((one) => (one.id ? [one.id] : [])),
      locking,
    );
    return planned.map((one) => clashesWith(one, busy, margin));
  }

  private async assertNoClash(manager: EntityManager, planned: PlannedAppointment, personIds: string[]): Promise<void> {
    const clashes = await this.clashes(manager, planned, personIds);
    if (clashes.length === 0) {
      return;
    }
    // Only when and who: the other appointment's title and people are not the caller's business.
    const conflicts = clashes.map(({ kind, busy: other }: Clash) => ({
      personId: other.personId,
      kind,
      start: other.startsAt.toISOString(),
      end: other.endsAt.toISOString(),
    }));
    if (clashes[0].kind === 'overlap') {
      throw ApiException.conflict('double_booked', 'Someone already has an appointment then', {
        detail: `${new Set(conflicts.map((c) => c.personId)).size} person(s) are already booked at that time.`,
        extensions: { conflicts },
      });
    }
    throw ApiException.conflict('travel_time', 'Not enough time to travel between schools', {
      detail: `Leave at least ${this.config.scheduling.travelBufferMinutes} minutes between appointments at different schools.`,
      extensions: { conflicts, travelBufferMinutes: this.config.scheduling.travelBufferMinutes },
    });
  }
}
