import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, UuidEntity } from '@leerkring/core';
import { School } from '../schools/school.entity';
import { Person } from './person.entity';

/** A person's function at a school. Coach functions are the five kinds of begeleider. */
export const FUNCTIONS = [
  'teacher',
  'starter',
  'trainee',
  'teaching_assistant',
  'director',
  'werkbegeleider',
  'intern_begeleider',
  'kwaliteitscoordinator',
  'vakcoach',
  'schoolopleider',
] as const;
export type SchoolFunction = (typeof FUNCTIONS)[number];

export const COACH_FUNCTIONS: readonly SchoolFunction[] = [
  'werkbegeleider',
  'intern_begeleider',
  'kwaliteitscoordinator',
  'vakcoach',
  'schoolopleider',
];

@Entity('school_membership')
@Index('uq_membership', ['personId', 'schoolId', 'function'], { unique: true })
@Index('ix_membership_school', ['schoolId', 'function'])
export class SchoolMembership extends UuidEntity {
  @IdColumn('person_id')
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_membership_person' })
  person?: Person;

  @IdColumn('school_id')
  schoolId!: string;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_membership_school' })
  school?: School;

  @Column({ type: 'varchar', length: 32 })
  function!: SchoolFunction;
}
