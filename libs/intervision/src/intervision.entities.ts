import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, UuidEntity } from '@leerkring/core';
import { Person, School } from '@leerkring/people';
import { Appointment } from '@leerkring/scheduling';

export const CLOSURE_POLICIES = ['skip', 'shift'] as const;
export type ClosurePolicy = (typeof CLOSURE_POLICIES)[number];

export const MEETING_STATUSES = ['planned', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** An intervision method from the configurable list; the migration seeds six. */
@Entity('intervision_method')
@Index('uq_intervision_method_code', ['code'], { unique: true })
export class IntervisionMethod extends UuidEntity {
  @Column({ type: 'varchar', length: 60, charset: 'ascii', collation: 'ascii_bin' })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder!: number;
}

/** An intervisiegroep: a facilitator (a coach), members from one or more schools, one school year. */
@Entity('intervision_group')
@Index('ix_intervision_group_facilitator', ['facilitatorPersonId'])
@Index('ix_intervision_group_year', ['schoolYear'])
export class IntervisionGroup extends UuidEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @IdColumn('facilitator_person_id')
  facilitatorPersonId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facilitator_person_id', foreignKeyConstraintName: 'fk_intervision_group_facilitator' })
  facilitator?: Person;

  @IdColumn('method_id')
  methodId!: string;

  @ManyToOne(() => IntervisionMethod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'method_id', foreignKeyConstraintName: 'fk_intervision_group_method' })
  method?: IntervisionMethod;

  /** Where it meets: a school (with a room), an online link, or both. */
  @IdColumn('school_id', { nullable: true })
  schoolId!: string | null;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_intervision_group_school' })
  school?: School;

  @Column({ type: 'varchar', length: 100, default: '' })
  room!: string;

  @Column({ name: 'online_url', type: 'varchar', length: 500, nullable: true })
  onlineUrl!: string | null;

  /** "2027-2028" */
  @Column({ name: 'school_year', type: 'char', length: 9, charset: 'ascii', collation: 'ascii_bin' })
  schoolYear!: string;

  @Column({ name: 'closure_policy', type: 'varchar', length: 5, charset: 'ascii', collation: 'ascii_bin' })
  closurePolicy!: ClosurePolicy;
}

/** Membership over time: a member who leaves gets `leftAt`; the row is never deleted (attendance refers to it). */
@Entity('intervision_member')
@Index('ix_intervision_member_group', ['groupId', 'leftAt'])
@Index('ix_intervision_member_person', ['personId'])
export class IntervisionMember extends UuidEntity {
  @IdColumn('group_id')
  groupId!: string;

  @ManyToOne(() => IntervisionGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_intervision_member_group' })
  group?: IntervisionGroup;

  @IdColumn('person_id')
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_intervision_member_person' })
  person?: Person;

  @InstantColumn({ name: 'joined_at' })
  joinedAt!: Date;

  @InstantColumn({ name: 'left_at', nullable: true })
  leftAt!: Date | null;
}

/** A recurrence rule (RFC 5545 RRULE) in wall-clock time of `zone`; a "from this date onward" edit ends it at `endedFrom`. */
@Entity('intervision_series')
@Index('ix_intervision_series_group', ['groupId'])
export class IntervisionSeries extends UuidEntity {
  @IdColumn('group_id')
  groupId!: string;

  @ManyToOne(() => IntervisionGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_intervision_series_group' })
  group?: IntervisionGroup;

  /** e.g. FREQ=WEEKLY;INTERVAL=3;BYDAY=TU */
  @Column({ type: 'varchar', length: 500, charset: 'ascii', collation: 'ascii_bin' })
  rrule!: string;

  /** "HH:MM" on the wall clock of `zone`. */
  @Column({ name: 'start_time', type: 'char', length: 5, charset: 'ascii', collation: 'ascii_bin' })
  startTime!: string;

  @Column({ name: 'duration_minutes', type: 'smallint', unsigned: true })
  durationMinutes!: number;

  @Column({ name: 'starts_on', type: 'date', utc: true })
  startsOn!: string;

  @Column({ name: 'until', type: 'date', utc: true })
  until!: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', default: 'Europe/Amsterdam' })
  zone!: string;

  /** Set when the series was replaced from this date onward; its occurrences before it stay. */
  @Column({ name: 'ended_from', type: 'date', utc: true, nullable: true })
  endedFrom!: string | null;

  /** Dates the rule gave that fell on a closure (or were taken), with what happened to them. */
  @Column({ name: 'skipped_dates', type: 'json' })
  skippedDates!: SkippedDate[];
}

export interface SkippedDate {
  date: string;
  reason: 'closed' | 'passed' | 'taken';
  /** With the shift policy: the school day it moved to. */
  shiftedTo?: string;
}

/** One occurrence, materialised as an appointment of kind intervision_meeting (its own calendar UID). */
@Entity('intervision_meeting')
@Index('uq_intervision_meeting_appointment', ['appointmentId'], { unique: true })
@Index('ix_intervision_meeting_group', ['groupId', 'occurrenceDate'])
export class IntervisionMeeting extends UuidEntity {
  @IdColumn('group_id')
  groupId!: string;

  @ManyToOne(() => IntervisionGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_intervision_meeting_group' })
  group?: IntervisionGroup;

  @IdColumn('series_id', { nullable: true })
  seriesId!: string | null;

  @ManyToOne(() => IntervisionSeries, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'series_id', foreignKeyConstraintName: 'fk_intervision_meeting_series' })
  series?: IntervisionSeries;

  @Column({ name: 'occurrence_date', type: 'date', utc: true })
  occurrenceDate!: string;

  /** The date the rule gave, when the meeting was shifted past a closure or moved. */
  @Column({ name: 'original_date', type: 'date', utc: true, nullable: true })
  originalDate!: string | null;

  @IdColumn('appointment_id')
  appointmentId!: string;

  @ManyToOne(() => Appointment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'appointment_id', foreignKeyConstraintName: 'fk_intervision_meeting_appointment' })
  appointment?: Appointment;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin', default: 'planned' })
  status!: MeetingStatus;

  @IdColumn('case_presenter_person_id', { nullable: true })
  casePresenterPersonId!: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_presenter_person_id', foreignKeyConstraintName: 'fk_intervision_meeting_presenter' })
  casePresenter?: Person;
}

@Entity('intervision_attendance')
@Index('uq_intervision_attendance', ['meetingId', 'personId'], { unique: true })
@Index('ix_intervision_attendance_person', ['personId'])
export class IntervisionAttendance extends UuidEntity {
  @IdColumn('meeting_id')
  meetingId!: string;

  @ManyToOne(() => IntervisionMeeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_intervision_attendance_meeting' })
  meeting?: IntervisionMeeting;

  @IdColumn('person_id')
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_intervision_attendance_person' })
  person?: Person;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin' })
  status!: AttendanceStatus;
}

export const INTERVISION_ENTITIES = [
  IntervisionMethod,
  IntervisionGroup,
  IntervisionMember,
  IntervisionSeries,
  IntervisionMeeting,
  IntervisionAttendance,
];
