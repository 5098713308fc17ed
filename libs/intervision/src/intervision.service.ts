import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiException, ErrorCode } from '@leerkring/core';
import {
  AMSTERDAM,
  AuditLog,
  COACH_FUNCTIONS,
  SchoolCalendar,
  WorkingPatterns,
  addDays,
  dateInZone,
  displayName,
  isAvailable,
  isCalendarDate,
  isSchoolYear,
  schoolYearRange,
  schoolsOf,
  type Actor,
  type RequestContext,
  type CalendarDate,
  type Person,
  type PersonAvailability,
} from '@leerkring/people';
import { AppointmentPlanner, SchedulingRules, type Appointment, type LockedAppointment } from '@leerkring/scheduling';
import { nextCasePresenter, type PresenterHistory } from './case-presenter';
import { CommonSlotFinder } from './common-slot-finder';
import type {
  AddMemberDto,
  AttendanceDto,
  AttendanceExportLine,
  AttendanceResponse,
  CasePresenterDto,
  CommonSlotListResponse,
  CommonSlotQuery,
  CreateGroupDto,
  GroupListResponse,
  GroupReportLine,
  GroupResponse,
  MeetingListResponse,
  MeetingResponse,
  MemberConflict,
  MethodResponse,
  MoveMeetingDto,
  NormWarning,
  ReplaceSeriesDto,
  SeriesDto,
  SeriesResponse,
  SkippedDateResponse,
  SwapPresenterDto,
} from './intervision.dto';
import {
  IntervisionAttendance,
  IntervisionGroup,
  IntervisionMeeting,
  IntervisionMember,
  IntervisionSeries,
  type IntervisionMethod,
  type SkippedDate,
} from './intervision.entities';
import { IntervisionRepository, type MeetingRow } from './intervision.repository';
import { expandSeries, replaceFrom, SeriesRuleError, type Occurrence, type SeriesRule } from './series-expansion';

/**
 * Member bounds of a group. Constants for now (the configuration lives in libs/core, which this
 * library does not change); see docs/intervision.md.
 */
export const INTERVISION_MIN_MEMBERS = 3;
export const INTERVISION_MAX_MEMBERS = 8;
/** The accreditation norm the warnings check. */
export const NORM_MIN_MEETINGS = 3;
export const NORM_MIN_MEMBERS = 4;
const LIST_LIMIT = 500;

export type IntervisionContext = RequestContext;

type Access = 'manage' | 'read';

/**
 * Intervision groups and their series of meetings. Access, in one place:
 * - the facilitator and admins manage a group; its members (current and former) read it;
 * - directors see aggregates of the groups with members at their schools (the report), not the group;
 * - anyone else gets 404.
 * Every meeting is an appointment of kind intervision_meeting made through the AppointmentPlanner:
 * one calendar UID per occurrence, the facilitator as organiser, the members as participants.
 */
@Injectable()
export class IntervisionService {
  constructor(
    private readonly repository: IntervisionRepository,
    private readonly planner: AppointmentPlanner,
    private readonly rules: SchedulingRules,
    private readonly calendar: SchoolCalendar,
    private readonly workingPatterns: WorkingPatterns,
    private readonly finder: CommonSlotFinder,
    private readonly audit: AuditLog,
  ) {}

  async methods(): Promise<MethodResponse[]> {
    return (await this.repository.methods()).map((method) => ({ code: method.code, name: method.name }));
  }

