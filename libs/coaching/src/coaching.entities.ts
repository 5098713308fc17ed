import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, UuidEntity } from '@leerkring/core';
import { Person, School } from '@leerkring/people';
import { Appointment } from '@leerkring/scheduling';

export const TRAJECTORY_STATUSES = ['requested', 'active', 'closed'] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];

export const SESSION_STATUSES = ['planned', 'held', 'cancelled', 'no_show'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const VISIT_STATUSES = ['planned', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** A coaching method (methodiek) from the admin-configurable list; the migration seeds five. */
@Entity('coaching_method')
@Index('uq_coaching_method_code', ['code'], { unique: true })
export class CoachingMethod extends UuidEntity {
  @Column({ type: 'varchar', length: 60, charset: 'ascii', collation: 'ascii_bin' })
  code!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder!: number;
}

/** A begeleidingstraject: one coach, one coachee, at one school, with a question and a planned number of sessions. */
@Entity('coaching_trajectory')
@Index('ix_coaching_trajectory_coach', ['coachPersonId', 'status'])
@Index('ix_coaching_trajectory_coachee', ['coacheePersonId', 'status'])
@Index('ix_coaching_trajectory_school', ['schoolId', 'status'])
export class CoachingTrajectory extends UuidEntity {
  @IdColumn('coach_person_id')
  coachPersonId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coach_person_id', foreignKeyConstraintName: 'fk_coaching_trajectory_coach' })
  coach?: Person;

  @IdColumn('coachee_person_id')
  coacheePersonId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coachee_person_id', foreignKeyConstraintName: 'fk_coaching_trajectory_coachee' })
  coachee?: Person;

  @IdColumn('school_id')
  schoolId!: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_coaching_trajectory_school' })
  school?: School;

  @Column({ name: 'coaching_question', type: 'text' })
  coachingQuestion!: string;

  @Column({ type: 'text' })
  goals!: string;

  @IdColumn('method_id')
  methodId!: string;

  @ManyToOne(() => CoachingMethod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'method_id', foreignKeyConstraintName: 'fk_coaching_trajectory_method' })
  method?: CoachingMethod;

  @Column({ name: 'planned_sessions', type: 'smallint', unsigned: true })
  plannedSessions!: number;

  /** A calendar date (YYYY-MM-DD), not an instant. */
  @Column({ name: 'start_date', type: 'date', utc: true })
  startDate!: string;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin', default: 'requested' })
  status!: TrajectoryStatus;

  @Column({ name: 'closing_evaluation', type: 'text', nullable: true })
  closingEvaluation!: string | null;

  @InstantColumn({ name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}

/** A coachgesprek: one appointment of kind coaching_session, with its outcome and its notes. */
@Entity('coaching_session')
@Index('uq_coaching_session_appointment', ['appointmentId'], { unique: true })
@Index('ix_coaching_session_trajectory', ['trajectoryId'])
export class CoachingSession extends UuidEntity {
  @IdColumn('trajectory_id')
  trajectoryId!: string;

  @ManyToOne(() => CoachingTrajectory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trajectory_id', foreignKeyConstraintName: 'fk_coaching_session_trajectory' })
  trajectory?: CoachingTrajectory;

  @IdColumn('appointment_id')
  appointmentId!: string;

  @ManyToOne(() => Appointment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'appointment_id', foreignKeyConstraintName: 'fk_coaching_session_appointment' })
  appointment?: Appointment;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin', default: 'planned' })
  status!: SessionStatus;

  @IdColumn('cancelled_by_person_id', { nullable: true })
  cancelledByPersonId!: string | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  @InstantColumn({ name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;

  /** AES-256-GCM: base64 of IV (12) ‖ tag (16) ‖ ciphertext. Only coach and coachee read it. */
  @Column({ name: 'note_ciphertext', type: 'mediumtext', charset: 'ascii', collation: 'ascii_bin', nullable: true })
  noteCiphertext!: string | null;

  /** Which key encrypted the note, so keys can rotate. */
  @Column({
    name: 'note_key_id',
    type: 'varchar',
    length: 16,
    charset: 'ascii',
    collation: 'ascii_bin',
    nullable: true,
  })
  noteKeyId!: string | null;

  /** Afspraken both coach and coachee see; nobody else. */
  @Column({ name: 'shared_agreements', type: 'text', nullable: true })
  sharedAgreements!: string | null;
}

export interface FormScaleStep {
  value: number;
  label: string;
}

export interface FormItem {
  key: string;
  text: string;
}

export interface FormDomain {
  key: string;
  title: string;
  items: FormItem[];
}

/** A kijkwijzer: domains with items, scored on one scale, with a comment per item and overall. */
@Entity('observation_form')
export class ObservationForm extends UuidEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'json' })
  scale!: FormScaleStep[];

  @Column({ type: 'json' })
  domains!: FormDomain[];
}

/** A klassenbezoek: it owns three appointments (pre-visit meeting, visit, debrief). */
@Entity('classroom_visit')
@Index('ix_classroom_visit_teacher', ['teacherPersonId'])
@Index('ix_classroom_visit_observer', ['observerPersonId'])
@Index('ix_classroom_visit_school', ['schoolId'])
export class ClassroomVisit extends UuidEntity {
  @IdColumn('observer_person_id')
  observerPersonId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'observer_person_id', foreignKeyConstraintName: 'fk_classroom_visit_observer' })
  observer?: Person;

  @IdColumn('teacher_person_id')
  teacherPersonId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teacher_person_id', foreignKeyConstraintName: 'fk_classroom_visit_teacher' })
  teacher?: Person;

  @IdColumn('school_id')
  schoolId!: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_classroom_visit_school' })
  school?: School;

  @Column({ name: 'group_name', type: 'varchar', length: 60 })
  groupName!: string;

  /** An assessment visit (beoordeling); false by default, and shown to the teacher beforehand. */
  @Column({ type: 'boolean', default: false })
  assessment!: boolean;

  @IdColumn('form_id')
  formId!: string;

  @ManyToOne(() => ObservationForm, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'form_id', foreignKeyConstraintName: 'fk_classroom_visit_form' })
  form?: ObservationForm;

  @IdColumn('pre_appointment_id')
  preAppointmentId!: string;

  @ManyToOne(() => Appointment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pre_appointment_id', foreignKeyConstraintName: 'fk_classroom_visit_pre_appointment' })
  preAppointment?: Appointment;

  @IdColumn('visit_appointment_id')
  visitAppointmentId!: string;

  @ManyToOne(() => Appointment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_appointment_id', foreignKeyConstraintName: 'fk_classroom_visit_visit_appointment' })
  visitAppointment?: Appointment;

  @IdColumn('debrief_appointment_id')
  debriefAppointmentId!: string;

  @ManyToOne(() => Appointment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'debrief_appointment_id', foreignKeyConstraintName: 'fk_classroom_visit_debrief_appointment' })
  debriefAppointment?: Appointment;

  @Column({ type: 'varchar', length: 10, charset: 'ascii', collation: 'ascii_bin', default: 'planned' })
  status!: VisitStatus;

  /** Set when the observer marks the debrief held: from then on the teacher sees the observation. */
  @InstantColumn({ name: 'debrief_held_at', nullable: true })
  debriefHeldAt!: Date | null;
}

export interface ObservationAnswer {
  itemKey: string;
  score: number | null;
  comment: string;
}

/** The observer's filled-in form for one visit. */
@Entity('observation')
@Index('uq_observation_visit', ['visitId'], { unique: true })
export class Observation extends UuidEntity {
  @IdColumn('visit_id')
  visitId!: string;

  @ManyToOne(() => ClassroomVisit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_observation_visit' })
  visit?: ClassroomVisit;

  @Column({ type: 'json' })
  answers!: ObservationAnswer[];

  @Column({ name: 'overall_comment', type: 'text', nullable: true })
  overallComment!: string | null;
}

export const COACHING_ENTITIES = [
  CoachingMethod,
  CoachingTrajectory,
  CoachingSession,
  ObservationForm,
  ClassroomVisit,
  Observation,
];
