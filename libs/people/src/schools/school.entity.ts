import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '@leerkring/core';

export const SECTORS = ['PO', 'SBO', 'SO', 'VSO', 'VO'] as const;
export type Sector = (typeof SECTORS)[number];

/** Vakantieregio: school holidays in the Netherlands differ per region. */
export const HOLIDAY_REGIONS = ['north', 'middle', 'south'] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

@Entity('school')
@Index('uq_school_brin', ['brin', 'vestiging'], { unique: true })
export class School extends UuidEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** BRIN code: 2 digits and 2 letters, e.g. 12AB. */
  @Column({ type: 'char', length: 4, charset: 'ascii', collation: 'ascii_general_ci' })
  brin!: string;

  /** Vestiging number (2 digits), '' for the main location. */
  @Column({ type: 'varchar', length: 2, charset: 'ascii', collation: 'ascii_general_ci', default: '' })
  vestiging!: string;

  @Column({ type: 'varchar', length: 3 })
  sector!: Sector;

  @Column({ name: 'holiday_region', type: 'varchar', length: 6 })
  holidayRegion!: HolidayRegion;

  @Column({ type: 'varchar', length: 200, default: '' })
  street!: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 7, default: '' })
  postalCode!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  city!: string;
}
