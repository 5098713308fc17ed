import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import { IdColumn, InstantColumn, UuidEntity } from '@leerkring/core';
import { Person, School } from '@leerkring/people';

/** What an appointment is for. Only `meeting` is made through the API so far; the rest come with their domains. */
export const APPOINTMENT_KINDS = [
  'meeting',
  'coaching_session',
  'intervision_meeting',
  'theme_session',
  'visit_pre',
  'visit',
  'visit_debrief',
] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

export const APPOINTMENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const PARTICIPANT_ROLES = ['organizer', 'required', 'optional'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const RSVP_STATES = ['needs_action', 'accepted', 'declined', 'tentative'] as const;
export type RsvpState = (typeof RSVP_STATES)[number];

/**
 * The one appointment model (DESIGN.md): something at a time range, at a place, with
 * participants. Every kind of planning produces these; invitations, reminders and the calendar
 * feed are written once, against them.
 */
@Entity('appointment')
@Index('uq_appointment_ical_uid', ['icalUid'], { unique: true })
@Index('ix_appointment_starts_at', ['startsAt'])
@Index('ix_appointment_organizer', ['organizerPersonId', 'startsAt'])
export class Appointment extends UuidEntity {
  @Column({ type: 'varchar', length: 30, charset: 'ascii', collation: 'ascii_bin' })
  kind!: AppointmentKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** UTC instants; `zone` says which wall clock the people involved read them on. */
  @InstantColumn({ name: 'starts_at' })
  startsAt!: Date;

  @InstantColumn({ name: 'ends_at' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', default: 'Europe/Amsterdam' })
  zone!: string;

  /** Where: a school (with a room), an online link, or both. */
  @IdColumn('school_id', { nullable: true })
  schoolId!: string | null;

  @ManyToOne(() => School, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_appointment_school' })
  school?: School | null;

  @Column({ type: 'varchar', length: 100, default: '' })
  room!: string;

  @Column({ name: 'online_url', type: 'varchar', length: 500, nullable: true })
  onlineUrl!: string | null;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin', default: 'scheduled' })
  status!: AppointmentStatus;

  /**
   * Starts at 0; +1 on every change that matters to a participant (time, place, title,
   * description, participants, cancellation), never on an RSVP. It is the iCalendar SEQUENCE
   * and the optimistic-concurrency token (`If-Match`).
   */
  @Column({ type: 'int', unsigned: true, default: 0 })
  version!: number;

  /**
   * The version of the last change everyone sees (time, place, title, description, status).
   * Adding or removing people bumps `version` but not this: only they are mailed then.
   */
  @Column({ name: 'content_version', type: 'int', unsigned: true, default: 0 })
  contentVersion!: number;

  /** Stable for the appointment's life, so calendars update the same entry: `{id}@{PUBLIC_URL host}`. */
  @Column({ name: 'ical_uid', type: 'varchar', length: 255, charset: 'ascii', collation: 'ascii_bin' })
  icalUid!: string;

  @IdColumn('organizer_person_id')
  organizerPersonId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizer_person_id', foreignKeyConstraintName: 'fk_appointment_organizer' })
  organizer?: Person;

  @OneToMany(() => AppointmentParticipant, (participant) => participant.appointment)
  participants?: AppointmentParticipant[];
}

/**
 * A person on an appointment. Removal is soft (`removedAt`), so the notifier still knows to
 * send the removed person a CANCEL.
 */
@Entity('appointment_participant')
@Index('uq_appointment_participant', ['appointmentId', 'personId'], { unique: true })
@Index('ix_appointment_participant_person', ['personId', 'removedAt'])
export class AppointmentParticipant extends UuidEntity {
  @IdColumn('appointment_id')
  appointmentId!: string;

  @ManyToOne(() => Appointment, (appointment) => appointment.participants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appointment_id', foreignKeyConstraintName: 'fk_appointment_participant_appointment' })
  appointment?: Appointment;

  @IdColumn('person_id')
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_appointment_participant_person' })
  person?: Person;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin' })
  role!: ParticipantRole;

  @Column({ type: 'varchar', length: 12, charset: 'ascii', collation: 'ascii_bin', default: 'needs_action' })
  rsvp!: RsvpState;

  @InstantColumn({ name: 'rsvp_at', nullable: true })
  rsvpAt!: Date | null;

  /** The appointment's version when this person was (last) added: at that version they get an invitation, later an update. */
  @Column({ name: 'added_version', type: 'int', unsigned: true, default: 0 })
  addedVersion!: number;

  @InstantColumn({ name: 'removed_at', nullable: true })
  removedAt!: Date | null;

  /** The appointment's version the removal made; their CANCEL carries it. */
  @Column({ name: 'removed_version', type: 'int', unsigned: true, nullable: true })
  removedVersion!: number | null;
}