  async create({ actor, requestId }: IntervisionContext, input: CreateGroupDto): Promise<GroupResponse> {
    if (!actor.isAdmin && !actor.roles.has('coach')) {
      throw forbidden('Only coaches and admins start intervision groups');
    }
    const facilitatorId = input.facilitatorPersonId ?? actor.personId;
    if (!actor.isAdmin && facilitatorId !== actor.personId) {
      throw forbidden('A coach starts groups they facilitate themselves');
    }
    if (!isSchoolYear(input.schoolYear)) {
      throw ApiException.validation([{ field: 'schoolYear', messages: ['two consecutive years, e.g. 2027-2028'] }]);
    }
    if (!input.schoolId && !input.onlineUrl) {
      throw ApiException.validation([{ field: 'schoolId', messages: ['give a schoolId, an onlineUrl, or both'] }]);
    }
    const memberIds = [...new Set(input.memberPersonIds ?? [])];
    if (memberIds.length !== (input.memberPersonIds ?? []).length) {
      throw ApiException.validation([{ field: 'memberPersonIds', messages: ['each person may appear once'] }]);
    }
    if (memberIds.includes(facilitatorId)) {
      throw ApiException.businessRule('facilitator_is_member', 'The facilitator is not also a member');
    }
    if (memberIds.length > INTERVISION_MAX_MEMBERS) {
      throw groupFull();
    }
    const method = await this.repository.method(input.method);
    if (!method) {
      throw ApiException.businessRule('unknown_method', 'Unknown intervision method', {
        detail: 'Choose one of GET /api/v1/intervision/methods.',
      });
    }
    const facilitatorMemberships = await this.repository.memberships([facilitatorId]);
    const [facilitator] = await this.repository.people([facilitatorId]);
    if (!facilitator?.active || !facilitatorMemberships.some((m) => COACH_FUNCTIONS.includes(m.function))) {
      throw ApiException.businessRule('facilitator_not_coach', 'The facilitator must be a coach');
    }
    await this.assertStaff(memberIds);
    const group = this.repository.manager.create(IntervisionGroup, {
      id: randomUUID(),
      name: input.name,
      facilitatorPersonId: facilitatorId,
      methodId: method.id,
      schoolId: input.schoolId ?? null,
      room: input.room ?? '',
      onlineUrl: input.onlineUrl ?? null,
      schoolYear: input.schoolYear,
      closurePolicy: input.closurePolicy,
    });
    await this.repository.transaction(async (manager) => {
      if (group.schoolId && !(await manager.query('SELECT id FROM school WHERE id = ?', [group.schoolId])).length) {
        throw ApiException.businessRule('unknown_school', 'The school does not exist');
      }
      await this.repository.insert(manager, IntervisionGroup, group);
      const now = new Date();
      for (const personId of memberIds) {
        await this.repository.insert(manager, IntervisionMember, memberRow(manager, group.id, personId, now));
      }
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'create',
          entityType: 'intervision_group',
          entityId: group.id,
          details: { facilitatorPersonId: facilitatorId, members: memberIds.length },
          requestId,
        },
        manager,
      );
    });
    return this.groupResponse(group, method);
  }

  async list(actor: Actor): Promise<GroupListResponse> {
    const groups = await this.repository.groupsOf(actor.isAdmin ? null : actor.personId, LIST_LIMIT);
    return {
      items: groups.map((group) => ({
        id: group.id,
        name: group.name,
        schoolYear: group.schoolYear,
        facilitatorPersonId: group.facilitatorPersonId,
      })),
    };
  }

  async get(actor: Actor, id: string): Promise<GroupResponse> {
    const { group } = await this.visibleGroup(actor, id);
    return this.groupResponse(group);
  }

  async meetings(actor: Actor, groupId: string): Promise<MeetingListResponse> {
    await this.visibleGroup(actor, groupId);
    return { items: (await this.repository.meetings(groupId)).map(mapMeeting) };
  }

  async skippedDates(actor: Actor, groupId: string): Promise<{ items: SkippedDateResponse[] }> {
    await this.visibleGroup(actor, groupId);
    const series = await this.repository.allSeries(groupId);
    return {
      items: series
        .flatMap((s) => s.skippedDates)
        .sort((a, b) => a.date.localeCompare(b.date) || a.reason.localeCompare(b.reason)),
    };
  }

  async commonSlots(actor: Actor, groupId: string, query: CommonSlotQuery): Promise<CommonSlotListResponse> {
    const group = await this.managedGroup(actor, groupId);
    const members = await this.repository.activeMembers(groupId);
    const memberIds = members.map((member) => member.personId);
    const year = schoolYearRange(group.schoolYear);
    const today = dateInZone(new Date(), AMSTERDAM);
    const from = query.from ?? (today > year.from ? today : year.from);
    if (!isCalendarDate(from) || from < year.from || from > year.to) {
      throw ApiException.validation([
        { field: 'from', messages: [`from lies in the school year ${group.schoolYear}`] },
      ]);
    }
    const suggestions = await this.finder.find({
      personIds: [group.facilitatorPersonId, ...memberIds],
      closureSchoolIds: await this.closureSchools(group, memberIds),
      meetingSchoolId: group.schoolId,
      from,
      to: year.to,
      durationMinutes: query.duration ?? 90,
      cadences: query.cadence && query.cadence.length > 0 ? [...new Set(query.cadence)] : [1, 2, 3, 4],
      count: query.count ?? 10,
    });
    return {
      from,
      to: year.to,
      items: suggestions.map((slot) => ({
        weekday: slot.weekdayName,
        startTime: slot.startTime,
        cadenceWeeks: slot.cadenceWeeks,
        firstDate: slot.firstDate,
        rrule: slot.rrule,
        occurrences: slot.occurrences,
        freeOccurrences: slot.freeOccurrences,
        conflicts: slot.conflicts,
      })),
    };
  }

  // ---- members -------------------------------------------------------------------------------

  /** A new member is invited to the future meetings only; past meetings are not theirs. */
  async addMember(
    { actor, requestId }: IntervisionContext,
    groupId: string,
    input: AddMemberDto,
  ): Promise<{ personId: string; meetingsJoined: number; memberConflicts: MemberConflict[] }> {
    const group = await this.managedGroup(actor, groupId);
    if (input.personId === group.facilitatorPersonId) {
      throw ApiException.businessRule('facilitator_is_member', 'The facilitator is not also a member');
    }
    await this.assertStaff([input.personId]);
    return this.planner.transaction(async (manager) => {
      await this.lockGroup(manager, groupId);
      const active = await this.repository.activeMembers(groupId, manager);
      if (active.some((member) => member.personId === input.personId)) {
        throw ApiException.conflict('already_member', 'The person is a member already');
      }
      if (active.length >= INTERVISION_MAX_MEMBERS) {
        throw groupFull();
      }
      const now = new Date();
      await this.repository.insert(manager, IntervisionMember, memberRow(manager, groupId, input.personId, now));
      const conflicts: MemberConflict[] = [];
      let joined = 0;
      for (const { meeting, appointment } of await this.repository.meetings(groupId, manager)) {
        if (meeting.status !== 'planned' || appointment.startsAt <= now) {
          continue;
        }
        const locked = await this.lockAppointment(manager, appointment.id);
        // Told, not refused: the group's time is set; the new member sees where it clashes.
        await this.planner.addParticipants(manager, locked, [{ personId: input.personId }], {
          skip: ['notice', 'clashes', 'working_hours'],
        });
        conflicts.push(
          ...(await this.clashesOf(manager, locked.appointment, [input.personId], meeting.occurrenceDate)),
        );
        joined += 1;
      }
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'add_member',
          entityType: 'intervision_group',
          entityId: groupId,
          details: { personId: input.personId, meetingsJoined: joined },
          requestId,
        },
        manager,
      );
      return { personId: input.personId, meetingsJoined: joined, memberConflicts: conflicts };
    });
  }

  /** A leaving member is taken off the future meetings (they get cancellations); past attendance stays. */
  async removeMember(
    { actor, requestId }: IntervisionContext,
    groupId: string,
    personId: string,
  ): Promise<{ personId: string; meetingsLeft: number; warnings: NormWarning[] }> {
    await this.managedGroup(actor, groupId);
    const result = await this.planner.transaction(async (manager) => {
      await this.lockGroup(manager, groupId);
      const member = (await this.repository.activeMembers(groupId, manager)).find((m) => m.personId === personId);
      if (!member) {
        throw ApiException.notFound('The member');
      }
      const now = new Date();
      member.leftAt = now;
      await this.repository.save(manager, member);
      let left = 0;
      for (const { meeting, appointment } of await this.repository.meetings(groupId, manager)) {
        if (meeting.status !== 'planned' || appointment.startsAt <= now) {
          continue;
        }
        const locked = await this.lockAppointment(manager, appointment.id);
        await this.planner.removeParticipants(manager, locked, [personId]);
        if (meeting.casePresenterPersonId === personId) {
          meeting.casePresenterPersonId = null;
          await this.repository.save(manager, meeting);
          await this.planner.update(manager, locked, { description: null }, { skip: ['notice'] });
        }
        left += 1;
      }
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'remove_member',
          entityType: 'intervision_group',
          entityId: groupId,
          details: { personId, meetingsLeft: left },
          requestId,
        },
        manager,
      );
      return { personId, meetingsLeft: left };
    });
    const group = await this.repository.group(groupId);
    return { ...result, warnings: group ? await this.warnings(group) : [] };
  }

  // ---- series --------------------------------------------------------------------------------

  async createSeries(
    { actor, requestId }: IntervisionContext,
    groupId: string,
    input: SeriesDto,
  ): Promise<SeriesResponse> {
    const group = await this.managedGroup(actor, groupId);
    const members = await this.repository.activeMembers(groupId);
    if (members.length < INTERVISION_MIN_MEMBERS) {
      throw ApiException.businessRule('too_few_members', 'Too few members to plan meetings', {
        detail: `A group has at least ${INTERVISION_MIN_MEMBERS} members.`,
        extensions: { minimum: INTERVISION_MIN_MEMBERS },
      });
    }
    const rule = this.ruleOf(group, input);
    const memberIds = members.map((member) => member.personId);
    const closed = await this.closedOn(group, memberIds, rule.startsOn, rule.until);
    const expansion = expand(() => expandSeries(rule, (date) => closed.has(date), group.closurePolicy));
    const availability = await this.availability(memberIds, expansion.occurrences);
    const result = await this.planner.transaction(async (manager) => {
      await this.lockGroup(manager, groupId);
      if (await this.repository.currentSeries(groupId, manager)) {
        throw ApiException.conflict('series_exists', 'The group has a series already', {
          detail: 'Change it from a date onward with POST .../series/replace.',
        });
      }
      const series = seriesRow(manager, groupId, rule);
      await this.repository.insert(manager, IntervisionSeries, series);
      const planned = await this.materialise(
        manager,
        group,
        series,
        expansion.occurrences,
        memberIds,
        availability,
        input,
      );
      series.skippedDates = [...expansion.skipped, ...planned.passed];
      await this.repository.save(manager, series);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'create',
          entityType: 'intervision_series',
          entityId: series.id,
          details: { groupId, meetings: planned.rows.length, skipped: series.skippedDates.length },
          requestId,
        },
        manager,
      );
      return { series, planned };
    });
    return {
      ...mapSeries(result.series),
      meetings: result.planned.rows.map(mapMeeting),
      skipped: result.series.skippedDates,
      memberConflicts: result.planned.conflicts,
      warnings: await this.warnings(group),
    };
  }

  /** From a date onward: the meetings of the current series on or after it are cancelled, the new rule is planned. */
  async replaceSeries(
    { actor, requestId }: IntervisionContext,
    groupId: string,
    input: ReplaceSeriesDto,
  ): Promise<SeriesResponse> {
    const group = await this.managedGroup(actor, groupId);
    const rule = this.ruleOf(group, input);
    const today = dateInZone(new Date(), AMSTERDAM);
    if (input.from < today) {
      throw ApiException.businessRule('from_in_the_past', 'History stays as it was', {
        detail: 'Replace a series from today or a later date.',
      });
    }
    const members = await this.repository.activeMembers(groupId);
    const memberIds = members.map((member) => member.personId);
    const closed = await this.closedOn(group, memberIds, input.from, rule.until);
    const isClosed = (date: CalendarDate) => closed.has(date);
    const result = await this.planner.transaction(async (manager) => {
      await this.lockGroup(manager, groupId);
      const current = await this.repository.currentSeries(groupId, manager);
      if (!current) {
        throw ApiException.businessRule('no_series', 'The group has no series to change');
      }
      const rows = (await this.repository.meetings(groupId, manager)).filter(
        ({ meeting }) => meeting.status === 'planned',
      );
      const old: Occurrence[] = rows.map(({ meeting, appointment }) => ({
        date: meeting.occurrenceDate,
        originalDate: meeting.originalDate,
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
      }));
      const { replaced, added } = expand(() => replaceFrom(old, input.from, rule, isClosed, group.closurePolicy));
      const cancelledDates = new Set(replaced.map((occurrence) => occurrence.originalDate ?? occurrence.date));
      for (const { meeting, appointment } of rows) {
        if (!cancelledDates.has(meeting.originalDate ?? meeting.occurrenceDate)) {
          continue;
        }
        await this.planner.cancel(manager, await this.lockAppointment(manager, appointment.id));
        meeting.status = 'cancelled';
        await this.repository.save(manager, meeting);
      }
      current.endedFrom = input.from;
      await this.repository.save(manager, current);
      const series = seriesRow(manager, groupId, {
        ...rule,
        startsOn: rule.startsOn > input.from ? rule.startsOn : input.from,
      });
      await this.repository.insert(manager, IntervisionSeries, series);
      const availability = await this.availability(memberIds, added.occurrences, manager);
      const planned = await this.materialise(manager, group, series, added.occurrences, memberIds, availability, input);
      series.skippedDates = [...added.skipped, ...planned.passed];
      await this.repository.save(manager, series);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'replace_from',
          entityType: 'intervision_series',
          entityId: series.id,
          details: { groupId, from: input.from, replacedSeriesId: current.id, cancelled: cancelledDates.size },
          requestId,
        },
        manager,
      );
      return { series, planned };
    });
    return {
      ...mapSeries(result.series),
      meetings: result.planned.rows.map(mapMeeting),
      skipped: result.series.skippedDates,
      memberConflicts: result.planned.conflicts,
      warnings: await this.warnings(group),
    };
  }

  // ---- one meeting ---------------------------------------------------------------------------

  /** Moves one occurrence: only its appointment (its calendar UID) changes. */
  async moveMeeting(
    { actor, requestId }: IntervisionContext,
    meetingId: string,
    input: MoveMeetingDto,
  ): Promise<MeetingResponse & { memberConflicts: MemberConflict[] }> {
    const { group } = await this.meetingOf(actor, meetingId, 'manage');
    const startsAt = new Date(input.start);
    const endsAt = new Date(input.end);
    const date = dateInZone(startsAt, AMSTERDAM);
    const members = await this.repository.activeMembers(group.id);
    const memberIds = members.map((member) => member.personId);
    const closed = await this.closedOn(group, memberIds, date, date);
    if (closed.has(date)) {
      throw ApiException.businessRule('school_closed', "A member's school is closed that day", {
        detail: `${date} is a weekend day or a closure of a member's school.`,
        extensions: { date },
      });
    }
    return this.planner.transaction(async (manager) => {
      const meeting = await this.repository.lockMeeting(manager, meetingId);
      const locked = meeting && (await this.planner.lock(manager, meeting.appointmentId));
      if (!meeting || !locked) {
        throw ApiException.notFound('The meeting');
      }
      assertPlanned(meeting);
      if (input.version !== undefined && input.version !== locked.appointment.version) {
        throw ApiException.conflict(ErrorCode.StaleVersion, 'The meeting has changed since you read it', {
          extensions: { currentVersion: locked.appointment.version },
        });
      }
      const change = await this.planner.update(
        manager,
        locked,
        { startsAt, endsAt },
        { checkedPersonIds: [group.facilitatorPersonId], allowOutsideWorkingHours: input.allowOutsideWorkingHours },
      );
      if (date !== meeting.occurrenceDate) {
        meeting.originalDate ??= meeting.occurrenceDate;
        meeting.occurrenceDate = date;
        await this.repository.save(manager, meeting);
      }
      const conflicts = await this.clashesOf(manager, locked.appointment, memberIds, date);
      if (change.changed) {
        await this.audit.record(
          {
            actorPersonId: actor.personId,
            action: 'move',
            entityType: 'intervision_meeting',
            entityId: meetingId,
            details: { version: locked.appointment.version },
            requestId,
          },
          manager,
        );
      }
      return { ...mapMeeting({ meeting, appointment: locked.appointment }), memberConflicts: conflicts };
    });
  }

  async cancelMeeting({ actor, requestId }: IntervisionContext, meetingId: string): Promise<MeetingResponse> {
    await this.meetingOf(actor, meetingId, 'manage');
    return this.planner.transaction(async (manager) => {
      const meeting = await this.repository.lockMeeting(manager, meetingId);
      const locked = meeting && (await this.planner.lock(manager, meeting.appointmentId));
      if (!meeting || !locked) {
        throw ApiException.notFound('The meeting');
      }
      assertPlanned(meeting);
      await this.planner.cancel(manager, locked);
      meeting.status = 'cancelled';
      await this.repository.save(manager, meeting);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'cancel',
          entityType: 'intervision_meeting',
          entityId: meetingId,
          requestId,
        },
        manager,
      );
      return mapMeeting({ meeting, appointment: locked.appointment });
    });
  }

  // ---- case presenter ------------------------------------------------------------------------

  /** Names the case presenter, or lets the fair rotation choose; it shows in the (updated) invitation. */
  async setCasePresenter(
    { actor, requestId }: IntervisionContext,
    meetingId: string,
    input: CasePresenterDto,
  ): Promise<MeetingResponse> {
    const { group } = await this.meetingOf(actor, meetingId, 'manage');
    return this.planner.transaction(async (manager) => {
      await this.lockGroup(manager, group.id);
      const meeting = await this.repository.lockMeeting(manager, meetingId);
      const locked = meeting && (await this.planner.lock(manager, meeting.appointmentId));
      if (!meeting || !locked) {
        throw ApiException.notFound('The meeting');
      }
      assertPlanned(meeting);
      const members = await this.repository.activeMembers(group.id, manager);
      let personId = input.personId ?? null;
      if (personId && !members.some((member) => member.personId === personId)) {
        throw ApiException.businessRule('not_a_member', 'The case presenter is a current member of the group');
      }
      personId ??= nextCasePresenter(await this.presenterHistory(manager, group.id, members, meetingId));
      if (!personId) {
        throw ApiException.businessRule('no_members', 'The group has no members to present a case');
      }
      await this.assignPresenter(manager, meeting, locked, personId);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'case_presenter',
          entityType: 'intervision_meeting',
          entityId: meetingId,
          details: { personId, chosen: input.personId ? 'named' : 'rotation' },
          requestId,
        },
        manager,
      );
      return mapMeeting({ meeting, appointment: locked.appointment });
    });
  }

  /** Two meetings of one group swap their case presenters: the facilitator, an admin, or one of the two presenters. */
  async swapCasePresenter(
    { actor, requestId }: IntervisionContext,
    meetingId: string,
    input: SwapPresenterDto,
  ): Promise<MeetingListResponse> {
    const { group, access } = await this.meetingOf(actor, meetingId, 'read');
    if (input.meetingId === meetingId) {
      throw ApiException.validation([{ field: 'meetingId', messages: ['name another meeting'] }]);
    }
    return this.planner.transaction(async (manager) => {
      await this.lockGroup(manager, group.id);
      const [first, second] = [
        await this.repository.lockMeeting(manager, meetingId),
        await this.repository.lockMeeting(manager, input.meetingId),
      ];
      if (!first || !second || second.groupId !== group.id) {
        throw ApiException.notFound('The meeting');
      }
      assertPlanned(first);
      assertPlanned(second);
      const presenters = [first.casePresenterPersonId, second.casePresenterPersonId];
      if (access !== 'manage' && !presenters.includes(actor.personId)) {
        throw forbidden('Only a case presenter of one of the two meetings (or the facilitator) swaps');
      }
      const [lockedFirst, lockedSecond] = [
        await this.lockAppointment(manager, first.appointmentId),
        await this.lockAppointment(manager, second.appointmentId),
      ];
      await this.assignPresenter(manager, first, lockedFirst, presenters[1]);
      await this.assignPresenter(manager, second, lockedSecond, presenters[0]);
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'swap_case_presenter',
          entityType: 'intervision_meeting',
          entityId: meetingId,
          details: { otherMeetingId: input.meetingId },
          requestId,
        },
        manager,
      );
      return {
        items: [
          mapMeeting({ meeting: first, appointment: lockedFirst.appointment }),
          mapMeeting({ meeting: second, appointment: lockedSecond.appointment }),
        ],
      };
    });
  }

  // ---- attendance ----------------------------------------------------------------------------

  async attendance(actor: Actor, meetingId: string): Promise<AttendanceResponse> {
    const { meeting } = await this.meetingOf(actor, meetingId, 'read');
    const recorded = new Map(
      (await this.repository.attendance([meetingId])).map((row) => [row.personId, row.status] as const),
    );
    const invitees = await this.repository.invitees(meeting.appointmentId);
    return {
      items: invitees.map((personId) => ({ personId, status: recorded.get(personId) ?? null })),
    };
  }

  async recordAttendance(
    { actor, requestId }: IntervisionContext,
    meetingId: string,
    input: AttendanceDto,
  ): Promise<AttendanceResponse> {
    const { meeting } = await this.meetingOf(actor, meetingId, 'manage');
    const appointment = await this.repository.appointment(meeting.appointmentId);
    if (meeting.status !== 'planned' || !appointment) {
      throw ApiException.businessRule('meeting_cancelled', 'The meeting is cancelled');
    }
    if (appointment.startsAt > new Date() && input.items.some((item) => item.status !== 'excused')) {
      throw ApiException.businessRule(
        'meeting_not_started',
        'Present or absent is recorded once the meeting has started',
        {
          detail: 'Before the meeting, only excused can be recorded.',
        },
      );
    }
    await this.repository.transaction(async (manager) => {
      const locked = await this.lockAppointment(manager, meeting.appointmentId);
      const invited = new Set(
        locked.participants.filter((p) => p.removedAt === null && p.role !== 'organizer').map((p) => p.personId),
      );
      const unknown = input.items.filter((item) => !invited.has(item.personId));
      if (unknown.length > 0) {
        throw ApiException.businessRule('not_invited', 'Attendance is recorded for the invited members only', {
          extensions: { personIds: unknown.map((item) => item.personId) },
        });
      }
      await this.repository.upsertAttendance(
        manager,
        input.items.map((item) =>
          manager.create(IntervisionAttendance, {
            id: randomUUID(),
            meetingId,
            personId: item.personId,
            status: item.status,
          }),
        ),
      );
      await this.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'attendance',
          entityType: 'intervision_meeting',
          entityId: meetingId,
          details: { recorded: input.items.length },
          requestId,
        },
        manager,
      );
    });
    return this.attendance(actor, meetingId);
  }

  /** Per member of the group (former members too), their attendance over the group's school year. */
  async attendanceExport(actor: Actor, groupId: string): Promise<{ items: AttendanceExportLine[] }> {
    const group = await this.managedGroup(actor, groupId);
    const members = await this.repository.members(groupId);
    const now = new Date();
    const held = (await this.repository.meetings(groupId)).filter(
      ({ meeting, appointment }) => meeting.status === 'planned' && appointment.startsAt <= now,
    );
    const attendance = await this.repository.attendance(held.map(({ meeting }) => meeting.id));
    const people = new Map((await this.repository.people(members.map((m) => m.personId))).map((p) => [p.id, p]));
    const lines = new Map<string, AttendanceExportLine>();
    for (const member of members) {
      const person = people.get(member.personId);
      const line = lines.get(member.personId) ?? {
        personId: member.personId,
        name: person ? displayName(person) : '',
        schoolYear: group.schoolYear,
        meetings: 0,
        present: 0,
        excused: 0,
        absent: 0,
        unrecorded: 0,
      };
      for (const { meeting, appointment } of held) {
        const during =
          member.joinedAt <= appointment.startsAt && (member.leftAt === null || appointment.startsAt < member.leftAt);
        if (!during) {
          continue;
        }
        line.meetings += 1;
        const row = attendance.find((a) => a.meetingId === meeting.id && a.personId === member.personId);
        if (row) {
          line[row.status] += 1;
        } else {
          line.unrecorded += 1;
        }
      }
      lines.set(member.personId, line);
    }
    return { items: [...lines.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  }

  /** Directors: the groups with members at their schools, as aggregates; admins: all groups. */
  async report(actor: Actor, schoolYear: string): Promise<{ items: GroupReportLine[] }> {
    if (!actor.isAdmin && !actor.roles.has('director')) {
      throw forbidden('Directors and admins read the intervision report');
    }
    const groups = await this.repository.groupsWithMembersAt(
      actor.isAdmin ? null : schoolsOf(actor, 'director'),
      schoolYear,
    );
    const now = new Date();
    const items: GroupReportLine[] = [];
    for (const group of groups) {
      const members = await this.repository.activeMembers(group.id);
      const meetings = (await this.repository.meetings(group.id)).filter(({ meeting }) => meeting.status === 'planned');
      const held = meetings.filter(({ appointment }) => appointment.startsAt <= now);
      const attendance = await this.repository.attendance(held.map(({ meeting }) => meeting.id));
      items.push({
        groupId: group.id,
        name: group.name,
        schoolYear: group.schoolYear,
        members: members.length,
        meetingsPlanned: meetings.length,
        meetingsHeld: held.length,
        attendanceRate:
          attendance.length === 0
            ? null
            : Math.round((attendance.filter((a) => a.status === 'present').length / attendance.length) * 100) / 100,
      });
    }
    return { items };
  }

  // ---- internals -----------------------------------------------------------------------------

  private async materialise(
    manager: EntityManager,
    group: IntervisionGroup,
    series: IntervisionSeries,
    occurrences: readonly Occurrence[],
    memberIds: readonly string[],
    availability: Map<string, PersonAvailability>,
    options: { allowOutsideWorkingHours?: boolean },
  ): Promise<{ rows: MeetingRow[]; passed: SkippedDate[]; conflicts: MemberConflict[] }> {
    const earliest = this.rules.earliestStart();
    const rows: MeetingRow[] = [];
    const passed: SkippedDate[] = [];
    const conflicts: MemberConflict[] = [];
    for (const occurrence of occurrences) {
      if (occurrence.startsAt < earliest) {
        passed.push({ date: occurrence.originalDate ?? occurrence.date, reason: 'passed' });
        continue;
      }
      // The facilitator is held to every rule (a clash refuses the whole series: one transaction);
      // the members' clashes and working hours are reported with the series, not refused.
      const { appointment } = await this.planner.plan(
        manager,
        {
          kind: 'intervision_meeting',
          title: `Intervisie: ${group.name}`,
          startsAt: occurrence.startsAt,
          endsAt: occurrence.endsAt,
          schoolId: group.schoolId,
          room: group.room,
          onlineUrl: group.onlineUrl,
          organizerPersonId: group.facilitatorPersonId,
          participants: memberIds.map((personId) => ({ personId })),
        },
        { checkedPersonIds: [group.facilitatorPersonId], allowOutsideWorkingHours: options.allowOutsideWorkingHours },
      );
      conflicts.push(...(await this.clashesOf(manager, appointment, memberIds, occurrence.date)));
      for (const personId of memberIds) {
        const person = availability.get(personId);
        if (
          person?.pattern &&
          !isAvailable(person.pattern, person.unavailability, occurrence.startsAt, occurrence.endsAt, person.zone)
        ) {
          conflicts.push({ date: occurrence.date, personId, kind: 'outside_working_hours' });
        }
      }
      const meeting = manager.create(IntervisionMeeting, {
        id: randomUUID(),
        groupId: group.id,
        seriesId: series.id,
        occurrenceDate: occurrence.date,
        originalDate: occurrence.originalDate,
        appointmentId: appointment.id,
        status: 'planned',
        casePresenterPersonId: null,
      });
      await this.repository.insert(manager, IntervisionMeeting, meeting);
      rows.push({ meeting, appointment });
    }
    return { rows, passed, conflicts };
  }

  private async clashesOf(
    manager: EntityManager,
    appointment: Appointment,
    personIds: readonly string[],
    date: CalendarDate,
  ): Promise<MemberConflict[]> {
    const clashes = await this.rules.clashes(
      manager,
      {
        id: appointment.id,
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
        schoolId: appointment.schoolId,
        room: appointment.room,
        personIds: [...personIds],
      },
      personIds,
    );
    return clashes.map((clash) => ({ date, personId: clash.busy.personId, kind: clash.kind }));
  }

  private async presenterHistory(
    manager: EntityManager,
    groupId: string,
    members: readonly IntervisionMember[],
    exceptMeetingId: string,
  ): Promise<PresenterHistory[]> {
    const meetings = (await this.repository.meetings(groupId, manager)).filter(
      ({ meeting }) => meeting.status === 'planned' && meeting.id !== exceptMeetingId,
    );
    const attendance = await this.repository.attendance(
      meetings.map(({ meeting }) => meeting.id),
      manager,
    );
    return members.map((member) => {
      const presented = meetings.filter(({ meeting }) => meeting.casePresenterPersonId === member.personId);
      return {
        personId: member.personId,
        presented: presented.length,
        lastPresented:
          presented
            .map(({ meeting }) => meeting.occurrenceDate)
            .sort()
            .pop() ?? null,
        attended: attendance.filter((a) => a.personId === member.personId && a.status === 'present').length,
        joinedAt: member.joinedAt,
      };
    });
  }

  private async assignPresenter(
    manager: EntityManager,
    meeting: IntervisionMeeting,
    locked: LockedAppointment,
    personId: string | null,
  ): Promise<void> {
    meeting.casePresenterPersonId = personId;
    await this.repository.save(manager, meeting);
    const [person] = personId ? await this.repository.people([personId], manager) : [];
    await this.planner.update(
      manager,
      locked,
      { description: person ? `Inbrenger: ${displayName(person)}` : null },
      { skip: ['notice'] },
    );
  }

  private ruleOf(group: IntervisionGroup, input: SeriesDto & { from?: string }): SeriesRule {
    const invalid = (['startsOn', 'until', 'from'] as const).filter(
      (field) => input[field] !== undefined && !isCalendarDate(input[field]),
    );
    if (invalid.length > 0) {
      throw ApiException.validation(invalid.map((field) => ({ field, messages: [`${field} is not a real date`] })));
    }
    const year = schoolYearRange(group.schoolYear);
    if (input.startsOn < year.from || input.until > year.to) {
      throw ApiException.validation([
        { field: 'until', messages: [`the series lies within the school year ${group.schoolYear}`] },
      ]);
    }
    return {
      rrule: input.rrule,
      startsOn: input.startsOn,
      until: input.until,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
      zone: AMSTERDAM,
    };
  }

  /** Schools whose closures the group avoids: every member's school and the meeting place. */
  private async closureSchools(group: IntervisionGroup, memberIds: readonly string[]): Promise<string[]> {
    const memberships = await this.repository.memberships(memberIds);
    return [...new Set([...memberships.map((m) => m.schoolId), ...(group.schoolId ? [group.schoolId] : [])])];
  }

  /** Closed dates (weekends included) of any school involved, read before the transaction opens. */
  private async closedOn(
    group: IntervisionGroup,
    memberIds: readonly string[],
    from: CalendarDate,
    to: CalendarDate,
  ): Promise<Set<CalendarDate>> {
    const closed = new Set<CalendarDate>();
    const last = to < from ? from : to;
    for (const schoolId of await this.closureSchools(group, memberIds)) {
      for (const date of await this.calendar.closedDates(schoolId, from, last)) {
        closed.add(date);
      }
    }
    for (let date = from; date <= last; date = addDays(date, 1)) {
      if ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay())) {
        closed.add(date);
      }
    }
    return closed;
  }

  private async availability(
    memberIds: readonly string[],
    occurrences: readonly Occurrence[],
    manager?: EntityManager,
  ): Promise<Map<string, PersonAvailability>> {
    if (occurrences.length === 0) {
      return new Map();
    }
    return this.workingPatterns.availabilityOf(
      memberIds,
      occurrences[0].startsAt,
      occurrences[occurrences.length - 1].endsAt,
      manager,
    );
  }

  private async assertStaff(personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) {
      return;
    }
    const people = await this.repository.people(personIds);
    const withSchool = new Set((await this.repository.memberships(personIds)).map((m) => m.personId));
    const missing = personIds.filter(
      (id) => !people.some((p: Person) => p.id === id && p.active) || !withSchool.has(id),
    );
    if (missing.length > 0) {
      throw ApiException.businessRule('not_staff', 'Members are active staff of a school of the foundation', {
        extensions: { personIds: missing },
      });
    }
  }

  private async visibleGroup(actor: Actor, id: string): Promise<{ group: IntervisionGroup; access: Access }> {
    const group = await this.repository.group(id);
    if (!group) {
      throw ApiException.notFound('The intervision group');
    }
    if (actor.isAdmin || group.facilitatorPersonId === actor.personId) {
      return { group, access: 'manage' };
    }
    if (await this.repository.isMember(id, actor.personId)) {
      return { group, access: 'read' };
    }
    throw ApiException.notFound('The intervision group');
  }

  private async managedGroup(actor: Actor, id: string): Promise<IntervisionGroup> {
    const { group, access } = await this.visibleGroup(actor, id);
    if (access !== 'manage') {
      throw forbidden('The facilitator and admins manage the group');
    }
    return group;
  }

  private async meetingOf(
    actor: Actor,
    meetingId: string,
    needed: Access,
  ): Promise<{ meeting: IntervisionMeeting; group: IntervisionGroup; access: Access }> {
    const meeting = await this.repository.meeting(meetingId);
    if (!meeting) {
      throw ApiException.notFound('The meeting');
    }
    const { group, access } = await this.visibleGroup(actor, meeting.groupId).catch(() => {
      throw ApiException.notFound('The meeting');
    });
    if (needed === 'manage' && access !== 'manage') {
      throw forbidden('The facilitator and admins manage the meetings');
    }
    return { meeting, group, access };
  }

  private async lockGroup(manager: EntityManager, id: string): Promise<IntervisionGroup> {
    const group = await this.repository.lockGroup(manager, id);
    if (!group) {
      throw ApiException.notFound('The intervision group');
    }
    return group;
  }

  private async lockAppointment(manager: EntityManager, id: string): Promise<LockedAppointment> {
    const locked = await this.planner.lock(manager, id);
    if (!locked) {
      throw ApiException.notFound('The meeting');
    }
    return locked;
  }

  private async groupResponse(group: IntervisionGroup, method?: IntervisionMethod): Promise<GroupResponse> {
    const members = await this.repository.members(group.id);
    const people = new Map(
      (await this.repository.people([group.facilitatorPersonId, ...members.map((m) => m.personId)])).map((p) => [
        p.id,
        p,
      ]),
    );
    const resolved = method ?? (await this.repository.methodById(group.methodId));
    const facilitator = people.get(group.facilitatorPersonId);
    return {
      id: group.id,
      name: group.name,
      facilitatorPersonId: group.facilitatorPersonId,
      facilitatorName: facilitator ? displayName(facilitator) : '',
      method: resolved?.code ?? '',
      schoolId: group.schoolId,
      room: group.room,
      onlineUrl: group.onlineUrl,
      schoolYear: group.schoolYear,
      closurePolicy: group.closurePolicy,
      members: members.map((member) => {
        const person = people.get(member.personId);
        return {
          personId: member.personId,
          name: person ? displayName(person) : '',
          joinedAt: member.joinedAt.toISOString(),
          leftAt: member.leftAt?.toISOString() ?? null,
        };
      }),
      warnings: await this.warnings(group, members),
    };
  }

  /** The accreditation norm: at least 3 meetings in the school year and at least 4 members. */
  private async warnings(group: IntervisionGroup, members?: IntervisionMember[]): Promise<NormWarning[]> {
    const active = (members ?? (await this.repository.members(group.id))).filter((m) => m.leftAt === null);
    const year = schoolYearRange(group.schoolYear);
    const meetings = (await this.repository.meetings(group.id)).filter(
      ({ meeting }) =>
        meeting.status === 'planned' && meeting.occurrenceDate >= year.from && meeting.occurrenceDate <= year.to,
    );
    const warnings: NormWarning[] = [];
    if (meetings.length < NORM_MIN_MEETINGS) {
      warnings.push({
        code: 'fewer_than_3_meetings',
        detail: `${meetings.length} meeting(s) planned in ${group.schoolYear}; the norm is at least ${NORM_MIN_MEETINGS}.`,
      });
    }
    if (active.length < NORM_MIN_MEMBERS) {
      warnings.push({
        code: 'fewer_than_4_members',
        detail: `${active.length} member(s); the norm is at least ${NORM_MIN_MEMBERS}.`,
      });
    }
    return warnings;
  }
}

