import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import { IdColumn, InstantColumn, UuidEntity } from '@leerkring/core';
import { Person } from '../persons/person.entity';

/** A person's weekly working hours, in wall-clock time of `zone`. One per person. */
@Entity('working_pattern')
@Index('uq_working_pattern_person', ['personId'], { unique: true })
export class WorkingPattern extends UuidEntity {
  @IdColumn('person_id')
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_working_pattern_person' })
  person?: Person;

  /** IANA zone of the wall-clock times, e.g. Europe/Amsterdam. */
  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', default: 'Europe/Amsterdam' })
  zone!: string;

  @OneToMany(() => WorkingPatternBlock, (block) => block.pattern)
  blocks?: WorkingPatternBlock[];
}

/** One block of working hours on one weekday: Monday 08:15–15:00. A day may have several. */
@Entity('working_pattern_block')
@Index('ix_working_pattern_block_pattern', ['patternId', 'weekday', 'startTime'])
export class WorkingPatternBlock extends UuidEntity {
  @IdColumn('pattern_id')
  patternId!: string;

  @ManyToOne(() => WorkingPattern, (pattern) => pattern.blocks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pattern_id', foreignKeyConstraintName: 'fk_working_pattern_block_pattern' })
  pattern?: WorkingPattern;

  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  @Column({ type: 'tinyint', unsigned: true })
  weekday!: number;

  /** Wall-clock time, "HH:MM:SS". */
  @Column({ name: 'start_time', type: 'time' })
  startTime!: string;

  /** Wall-clock time, after the start; "24:00:00" for the end of the day. */
  @Column({ name: 'end_time', type: 'time' })
  endTime!: string;
}

/** One-off unavailability of a person: a course, leave, sick. Instants in UTC, with the zone it was entered in. */
@Entity('unavailability')
@Index('ix_unavailability_person', ['personId', 'startsAt'])
export class Unavailability extends UuidEntity {
  @IdColumn('person_id')
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_unavailability_person' })
  person?: Person;

  @InstantColumn({ name: 'starts_at' })
  startsAt!: Date;

  @InstantColumn({ name: 'ends_at' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin', default: 'Europe/Amsterdam' })
  zone!: string;

  /** Short, e.g. "Cursus"; visible to the person, admins and their directors. */
  @Column({ type: 'varchar', length: 200, default: '' })
  reason!: string;
}
