import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, UuidEntity } from '@leerkring/core';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

@Entity('person')
@Index('uq_person_email', ['email'], { unique: true })
@Index('ix_person_family_name', ['familyName', 'givenName'])
export class Person extends UuidEntity {
  @Column({ name: 'given_name', type: 'varchar', length: 100 })
  givenName!: string;

  /** Tussenvoegsel, e.g. "van der" in "Anna van der Berg"; sorted on the family name. */
  @Column({ name: 'family_name_prefix', type: 'varchar', length: 30, default: '' })
  familyNamePrefix!: string;

  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName!: string;

  /** Normalized: trimmed and lower-cased, so it is unique case-insensitively. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 2, default: 'nl' })
  language!: Language;

  @Column({ name: 'is_admin', type: 'boolean', default: false })
  isAdmin!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Appointment reminders by mail; invitations and cancellations are always sent. */
  @Column({ name: 'reminders_enabled', type: 'boolean', default: true })
  remindersEnabled!: boolean;

  /** Direct line manager (leidinggevende); later rules refuse a coach who manages the coachee. */
  @IdColumn('line_manager_id', { nullable: true })
  lineManagerId!: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'line_manager_id', foreignKeyConstraintName: 'fk_person_line_manager' })
  lineManager?: Person | null;
}

export function displayName(person: Pick<Person, 'givenName' | 'familyNamePrefix' | 'familyName'>): string {
  return [person.givenName, person.familyNamePrefix, person.familyName].filter(Boolean).join(' ');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
