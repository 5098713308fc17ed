import { Column, Entity } from 'typeorm';
import { UuidEntity } from '@leerkring/core';

/** The stichting this deployment serves. One row; its name appears in every mail. */
@Entity('foundation')
export class Foundation extends UuidEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;
}
