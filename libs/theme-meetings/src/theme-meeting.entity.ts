import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, UuidEntity } from '@leerkring/core';

export const MEETING_FORMATS = ['on_site', 'online', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/** How a hybrid meeting's participant attends; on-site and online meetings have one mode. */
export const ATTENDANCE_MODES = ['on_site', 'online'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

export const OFFER_MODES = ['confirm_directly', 'offer'] as const;
export type OfferMode = (typeof OFFER_MODES)[number];

export const MEETING_STATUSES = ['published', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const REGISTRATION_STATUSES = [
  'confirmed',
  'waitlisted',
  'offered',
  'cancelled',
  'declined',
  'expired',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses that hold a seat: they count in the meeting's confirmed counter. */
export const SEAT_HOLDING: readonly RegistrationStatus[] = ['confirmed', 'offered'];
/** Statuses of a live registration: a repeated sign-up returns it instead of making a new one. */
export const LIVE: readonly RegistrationStatus[] = ['confirmed', 'offered', 'waitlisted'];

/**
 * A themabijeenkomst: a catalogue entry teachers sign up for. Its sessions are appointments
 * (kind `theme_session`); its confirmed registrations are their participants.
 *
 * Seats: `confirmedCount` (and `onlineConfirmedCount` for the online half of a hybrid meeting)
 * counts registrations holding a seat (confirmed or offered). It only grows through a
 * conditional UPDATE (`… WHERE confirmed_count < capacity`) under the meeting's row lock, so it
 * never passes the capacity, however many API processes take sign-ups at once.
 */
@Entity('theme_meeting')
@Index('ix_theme_meeting_starts_at', ['startsAt'])
@Index('ix_theme_meeting_ends_at', ['endsAt'])
@Index('ix_theme_meeting_organizer', ['organizerPersonId', 'startsAt'])
export class ThemeMeeting extends UuidEntity {
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'simple-json' })
  tags!: string[];

  @IdColumn('organizer_person_id')
  organizerPersonId!: string;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin' })
  format!: MeetingFormat;

  @IdColumn('school_id', { nullable: true })
  schoolId!: string | null;

  @Column({ type: 'varchar', length: 100, default: '' })
  room!: string;

  /** Shown and mailed to confirmed participants only. */
  @Column({ name: 'online_url', type: 'varchar', length: 500, nullable: true })
  onlineUrl!: string | null;

  /** Seats on site (or online, for an online meeting). */
  @Column({ type: 'int', unsigned: true })
  capacity!: number;

  /** Online seats of a hybrid meeting; null otherwise. */
  @Column({ name: 'online_capacity', type: 'int', unsigned: true, nullable: true })
  onlineCapacity!: number | null;

  @Column({ name: 'confirmed_count', type: 'int', unsigned: true, default: 0 })
  confirmedCount!: number;

  @Column({ name: 'online_confirmed_count', type: 'int', unsigned: true, default: 0 })
  onlineConfirmedCount!: number;

  /** The last waitlist ticket handed out; FIFO order of the waitlist. */
  @Column({ name: 'waitlist_seq', type: 'int', unsigned: true, default: 0 })
  waitlistSeq!: number;

  @InstantColumn({ name: 'registration_opens_at' })
  registrationOpensAt!: Date;

  @InstantColumn({ name: 'registration_closes_at' })
  registrationClosesAt!: Date;

  /** Null: the whole foundation. */
  @Column({ name: 'audience_school_ids', type: 'simple-json', nullable: true })
  audienceSchoolIds!: string[] | null;

  /** Null: every function (else e.g. ['starter']). */
  @Column({ name: 'audience_functions', type: 'simple-json', nullable: true })
  audienceFunctions!: string[] | null;

  @Column({ name: 'hours_credited', type: 'decimal', precision: 5, scale: 2, default: 0 })
  hoursCredited!: string;

  /** Participants may cancel themselves until then; null: until the first session starts. */
  @InstantColumn({ name: 'cancellation_deadline', nullable: true })
  cancellationDeadline!: Date | null;

  @Column({ name: 'offer_mode', type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin' })
  offerMode!: OfferMode;

  @Column({ name: 'offer_hours', type: 'int', unsigned: true, default: 24 })
  offerHours!: number;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin', default: 'published' })
  status!: MeetingStatus;

  /** First session's start and last session's end, for the catalogue. */
  @InstantColumn({ name: 'starts_at' })
  startsAt!: Date;

  @InstantColumn({ name: 'ends_at' })
  endsAt!: Date;
}

/** One part of a theme meeting; attended as one with the others. Its appointment carries the participants. */
@Entity('theme_meeting_session')
@Index('uq_theme_meeting_session_appointment', ['appointmentId'], { unique: true })
@Index('ix_theme_meeting_session_meeting', ['meetingId', 'position'])
export class ThemeMeetingSession extends UuidEntity {
  @IdColumn('meeting_id')
  meetingId!: string;

  @IdColumn('appointment_id')
  appointmentId!: string;

  @Column({ type: 'int', unsigned: true })
  position!: number;

  @InstantColumn({ name: 'starts_at' })
  startsAt!: Date;

  @InstantColumn({ name: 'ends_at' })
  endsAt!: Date;

  /** Check-in code shown at the venue. */
  @Column({ name: 'check_in_code', type: 'varchar', length: 12, charset: 'ascii', collation: 'ascii_bin' })
  checkInCode!: string;
}

/** One person's registration for one meeting (unique per meeting and person). */
@Entity('theme_registration')
@Index('uq_theme_registration', ['meetingId', 'personId'], { unique: true })
@Index('uq_theme_registration_idempotency', ['personId', 'idempotencyKey'], { unique: true })
@Index('ix_theme_registration_waitlist', ['meetingId', 'status', 'mode', 'waitlistSeq'])
@Index('ix_theme_registration_offer', ['status', 'offerDeadline'])
export class ThemeRegistration extends UuidEntity {
  @IdColumn('meeting_id')
  meetingId!: string;

  @IdColumn('person_id')
  personId!: string;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin' })
  mode!: AttendanceMode;

  @Column({ type: 'varchar', length: 12, charset: 'ascii', collation: 'ascii_bin' })
  status!: RegistrationStatus;

  /** The waitlist ticket (FIFO); the position shown is the rank among those still waiting. */
  @Column({ name: 'waitlist_seq', type: 'int', unsigned: true, nullable: true })
  waitlistSeq!: number | null;

  @InstantColumn({ name: 'offer_deadline', nullable: true })
  offerDeadline!: Date | null;

  /** How many offers this registration had; part of each offer mail's dedupe key and token. */
  @Column({ name: 'offer_round', type: 'int', unsigned: true, default: 0 })
  offerRound!: number;

  @Column({
    name: 'idempotency_key',
    type: 'varchar',
    length: 100,
    charset: 'ascii',
    collation: 'ascii_bin',
    nullable: true,
  })
  idempotencyKey!: string | null;

  @Column({ name: 'attended_hours', type: 'decimal', precision: 5, scale: 2, nullable: true })
  attendedHours!: string | null;

  @Column({ name: 'evaluation_score', type: 'tinyint', unsigned: true, nullable: true })
  evaluationScore!: number | null;

  @Column({ name: 'evaluation_comment', type: 'text', nullable: true })
  evaluationComment!: string | null;

  /** When the participant last submitted (or replaced) their evaluation. */
  @InstantColumn({ name: 'evaluated_at', nullable: true })
  evaluatedAt!: Date | null;

  /** When the evaluation link was mailed after the meeting: once per registration. */
  @InstantColumn({ name: 'evaluation_requested_at', nullable: true })
  evaluationRequestedAt!: Date | null;

  @InstantColumn({ name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;

  @InstantColumn({ name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;
}

export const ATTENDANCE_SOURCES = ['organiser', 'check_in'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/**
 * Whether one confirmed participant was at one session: marked by the organiser (present or
 * absent) or by the participant's own check-in with the session's code (present). One row per
 * (registration, session); the registration's `attendedHours` is derived from these rows.
 */
@Entity('theme_attendance')
@Index('uq_theme_attendance', ['registrationId', 'sessionId'], { unique: true })
@Index('ix_theme_attendance_session', ['sessionId'])
export class ThemeAttendance extends UuidEntity {
  @IdColumn('registration_id')
  registrationId!: string;

  @IdColumn('session_id')
  sessionId!: string;

  @Column({ type: 'boolean' })
  present!: boolean;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin' })
  source!: AttendanceSource;

  @IdColumn('recorded_by_person_id')
  recordedByPersonId!: string;
}

export const THEME_MEETING_ENTITIES = [ThemeMeeting, ThemeMeetingSession, ThemeRegistration, ThemeAttendance];
