import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, UuidEntity } from '@leerkring/core';
import { School, type HolidayRegion } from '../schools/school.entity';

/** Schoolvakantie, studiedag, feestdag. */
export const CLOSURE_KINDS = ['holiday', 'study_day', 'public_holiday'] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

/**
 * Who a closure applies to: every school (public holidays, and holidays Rijksoverheid sets for
 * "heel Nederland"), the schools of one holiday region, or one school.
 */
export const CLOSURE_SCOPES = ['national', 'region', 'school'] as const;
export type ClosureScope = (typeof CLOSURE_SCOPES)[number];

/** Where a closure came from. Imported rows are keyed by `sourceKey`, so a re-import changes nothing. */
export const CLOSURE_SOURCES = ['rijksoverheid', 'ical', 'ical_feed', 'manual'] as const;
export type ClosureSource = (typeof CLOSURE_SOURCES)[number];

/**
 * A period in which a school is closed: dates, not instants, both ends included. The columns
 * `region` and `school_id` follow `scope`: a region closure has only a region, a school closure
 * only a school, a national one neither.
 */
@Entity('closure')
@Index('uq_closure_source', ['source', 'sourceKey'], { unique: true })
@Index('ix_closure_school', ['schoolId', 'endDate'])
@Index('ix_closure_region', ['region', 'endDate'])
@Index('ix_closure_scope', ['scope', 'endDate'])
export class Closure extends UuidEntity {
  @Column({ type: 'varchar', length: 16 })
  kind!: ClosureKind;

  /** As shown to people, in Dutch: "Herfstvakantie", "Studiedag team", "Koningsdag". */
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** First closed day. */
  @Column({ name: 'start_date', type: 'date', utc: true })
  startDate!: string;

  /** Last closed day (included). */
  @Column({ name: 'end_date', type: 'date', utc: true })
  endDate!: string;

  @Column({ type: 'varchar', length: 8 })
  scope!: ClosureScope;

  @Column({ type: 'varchar', length: 6, nullable: true })
  region!: HolidayRegion | null;

  @IdColumn('school_id', { nullable: true })
  schoolId!: string | null;

  @ManyToOne(() => School, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'fk_closure_school' })
  school?: School | null;

  /** "2026-2027": the school year the closure starts in (1 August to 31 July). */
  @Column({ name: 'school_year', type: 'char', length: 9, charset: 'ascii', collation: 'ascii_bin' })
  schoolYear!: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  source!: ClosureSource;

  /**
   * Identifies the row within its source: `2026-2027/herfstvakantie/north` (Rijksoverheid),
   * `feestdag/2027-04-27` (public holidays), `{schoolId}/{UID}` (iCalendar file
   * or feed), the id (manual).
   */
  @Column({ name: 'source_key', type: 'varchar', length: 320, collation: 'utf8mb4_bin' })
  sourceKey!: string;
}