function expand<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SeriesRuleError) {
      throw ApiException.validation([{ field: error.field, messages: [error.message] }]);
    }
    throw error;
  }
}

function memberRow(manager: EntityManager, groupId: string, personId: string, joinedAt: Date): IntervisionMember {
  return manager.create(IntervisionMember, { id: randomUUID(), groupId, personId, joinedAt, leftAt: null });
}

function seriesRow(manager: EntityManager, groupId: string, rule: SeriesRule): IntervisionSeries {
  return manager.create(IntervisionSeries, {
    id: randomUUID(),
    groupId,
    rrule: rule.rrule
      .trim()
      .replace(/^RRULE:/i, '')
      .toUpperCase(),
    startTime: rule.startTime,
    durationMinutes: rule.durationMinutes,
    startsOn: rule.startsOn,
    until: rule.until,
    zone: rule.zone,
    endedFrom: null,
    skippedDates: [],
  });
}

function forbidden(title: string): ApiException {
  return new ApiException(403, ErrorCode.Forbidden, title);
}

function groupFull(): ApiException {
  return ApiException.businessRule('group_full', 'The group is full', {
    detail: `A group has at most ${INTERVISION_MAX_MEMBERS} members.`,
    extensions: { maximum: INTERVISION_MAX_MEMBERS },
  });
}

function assertPlanned(meeting: IntervisionMeeting): void {
  if (meeting.status !== 'planned') {
    throw ApiException.businessRule('meeting_cancelled', 'The meeting is cancelled');
  }
}

function mapSeries(series: IntervisionSeries) {
  return {
    id: series.id,
    rrule: series.rrule,
    startsOn: series.startsOn,
    until: series.until,
    startTime: series.startTime,
    durationMinutes: series.durationMinutes,
  };
}

export function mapMeeting({ meeting, appointment }: MeetingRow): MeetingResponse {
  return {
    id: meeting.id,
    groupId: meeting.groupId,
    date: meeting.occurrenceDate,
    originalDate: meeting.originalDate,
    status: meeting.status,
    start: appointment.startsAt.toISOString(),
    end: appointment.endsAt.toISOString(),
    appointmentId: appointment.id,
    calendarUid: appointment.icalUid,
    version: appointment.version,
    casePresenterPersonId: meeting.casePresenterPersonId,
  };
}
